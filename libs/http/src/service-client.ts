import { GatewayTimeoutException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { ErrorBody, UpstreamError } from './error.filter';
import { traceHeadersFor } from '@mukti/observability';
import { ACCESS_REASON_HEADER, AuthenticatedRequest, ServiceTokenIssuer } from '@mukti/security';
import { IDEMPOTENCY_KEY_HEADER } from './request-context';

/**
 * Calls another service on behalf of the staff member (the gateway forwarding her request, or a
 * service asking intake to seal with a person's key). The gateway (`vouchWith` its signing key)
 * sends a fresh service token naming her; a service behind it passes on the gateway's token it
 * was called with, so it can act only for someone the gateway let in within the last minute and
 * holds no key that could speak for anyone. Along go the request id, trace context and an admin's stated reason. A refusal by the
 * service (4xx) reaches the caller as it is; a failure (5xx) is a 502; unreachable is a 503; a
 * change that got no answer in time is a 504 that says its outcome is unknown.
 */
export class ServiceClient {
  private readonly timeoutMs: number;
  private readonly issuer?: ServiceTokenIssuer;

  constructor(
    private readonly service: string,
    private readonly baseUrl: string,
    options: { timeoutMs?: number; vouchWith?: ServiceTokenIssuer } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.issuer = options.vouchWith;
  }

  private async authorizationFor(caller: AuthenticatedRequest): Promise<string> {
    if (!this.issuer) return caller.headers.authorization ?? '';
    if (!caller.principal) throw new UnauthorizedException('a bearer token is required');
    return `Bearer ${await this.issuer.issue(caller.principal)}`;
  }

  async send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, caller: AuthenticatedRequest & { id?: unknown }, body?: unknown): Promise<T> {
    const authorization = await this.authorizationFor(caller);
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          authorization,
          'x-request-id': String(caller.id ?? ''),
          ...traceHeadersFor(caller.headers['traceparent']),
          ...(caller.headers[ACCESS_REASON_HEADER] ? { [ACCESS_REASON_HEADER]: String(caller.headers[ACCESS_REASON_HEADER]) } : {}),
          ...(caller.headers[IDEMPOTENCY_KEY_HEADER] ? { [IDEMPOTENCY_KEY_HEADER]: String(caller.headers[IDEMPOTENCY_KEY_HEADER]) } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError' && method !== 'GET') {
        // It may have done it: only the caller can tell, by asking again or reading what is there.
        throw new GatewayTimeoutException({
          statusCode: 504,
          error: 'Gateway Timeout',
          message: `the ${this.service} service did not answer within ${this.timeoutMs / 1000} s; the outcome is unknown: the change may have been made. Send it again with the same Idempotency-Key (a retry then gets the first answer), or read the record first`,
        });
      }
      throw new ServiceUnavailableException(`the ${this.service} service is not reachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    // 204 and friends: nothing to pass on.
    if (response.ok) return parsed as T;
    if (response.status < 500) throw new UpstreamError(response.status, parsed as ErrorBody);
    throw new UpstreamError(502, {
      statusCode: 502,
      error: 'Bad Gateway',
      message: `the ${this.service} service failed (${response.status}); its request id identifies it in the logs`,
    });
  }

  async health(): Promise<Record<string, unknown>> {
    const response = await fetch(new URL('/health', this.baseUrl), { signal: AbortSignal.timeout(3000) });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${this.service} is not ready: ${JSON.stringify(body)}`);
    return body;
  }
}

