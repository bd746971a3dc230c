import { Controller, Get, Inject, OnApplicationShutdown, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public, Roles } from '@mukti/security';

export interface HealthCheck {
  readonly name: string;
  /**
   * Reported, but the service is ready without it: the gateway is ready while one service behind
   * it is down (that service's routes answer 503 on their own).
   */
  readonly informational?: boolean;
  /** Resolves with details when healthy, rejects when not. */
  check(): Promise<Record<string, unknown> | void>;
  /** Releases a connection the check keeps open. */
  close?(): Promise<void>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/**
 * /health/live: the process answers. /health: everything it depends on answers too (readiness),
 * told to anyone only as up or down. /health/details: what each check found (consumer groups, lag,
 * errors), for an admin: at the gateway her staff token, behind it the gateway's service token.
 */
@ApiExcludeController()
@SkipThrottle()
@Controller('health')
export class HealthController implements OnApplicationShutdown {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.checks.map((check) => check.close?.()));
  }

  @Public()
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get()
  async ready(@Res({ passthrough: true }) response: Response) {
    const { status } = await this.run();
    if (status !== 'ok') response.status(503);
    return { status };
  }

  @Roles('admin')
  @Get('details')
  details() {
    return this.run();
  }

  private async run(): Promise<{ status: 'ok' | 'down'; checks: Record<string, unknown> }> {
    const results: Record<string, unknown> = {};
    let healthy = true;
    await Promise.all(
      this.checks.map(async ({ name, check, informational }) => {
        try {
          results[name] = { status: 'ok', ...((await check()) ?? {}) };
        } catch (error) {
          if (!informational) healthy = false;
          results[name] = { status: 'down', reason: (error as Error).message };
        }
      }),
    );
    return { status: healthy ? 'ok' : 'down', checks: results };
  }
}
