import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { topics, topicsConsumedBy } from '@mukti/contracts';
import { Clock, CLOCK, systemClock } from '@mukti/decider';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks, ServiceClient } from '@mukti/http';
import { consumerCollections, EventConsumer, KAFKA, OutboxPublishing } from '@mukti/messaging';
import { METRICS, ServiceMetrics } from '@mukti/observability';
import { aggregateStoreFactory, DeadlineWatch, ServiceDatabase } from '@mukti/persistence';
import { CarePlanState } from '@mukti/rehabilitation-domain';
import { KnownPeople, KnownPeopleFromIntake } from '@mukti/security';
import type { RehabilitationConfig } from './rehabilitation.config';
import { AdmitToShelterController } from './care-plan/commands/admit-to-shelter/admit-to-shelter.http.controller';
import { DischargeFromShelterController } from './care-plan/commands/discharge-from-shelter/discharge-from-shelter.http.controller';
import { EnrolInEducationController } from './care-plan/commands/enrol-in-education/enrol-in-education.http.controller';
import { OpenCarePlanController } from './care-plan/commands/open-care-plan/open-care-plan.http.controller';
import { RecordCompensationController } from './care-plan/commands/record-compensation/record-compensation.http.controller';
import { RecordCounsellingSessionController } from './care-plan/commands/record-counselling-session/record-counselling-session.http.controller';
import { RecordFollowUpController } from './care-plan/commands/record-follow-up/record-follow-up.http.controller';
import { RecordHealthServiceController } from './care-plan/commands/record-health-service/record-health-service.http.controller';
import { RecordIdentityDocumentController } from './care-plan/commands/record-identity-document/record-identity-document.http.controller';
import { RecordRepatriationStepController } from './care-plan/commands/record-repatriation-step/record-repatriation-step.http.controller';
import { ScheduleFollowUpsController } from './care-plan/commands/schedule-follow-ups/schedule-follow-ups.http.controller';
import { SetCarePlanGoalController } from './care-plan/commands/set-care-plan-goal/set-care-plan-goal.http.controller';
import { CARE_PLANS, CarePlanStore } from './care-plan/care-plan.store';
import { INTAKE } from './care-plan/intake-client';
import { flagMissedFollowUps, FollowUpDeadlines } from './care-plan/missed-follow-ups/missed-follow-ups.watch';
import { ReadCounsellingSessionsController } from './care-plan/queries/read-counselling-sessions/read-counselling-sessions.http.controller';
import { ReadShelterStaysController } from './care-plan/queries/read-shelter-stays/read-shelter-stays.http.controller';
import { CarePlanOnRescue } from './care-plan/reactions/open-care-plan-on-rescue';

/** What the service reads: intake's people (its own copy), rescues (to open care plans), its own events (follow-up deadlines). */
const consumedTopics = topicsConsumedBy('rehabilitation');

/** The rehabilitation service: survivors' care plans, from the shelter to reintegration at home. */
@Module({})
export class RehabilitationModule {
  static register(config: RehabilitationConfig, logger: Logger, clock: Clock = systemClock): DynamicModule {
    const groupId = config.REHABILITATION_CONSUMER_GROUP;
    const topicSettings = { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR };
    return {
      module: RehabilitationModule,
      imports: [requestLogging(logger)],
      controllers: [
        HealthController,
        AdmitToShelterController,
        DischargeFromShelterController,
        EnrolInEducationController,
        OpenCarePlanController,
        RecordCompensationController,
        RecordCounsellingSessionController,
        RecordFollowUpController,
        RecordHealthServiceController,
        RecordIdentityDocumentController,
        RecordRepatriationStepController,
        ScheduleFollowUpsController,
        SetCarePlanGoalController,
        ReadCounsellingSessionsController,
        ReadShelterStaysController,
        // Its events' handlers (@EventPattern), in the order they run on an event both handle.
        KnownPeopleFromIntake,
        CarePlanOnRescue,
        FollowUpDeadlines,
      ],
      providers: [
        ...foundationProviders('rehabilitation', config, logger, clock),
        {
          provide: OutboxPublishing,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka: Kafka, database: ServiceDatabase) =>
            new OutboxPublishing({ kafka, collections: [database.collection('care_plans')], topics: [topics.rehabilitationEvents], topicSettings, logger }),
        },
        {
          provide: CARE_PLANS,
          inject: [ServiceDatabase, OutboxPublishing],
          useFactory: aggregateStoreFactory<CarePlanState>('care_plans'),
        },
        { provide: KnownPeople, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => new KnownPeople(database.fenced('known_people')) },
        CarePlanStore,
        { provide: INTAKE, useValue: new ServiceClient('intake', config.INTAKE_URL) },
        {
          provide: DeadlineWatch,
          inject: [ServiceDatabase, CarePlanStore, CLOCK, METRICS],
          useFactory: (database: ServiceDatabase, carePlans: CarePlanStore, serviceClock: Clock, metrics: ServiceMetrics) =>
            new DeadlineWatch(database.collection('follow_up_deadlines'), {
              clock: serviceClock,
              logger,
              metrics,
              everyMs: config.REHABILITATION_DEADLINE_SWEEP_MS,
              onDue: flagMissedFollowUps(carePlans),
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
