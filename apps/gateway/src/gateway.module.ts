import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { foundationProviders, HEALTH_CHECKS, HealthController, requestLogging, ServiceClient } from '@mukti/http';
import { KAFKA, kafkaHealthCheck } from '@mukti/messaging';
import { METRICS, ServiceMetrics } from '@mukti/observability';
import { ServiceTokenIssuer } from '@mukti/security';
import type { GatewayConfig } from './gateway.config';
import { AddressRateLimit, rateLimits, UserRateLimit } from './hardening/rate-limits';
import { AuditTrail } from './audit/audit-trail';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AlertsController } from './alerts/alerts.http.controller';
import { AuditController } from './audit/audit.http.controller';
import { PeopleController } from './people/people.http.controller';
import { ResearchController } from './research/research.http.controller';
import { RescueController } from './rescue/rescue.http.controller';
import { RehabilitationController } from './rehabilitation/rehabilitation.http.controller';
import { CasesController } from './legal/cases.http.controller';
import { PerpetratorsController } from './legal/perpetrators.http.controller';
import { TrainingController } from './legal/training.http.controller';
import { HouseholdsController } from './households/households.http.controller';
import { LivelihoodController } from './livelihood/livelihood.http.controller';
import { PreventionController } from './livelihood/prevention.http.controller';
import { AUDIT, INTAKE, LEGAL, LIVELIHOOD, PROJECTION, REHABILITATION, RESCUE } from './upstream/service-client';

/** The staff-facing API: authentication, roles, validation, OpenAPI; forwards to the owning service. */
@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, logger: Logger): DynamicModule {
    // The services behind believe only the gateway: it vouches for each staff member it authenticated.
    const vouchWith = new ServiceTokenIssuer(config.SERVICE_TOKEN_PRIVATE_KEY);
    const client = (service: string, url: string) => new ServiceClient(service, url, { vouchWith, timeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS });
    const intake = client('intake', config.INTAKE_URL);
    const projection = client('projection', config.PROJECTION_URL);
    const audit = client('audit', config.AUDIT_URL);
    const rescue = client('rescue', config.RESCUE_URL);
    const rehabilitation = client('rehabilitation', config.REHABILITATION_URL);
    const legal = client('legal', config.LEGAL_URL);
    const livelihood = client('livelihood', config.LIVELIHOOD_URL);
    return {
      module: GatewayModule,
      imports: [requestLogging(logger), ThrottlerModule.forRoot(rateLimits(config))],
      controllers: [
        HealthController,
        PeopleController,
        RescueController,
        RehabilitationController,
        PerpetratorsController,
        CasesController,
        TrainingController,
        HouseholdsController,
        LivelihoodController,
        PreventionController,
        AlertsController,
        AuditController,
        ResearchController,
      ],
      providers: [
        // In this order: address budget, then authentication and roles, then the staff member's budget.
        { provide: APP_GUARD, useClass: AddressRateLimit },
        ...foundationProviders('gateway', config, logger),
        { provide: APP_GUARD, useClass: UserRateLimit },
        { provide: INTAKE, useValue: intake },
        { provide: PROJECTION, useValue: projection },
        { provide: AUDIT, useValue: audit },
        { provide: RESCUE, useValue: rescue },
        { provide: REHABILITATION, useValue: rehabilitation },
        { provide: LEGAL, useValue: legal },
        { provide: LIVELIHOOD, useValue: livelihood },
        {
          provide: AuditTrail,
          inject: [KAFKA, METRICS],
          useFactory: (kafka: Kafka, metrics: ServiceMetrics) =>
            new AuditTrail(kafka, { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR }, metrics),
        },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        {
          provide: HEALTH_CHECKS,
          inject: [KAFKA],
          // Ready with Kafka (the audit trail needs it); a service behind it that is down fails its own routes only.
          useFactory: (kafka: Kafka) => [
            { name: 'intake', check: () => intake.health(), informational: true },
            { name: 'projection', check: () => projection.health(), informational: true },
            { name: 'audit', check: () => audit.health(), informational: true },
            { name: 'rescue', check: () => rescue.health(), informational: true },
            { name: 'rehabilitation', check: () => rehabilitation.health(), informational: true },
            { name: 'legal', check: () => legal.health(), informational: true },
            { name: 'livelihood', check: () => livelihood.health(), informational: true },
            kafkaHealthCheck(kafka),
          ],
        },
      ],
    };
  }
}
