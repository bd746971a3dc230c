import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, lastValueFrom } from 'rxjs';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { PersonDataAccessedV1, RecordKind, StaffRole } from '@mukti/contracts';
import { STAFF_ENDPOINT, UpstreamError } from '@mukti/http';
import { LOGGER, traceparentOf } from '@mukti/observability';
import { ACCESS_REASON_HEADER, AuthenticatedRequest } from '@mukti/security';
import { recordCreatedBy, recordOpenedBy, StaffEndpoint, staffEndpoints, StaffEndpointName } from '@mukti/staff-api';
import { AuditTrail } from './audit-trail';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a field of an object holds: `field` (or `record.field`, inside), or `list[].field` for that field of each item of a list (a listing's people). */
function valuesAt(value: unknown, field: string): unknown[] {
  const [path, inner] = field.split('[].');
  const named = path!.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
  if (inner === undefined) return Array.isArray(named) ? named : [named];
  return Array.isArray(named) ? named.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>)[inner] : undefined)) : [];
}

/** The well-formed ids in these fields of a body or an answer (each an id, a list of ids, or `list[].field`), once each. */
function idsIn(fields: readonly string[] = [], value: unknown, ...more: unknown[]): string[] {
  const found = fields.flatMap((field) => valuesAt(value, field));
  return [...new Set([...more, ...found].filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
}

/** The people a request is about: her id in the path, and the ids in the body fields the endpoint names people in. */
export function peopleNamedBy(endpoint: StaffEndpoint, pathPersonId: unknown, body: unknown): string[] {
  return idsIn(endpoint.peopleInBody, body, pathPersonId);
}

/**
 * Every staff request that reads or changes a person's data leaves two records: `requested`
 * before it goes to the service (no record, no request: 503), and how it ended. A read whose
 * outcome cannot be recorded is not answered either; a write whose outcome cannot be recorded
 * has already happened, and its `requested` record stands.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly trail: AuditTrail,
    private readonly reflector: Reflector,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const name = this.reflector.get<StaffEndpointName | undefined>(STAFF_ENDPOINT, context.getHandler());
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { id?: string }>();
    if (!name || !request.principal) return next.handle();
    const endpoint: StaffEndpoint = staffEndpoints[name];
    // Only what touches a person's record, or a record with a team of its own (creating one included), is audited (indicators and the export are counts).
    const opened = recordOpenedBy(endpoint, request.params);
    if (!endpoint.path.includes('{personId}') && !opened && !endpoint.peopleInBody && !endpoint.peopleInAnswer && !endpoint.recordInAnswer) return next.handle();
    const reason = request.headers[ACCESS_REASON_HEADER];
    const base = {
      ...(opened && UUID.test(opened.id) ? { record: opened } : {}),
      staffId: request.principal.sub,
      staffRole: request.principal.role as StaffRole,
      action: name,
      method: endpoint.method,
      requestId: String(request.id),
      ...(typeof reason === 'string' && reason.trim() ? { reason: reason.trim().slice(0, 500) } : {}),
    };
    const traceparent = traceparentOf(request.headers['traceparent']);
    // One record per person the request names (a registration, before its answer, names no one yet), sent as one batch.
    const record = (people: string[], outcome: PersonDataAccessedV1['outcome'], status?: number, created?: { kind: Exclude<RecordKind, 'person'>; id: string }) => {
      const at = new Date().toISOString();
      const under = created && UUID.test(created.id) ? { record: created } : {};
      return this.trail.record(
        (people.length > 0 ? people : [undefined]).map((personId) => ({ ...base, ...under, ...(personId ? { personId } : {}), outcome, ...(status ? { status } : {}), at })),
        traceparent,
      );
    };

    return from(
      (async () => {
        const named = peopleNamedBy(endpoint, request.params['personId'], request.body);
        // No record, no request: a registration is recorded before it goes on too, by its request id.
        await this.orRefuse(record(named, 'requested'));
        let result: unknown;
        try {
          result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        } catch (error) {
          const status = error instanceof UpstreamError ? error.status : ((error as { getStatus?: () => number }).getStatus?.() ?? 500);
          await record(named, status === 403 || status === 404 ? 'refused' : 'failed', status).catch((failure) =>
            this.logger.error({ err: failure, requestId: base.requestId }, 'audit record of a failed request could not be written'),
          );
          throw error;
        }
        const status = context.switchToHttp().getResponse<Response>().statusCode;
        // A registration names her only in its answer, a prevention plan its people, a listing everyone it showed; other answers' ids (a household, a plan) are not people.
        const subjects = named.length > 0 ? named : idsIn(endpoint.peopleInAnswer, result);
        // A record with a team of its own (an operation, a case) is on the trail even when the answer names no one.
        // A record the request created (an FIR's case) is named by the answer: the request is on the trail under it too.
        const created = recordCreatedBy(endpoint, result);
        if (subjects.length > 0 || base.record || created) {
          const written = record(subjects, 'succeeded', status, created);
          if (endpoint.method === 'GET') await this.orRefuse(written);
          else {
            await written.catch((failure) =>
              this.logger.error({ err: failure, requestId: base.requestId }, 'audit record of a completed write could not be written'),
            );
          }
        }
        return result;
      })(),
    );
  }

  private async orRefuse(writing: Promise<void>): Promise<void> {
    try {
      await writing;
    } catch (error) {
      this.logger.error({ err: error }, 'audit trail unavailable: request refused');
      throw new ServiceUnavailableException('the audit trail cannot be written just now, so this request was not carried out; try again shortly');
    }
  }
}
