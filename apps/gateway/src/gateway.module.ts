import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Logger } from 'pino';
import { HEALTH_CHECKS, HealthController, requestLogging } from '@mukti/http';
import { createKafka, kafkaHealthCheck } from '@mukti/messaging';
import { LOGGER } from '@mukti/observability';
import { StaffAuthGuard, StaffTokenVerifier } from '@mukti/security';
import type { GatewayConfig } from './gateway.config';
import { AddressRateLimit, rateLimits, UserRateLimit } from './hardening/rate-limits';
import { AuditTrail } from './audit/audit-trail';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditController } from './audit/audit.http.controller';
import { PeopleController } from './people/people.http.controller';
import { ResearchController } from './research/research.http.controller';
import { AUDIT, INTAKE, PROJECTION, ServiceClient } from './upstream/service-client';

/** The staff-facing API: authentication, roles, validation, OpenAPI; forwards to the owning service. */
@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, logger: Logger): DynamicModule {
    const intake = new ServiceClient('intake', config.INTAKE_URL);
    const projection = new ServiceClient('projection', config.PROJECTION_URL);
    const audit = new ServiceClient('audit', config.AUDIT_URL);
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'mukti-gateway', logger });
    return {
      module: GatewayModule,
      imports: [requestLogging(logger), ThrottlerModule.forRoot(rateLimits(config))],
      controllers: [HealthController, PeopleController, AuditController, ResearchController],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: INTAKE, useValue: intake },
        { provide: PROJECTION, useValue: projection },
        { provide: AUDIT, useValue: audit },
        {
          provide: AuditTrail,
          useValue: new AuditTrail(kafka, {
            partitions: config.KAFKA_TOPIC_PARTITIONS,
            replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
          }),
        },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
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
            { name: 'audit', check: () => audit.health() },
            kafkaHealthCheck(kafka),
          ],
        },
      ],
    };
  }
}
