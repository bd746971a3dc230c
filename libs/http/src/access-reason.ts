import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ACCESS_REASON_HEADER } from '@mukti/security';

/**
 * The reason an admin states for opening a record (X-Access-Reason), if any. Its form (a code,
 * and perhaps a reference) was checked with the caller's token (StaffAuthGuard, 400 otherwise).
 */
export const AccessReason = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers[ACCESS_REASON_HEADER];
  const reason = Array.isArray(value) ? value[0] : value;
  return reason?.trim() || undefined;
});
