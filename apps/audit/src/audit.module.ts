import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { topics } from '@mukti/contracts';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks } from '@mukti/http';
import { consumerCollections, EventConsumer, KAFKA } from '@mukti/messaging';
import { ServiceDatabase } from '@mukti/persistence';
import type { AuditConfig } from './audit.config';
import { ReadAuditTrailController } from './queries/read-audit-trail/read-audit-trail.http.controller';
import { AuditStore } from './trail/audit.store';
import { AuditTrailRecorder } from './trail/audit-trail-recorder';
import { auditStoreOf } from './trail/verify-audit-trail';

/** The audit service: keeps the audit trail the gateway writes, and answers admins' questions about it. */
@Module({})
export class AuditModule {
  static register(config: AuditConfig, logger: Logger): DynamicModule {
    const groupId = config.AUDIT_CONSUMER_GROUP;
    return {
      module: AuditModule,
      imports: [requestLogging(logger)],
      controllers: [HealthController, ReadAuditTrailController, AuditTrailRecorder],
      providers: [
        ...foundationProviders('audit', config, logger),
        {
          provide: AuditStore,
          inject: [ServiceDatabase],
          useFactory: async (database: ServiceDatabase) => {
            const store = auditStoreOf(database);
            await store.createIndexes();
            return store;
          },
        },
        {
          provide: EventConsumer,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka: Kafka, database: ServiceDatabase) =>
            new EventConsumer({
              kafka,
              groupId,
              topics: [topics.audit],
              ...consumerCollections(database),
              logger,
              topicSettings: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR },
            }),
        },
        serviceHealthChecks({ groupId, topics: [topics.audit] }),
      ],
    };
  }
}
