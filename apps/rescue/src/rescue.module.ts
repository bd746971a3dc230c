import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { topics, topicsConsumedBy } from '@mukti/contracts';
import { Clock, CLOCK, systemClock } from '@mukti/decider';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks } from '@mukti/http';
import { consumerCollections, EventConsumer, KAFKA, OutboxPublishing } from '@mukti/messaging';
import { METRICS, ServiceMetrics } from '@mukti/observability';
import { aggregateStoreFactory, DeadlineWatch, ServiceDatabase } from '@mukti/persistence';
import { RescueOperationState } from '@mukti/rescue-domain';
import { KnownPeople, KnownPeopleFromIntake } from '@mukti/security';
import type { RescueConfig } from './rescue.config';
import { CloseRescueOperationController } from './rescue-operation/commands/close-rescue-operation/close-rescue-operation.http.controller';
import { PlanRescueOperationController } from './rescue-operation/commands/plan-rescue-operation/plan-rescue-operation.http.controller';
import { RecordPostRescueStepController } from './rescue-operation/commands/record-post-rescue-step/record-post-rescue-step.http.controller';
import { RecordPoliceRecordChangeController } from './rescue-operation/commands/record-police-record-change/record-police-record-change.http.controller';
import { JoinRescueOperationTeamController } from './rescue-operation/commands/join-rescue-operation-team/join-rescue-operation-team.http.controller';
import { RecordRescueController } from './rescue-operation/commands/record-rescue/record-rescue.http.controller';
import { RecordTraffickingProfileController } from './rescue-operation/commands/record-trafficking-profile/record-trafficking-profile.http.controller';
import { flagOverdueSteps, PostRescueStepDeadlines } from './rescue-operation/overdue-steps/overdue-steps.watch';
import { GetRescueOperationController } from './rescue-operation/queries/get-rescue-operation/get-rescue-operation.http.controller';
import { RESCUE_OPERATIONS, RescueOperationStore } from './rescue-operation/rescue-operation.store';

/** What the service reads: intake's people (its own copy) and its own events (to watch step deadlines). */
const consumedTopics = topicsConsumedBy('rescue');

/** The rescue service: rescue operations, the persons rescued, and the legal steps that follow. */
@Module({})
export class RescueModule {
  static register(config: RescueConfig, logger: Logger, clock: Clock = systemClock): DynamicModule {
    const groupId = config.RESCUE_CONSUMER_GROUP;
    const topicSettings = { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR };
    return {
      module: RescueModule,
      imports: [requestLogging(logger)],
      controllers: [
        HealthController,
        PlanRescueOperationController,
        RecordRescueController,
        RecordPostRescueStepController,
        RecordTraffickingProfileController,
        RecordPoliceRecordChangeController,
        CloseRescueOperationController,
        JoinRescueOperationTeamController,
        GetRescueOperationController,
        // Its events' handlers (@EventPattern), in the order they run on an event both handle.
        KnownPeopleFromIntake,
        PostRescueStepDeadlines,
      ],
      providers: [
        ...foundationProviders('rescue', config, logger, clock),
        {
          provide: OutboxPublishing,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka: Kafka, database: ServiceDatabase) =>
            new OutboxPublishing({ kafka, collections: [database.collection('rescue_operations')], topics: [topics.rescueEvents], topicSettings, logger }),
        },
        {
          provide: RESCUE_OPERATIONS,
          inject: [ServiceDatabase, OutboxPublishing],
          useFactory: aggregateStoreFactory<RescueOperationState>('rescue_operations'),
        },
        RescueOperationStore,
        { provide: KnownPeople, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => new KnownPeople(database.fenced('known_people')) },
        {
          provide: DeadlineWatch,
          inject: [ServiceDatabase, RescueOperationStore, CLOCK, METRICS],
          useFactory: (database: ServiceDatabase, operations: RescueOperationStore, serviceClock: Clock, metrics: ServiceMetrics) =>
            new DeadlineWatch(database.collection('step_deadlines'), {
              clock: serviceClock,
              logger,
              metrics,
              everyMs: config.RESCUE_DEADLINE_SWEEP_MS,
              onDue: flagOverdueSteps(operations),
            }),
        },
        {
          provide: EventConsumer,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka: Kafka, database: ServiceDatabase) =>
            new EventConsumer({ kafka, groupId, topics: consumedTopics, ...consumerCollections(database), logger, topicSettings }),
        },
        serviceHealthChecks({ groupId, topics: consumedTopics }),
      ],
    };
  }
}
