import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ACCESS_REASON_HEADER } from '@mukti/security';

/** The longest reason an admin may state; the OpenAPI document says so too. */
export const MAX_ACCESS_REASON_LENGTH = 500;

/** The reason an admin states for opening a record (X-Access-Reason), if any. */
export const AccessReason = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers[ACCESS_REASON_HEADER];
  const reason = Array.isArray(value) ? value[0] : value;
  if (reason !== undefined && reason.length > MAX_ACCESS_REASON_LENGTH) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'the request is not valid',
      details: [{ field: ACCESS_REASON_HEADER, reason: `must be at most ${MAX_ACCESS_REASON_LENGTH} characters` }],
    });
  }
  return reason?.trim() || undefined;
});
