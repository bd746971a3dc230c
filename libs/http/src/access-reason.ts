import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ACCESS_REASON_HEADER } from '@mukti/security';

/** The reason an admin states for opening a record (X-Access-Reason), if any. */
export const AccessReason = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers[ACCESS_REASON_HEADER];
  const reason = Array.isArray(value) ? value[0] : value;
  if (reason !== undefined && reason.length > 500) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'the request is not valid',
      details: [{ field: ACCESS_REASON_HEADER, reason: 'must be at most 500 characters' }],
    });
  }
  return reason?.trim() || undefined;
});
