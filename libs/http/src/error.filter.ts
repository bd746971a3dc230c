import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '@mukti/decider';

const reason = (status: number) => STATUS_CODES[status] ?? 'Error';
const domainStatus = { 'not-found': 404, conflict: 409, 'rule-violated': 422 } as const;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

/** Errors thrown by a service client carry the answer of the service behind it. */
export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/**
 * One error shape for every service: { statusCode, error, message, details?, requestId }.
 * Refusals by the domain map to 404/409/422; bad input is 400 (malformed JSON included); a method
 * a known path does not have is 405;
 * anything unexpected is a logged 500 that shows no internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const requestId = request.id ? String(request.id) : undefined;
    // A 404 for a path some route has, when none has this method: the router found no handler.
    const allowed = exception instanceof NotFoundException ? methodsOfPath(request) : [];
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      response.setHeader('allow', allowed.join(', '));
      response.status(405).json({ statusCode: 405, error: reason(405), message: `${request.method} is not allowed here; allowed: ${allowed.join(', ')}`, requestId });
      return;
    }
    const body = errorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId, url: request.originalUrl }, 'request failed');
    }
    response.status(body.statusCode).json({ ...body, requestId });
  }
}

type RouteLayer = { route?: { path: string; methods: Record<string, boolean> }; match(path: string): unknown };

/**
 * The methods the routes matching this path answer (none when the path itself is unknown): a
 * known path asked with another method is a 405 with Allow, not a 404. Read from Express's router.
 */
function methodsOfPath(request: Request): string[] {
  const stack = (request.app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    // Middleware applied to every route is mounted on a wildcard path; endpoints never are.
    if (!layer.route || layer.route.path.includes('*') || !layer.match(request.path)) continue;
    for (const method of Object.keys(layer.route.methods)) if (method !== '_all') methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** The error shape of any exception: what the client is told. */
export function errorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = domainStatus[exception.kind];
    return { statusCode, error: reason(statusCode), message: exception.message, details: exception.details };
  }
  if (exception instanceof UpstreamError) return { ...exception.body, statusCode: exception.status };
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const answer = exception.getResponse();
    if (typeof answer === 'object' && answer !== null) {
      const { message, error, details } = answer as Record<string, unknown>;
      return {
        statusCode,
        error: typeof error === 'string' ? error : reason(statusCode),
        message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
        ...(details !== undefined ? { details } : {}),
      };
    }
    return { statusCode, error: reason(statusCode), message: String(answer) };
  }
  // body-parser's errors (malformed JSON, body too large) carry their own status.
  const parserError = exception as { type?: string; status?: number; message?: string };
  if (parserError?.type?.startsWith('entity.') && parserError.status && parserError.status < 500) {
    return {
      statusCode: parserError.status,
      error: reason(parserError.status),
      message:
        parserError.type === 'entity.parse.failed' ? 'the request body is not valid JSON' : String(parserError.message),
    };
  }
  return { statusCode: 500, error: 'Internal Server Error', message: 'something went wrong; the request id identifies it in the logs' };
}
