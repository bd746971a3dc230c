import { BadRequestException, createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { CommandContext } from '@mukti/contracts';
import type { AuthenticatedRequest } from '@mukti/security';
import { invalidField } from './validation';
import { traceparentOf } from '@mukti/observability';

/**
 * What a command handler needs to know about the request: who acts (the token's subject and
 * role), and the ids that tie the events it causes to this request across every service.
 */
export const RequestContext = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & { id?: string }>();
  if (!request.principal) throw new UnauthorizedException('a bearer token is required');
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (key !== undefined && !isIdempotencyKey(key)) throw malformedIdempotencyKey();
  return {
    actor: { id: request.principal.sub, role: request.principal.role },
    correlationId: String(request.id),
    traceparent: traceparentOf(request.headers['traceparent']),
    // Scoped to the caller: another staff member's key never finds her request.
    ...(key ? { requestKey: `${request.principal.sub}|${key}` } : {}),
  };
});

/**
 * A command sent again with the same key (a retry after a timeout or a dropped connection) gets
 * the first one's answer and changes nothing more.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

function isIdempotencyKey(key: unknown): key is string {
  return typeof key === 'string' && IDEMPOTENCY_KEY.test(key);
}

function malformedIdempotencyKey(): BadRequestException {
  return invalidField(IDEMPOTENCY_KEY_HEADER, 'must be 8 to 128 letters, digits, "-" or "_" (a UUID will do)');
}

/**
 * Express middleware for every request: a malformed Idempotency-Key is a 400 wherever it is sent,
 * not only on the handlers that read it (the others would take the request as if no key were
 * given, and a retry would do the change twice).
 */
export function refuseMalformedIdempotencyKeys(request: Request, _response: Response, next: NextFunction): void {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  next(key === undefined || isIdempotencyKey(key) ? undefined : malformedIdempotencyKey());
}
