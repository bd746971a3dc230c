import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Logger } from 'pino';
import { HEALTH_CHECKS, HealthController, requestLogging } from '@mukti/http';
import { LOGGER } from '@mukti/observability';
import { StaffAuthGuard, StaffTokenVerifier } from '@mukti/security';
import type { GatewayConfig } from './gateway.config';
import { AddressRateLimit, rateLimits, UserRateLimit } from './hardening/rate-limits';
import { PeopleController } from './people/people.http.controller';
import { INTAKE, PROJECTION, ServiceClient } from './upstream/service-client';

/** The staff-facing API: authentication, roles, validation, OpenAPI; forwards to the owning service. */
@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, logger: Logger): DynamicModule {
    const intake = new ServiceClient('intake', config.INTAKE_URL);
    const projection = new ServiceClient('projection', config.PROJECTION_URL);
    return {
      module: GatewayModule,
      imports: [requestLogging(logger), ThrottlerModule.forRoot(rateLimits(config))],
      controllers: [HealthController, PeopleController],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: INTAKE, useValue: intake },
        { provide: PROJECTION, useValue: projection },
        { provide: StaffTokenVerifier, useValue: new StaffTokenVerifier(config) },
        // In this order: address budget, authentication and roles, staff member's budget.
        { provide: APP_GUARD, useClass: AddressRateLimit },
        { provide: APP_GUARD, useClass: StaffAuthGuard },
        { provide: APP_GUARD, useClass: UserRateLimit },
        {
          provide: HEALTH_CHECKS,
          useValue: [
            { name: 'intake', check: () => intake.health() },
            { name: 'projection', check: () => projection.health() },
          ],
        },
      ],
    };
  }
}
