import {
  BadRequestException,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Actor, StaffRole } from '@mukti/contracts';
import { InvalidTokenError, PrincipalVerifier, StaffPrincipal } from './staff-token';
import { ACCESS_REASON_HEADER, accessReasonProblem } from './access-policy';

const PUBLIC = 'mukti:public';
const ROLES = 'mukti:roles';

/** An endpoint anyone may call (health, API documentation). Everything else needs a token. */
export const Public = () => SetMetadata(PUBLIC, true);

/** The roles allowed to call an endpoint; any other role gets 403. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

export type AuthenticatedRequest = Request & { principal?: StaffPrincipal };

/**
 * The one authentication and role check, used by the gateway (staff tokens) and by every service
 * behind it (the gateway's service tokens only; see foundationProviders): no token or a bad one is 401, a role the
 * endpoint does not allow is 403. An endpoint without @Roles or @Public is refused: closed by default.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly verifier: PrincipalVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw new UnauthorizedException('a bearer token is required: "Authorization: Bearer <token>"');
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(`invalid token: ${error.message}`);
      throw error;
    }
    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);
    if (!allowed) throw new ForbiddenException('this endpoint has no role policy');
    if (!allowed.includes(request.principal.role)) {
      throw new ForbiddenException(`role "${request.principal.role}" may not do this`);
    }
    // A reason the trail may not keep (an empty one included) is refused before anything is read or recorded.
    const reason = request.headers[ACCESS_REASON_HEADER];
    const stated = Array.isArray(reason) ? reason.join(',') : reason;
    const problem = stated === undefined ? undefined : accessReasonProblem(stated);
    if (problem) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'the request is not valid',
        details: [{ field: ACCESS_REASON_HEADER, reason: problem }],
      });
    }
    return true;
  }
}

/** RFC 6750's credentials: the scheme, one space, one token of its alphabet; anything more or less is no token. */
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1];
}

/** The authenticated staff member, as the actor recorded on the events they cause. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException('a bearer token is required');
  return { id: principal.sub, role: principal.role };
});
