import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import type { AuthenticatedRequest } from '@mukti/security';
import { traceparentOf } from '@mukti/observability';

/**
 * What a command handler needs to know about the request: who acts (the token's subject and
 * role), and the ids that tie the events it causes to this request across every service.
 */
export const RequestContext = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & { id?: string }>();
  if (!request.principal) throw new UnauthorizedException('a bearer token is required');
  return {
    actor: { id: request.principal.sub, role: request.principal.role },
    correlationId: String(request.id),
    traceparent: traceparentOf(request.headers['traceparent']),
  };
});
