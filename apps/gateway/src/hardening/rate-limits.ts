import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerRequest } from '@nestjs/throttler';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '@mukti/security';
import type { GatewayConfig } from '../gateway.config';

const MINUTE = 60_000;

/** Two budgets: per network address (before authentication, so token guessing is slowed too) and per staff member. */
export function rateLimits(config: GatewayConfig): ThrottlerModuleOptions {
  return {
    errorMessage: 'too many requests: wait a minute and try again',
    throttlers: [
      { name: 'address', ttl: MINUTE, limit: config.RATE_LIMIT_PER_ADDRESS, getTracker: (request) => String(request['ip']) },
      {
        name: 'user',
        ttl: MINUTE,
        limit: config.RATE_LIMIT_PER_USER,
        getTracker: (request) => `staff:${(request as AuthenticatedRequest).principal?.sub}`,
        skipIf: (context: ExecutionContext) => !context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
      },
    ],
  };
}

/** Both budgets answer 429 with the standard Retry-After (the library only names its own header per budget). */
abstract class RateLimit extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    return super.throwThrottlingException(context, detail);
  }
}

/** Runs before authentication: counts every request from an address. */
@Injectable()
export class AddressRateLimit extends RateLimit {
  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return request.throttler.name === 'address' ? super.handleRequest(request) : Promise.resolve(true);
  }
}

/** Runs after authentication: counts a staff member's requests wherever they come from. */
@Injectable()
export class UserRateLimit extends RateLimit {
  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return request.throttler.name === 'user' ? super.handleRequest(request) : Promise.resolve(true);
  }
}
