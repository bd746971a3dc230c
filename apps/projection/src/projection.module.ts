import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { AnyPillarEventEnvelope, eventCatalog, topics } from '@mukti/contracts';
import { HEALTH_CHECKS, HealthController, requestLogging } from '@mukti/http';
import { consumerLag, createKafka, EventConsumer, kafkaHealthCheck } from '@mukti/messaging';
import { LOGGER } from '@mukti/observability';
import { ServiceDatabase } from '@mukti/persistence';
import { StaffAuthGuard, StaffTokenVerifier } from '@mukti/security';
import type { ProjectionConfig } from './projection.config';
import { GetSummaryController } from './queries/get-summary/get-summary.http.controller';
import { GetTimelineController } from './queries/get-timeline/get-timeline.http.controller';
import { TimelineStore } from './timeline/timeline.store';

const KAFKA = Symbol('KAFKA');
/** Every topic the projection reads: all pillars' events. */
export const projectedTopics = [topics.intakeEvents];

/** The projection service: one truthful timeline and summary per person, from every pillar's events. */
@Module({})
export class ProjectionModule {
  static register(config: ProjectionConfig, logger: Logger): DynamicModule {
    const groupId = config.PROJECTION_CONSUMER_GROUP;
    return {
      module: ProjectionModule,
      imports: [requestLogging(logger)],
      controllers: [HealthController, GetTimelineController, GetSummaryController],
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: ServiceDatabase, useFactory: () => ServiceDatabase.connect(config.MONGODB_URI) },
        {
          provide: KAFKA,
          useFactory: () => createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'mukti-projection', logger }),
        },
        {
          provide: TimelineStore,
          inject: [ServiceDatabase],
          useFactory: async (database: ServiceDatabase) => {
            const store = new TimelineStore(database.connection);
            await store.createIndexes();
            return store;
          },
        },
        {
          provide: EventConsumer,
          inject: [KAFKA, ServiceDatabase, TimelineStore],
          useFactory: (kafka: Kafka, database: ServiceDatabase, timeline: TimelineStore) =>
            new EventConsumer({
              kafka,
              groupId,
              topics: projectedTopics,
              processedEvents: database.collection('processed_events'),
              logger,
              topicSettings: {
                partitions: config.KAFKA_TOPIC_PARTITIONS,
                replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
              },
              // Every event of every projected topic goes on her timeline.
              handlers: Object.fromEntries(
                Object.entries(eventCatalog)
                  .filter(([, entry]) => (projectedTopics as readonly string[]).includes(entry.topic))
                  .map(([type]) => [type, (event: AnyPillarEventEnvelope) => timeline.project(event)]),
              ),
            }),
        },
        { provide: StaffTokenVerifier, useValue: new StaffTokenVerifier(config) },
        { provide: APP_GUARD, useClass: StaffAuthGuard },
        {
          provide: HEALTH_CHECKS,
          inject: [ServiceDatabase, KAFKA],
          useFactory: (database: ServiceDatabase, kafka: Kafka) => [
            { name: 'database', check: () => database.ping() },
            // How far behind the topics the timeline is: messages not yet projected.
            kafkaHealthCheck(kafka, async (admin) => ({ consumerGroup: groupId, lag: await consumerLag(admin, groupId, projectedTopics) })),
          ],
        },
      ],
    };
  }
}
