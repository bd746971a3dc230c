import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { intakeEventTypes, topics } from '@mukti/contracts';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks } from '@mukti/http';
import { EventConsumer, KAFKA, OutboxPublishing } from '@mukti/messaging';
import { AggregateStore, ServiceDatabase } from '@mukti/persistence';
import { KnownPeople } from './known-people/known-people';
import type { RescueConfig } from './rescue.config';
import { PlanRescueOperationController } from './rescue-operation/commands/plan-rescue-operation/plan-rescue-operation.http.controller';
import { RecordPostRescueStepController } from './rescue-operation/commands/record-post-rescue-step/record-post-rescue-step.http.controller';
import { RecordRescueController } from './rescue-operation/commands/record-rescue/record-rescue.http.controller';
import { RescueOperationState } from './rescue-operation/domain/rescue-operation.decider';
import { RESCUE_OPERATIONS, RescueOperationStore } from './rescue-operation/rescue-operation.store';

/** The rescue service: rescue operations, the persons rescued, and the legal steps that follow. */
@Module({})
export class RescueModule {
  static register(config: RescueConfig, logger: Logger): DynamicModule {
    const groupId = config.RESCUE_CONSUMER_GROUP;
    const topicSettings = { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR };
    return {
      module: RescueModule,
      imports: [requestLogging(logger)],
      controllers: [HealthController, PlanRescueOperationController, RecordRescueController, RecordPostRescueStepController],
      providers: [
        ...foundationProviders('rescue', config, logger),
        {
          provide: OutboxPublishing,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka: Kafka, database: ServiceDatabase) =>
            new OutboxPublishing({ kafka, collections: [database.collection('rescue_operations')], topics: [topics.rescueEvents], topicSettings, logger }),
        },
        {
          provide: RESCUE_OPERATIONS,
          inject: [ServiceDatabase, OutboxPublishing],
          useFactory: async (database: ServiceDatabase, publishing: OutboxPublishing) => {
            const store = new AggregateStore<RescueOperationState>(database.collection('rescue_operations'), publishing.nudge);
            await store.createIndexes();
            return store;
          },
        },
        RescueOperationStore,
        { provide: KnownPeople, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => new KnownPeople(database.collection('known_people')) },
        {
          provide: EventConsumer,
          inject: [KAFKA, ServiceDatabase, KnownPeople],
          useFactory: (kafka: Kafka, database: ServiceDatabase, people: KnownPeople) =>
            new EventConsumer({
              kafka,
              groupId,
              topics: [topics.intakeEvents],
              processedEvents: database.collection('processed_events'),
              logger,
              topicSettings,
              handlers: { [intakeEventTypes.personRegistered]: (event) => people.remember(event) },
            }),
        },
        serviceHealthChecks({ groupId, topics: [topics.intakeEvents] }),
      ],
    };
  }
}
