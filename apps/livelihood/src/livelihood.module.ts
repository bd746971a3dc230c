import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { topics, topicsConsumedBy } from '@mukti/contracts';
import { Clock, CLOCK, systemClock } from '@mukti/decider';
import { foundationProviders, HealthController, requestLogging, ServiceClient, serviceHealthChecks } from '@mukti/http';
import { LivelihoodPlanState, PreventionPlanState } from '@mukti/livelihood-domain';
import { consumerCollections, EventConsumer, KAFKA, OutboxPublishing } from '@mukti/messaging';
import { METRICS, ServiceMetrics } from '@mukti/observability';
import { aggregateStoreFactory, DeadlineWatch, ServiceDatabase } from '@mukti/persistence';
import { KnownPeople, KnownPeopleFromIntake } from '@mukti/security';
import type { LivelihoodConfig } from './livelihood.config';
import { EndSkillTrainingController } from './livelihood-plan/commands/end-skill-training/end-skill-training.http.controller';
import { FollowUpIncomeController } from './livelihood-plan/commands/follow-up-income/follow-up-income.http.controller';
import { OpenLivelihoodPlanController } from './livelihood-plan/commands/open-livelihood-plan/open-livelihood-plan.http.controller';
import { RecordFinancialInclusionController } from './livelihood-plan/commands/record-financial-inclusion/record-financial-inclusion.http.controller';
import { RecordPlacementLostController } from './livelihood-plan/commands/record-placement-lost/record-placement-lost.http.controller';
import { RecordSchemeLinkageController } from './livelihood-plan/commands/record-scheme-linkage/record-scheme-linkage.http.controller';
import { StartPlacementController } from './livelihood-plan/commands/start-placement/start-placement.http.controller';
import { ReadPlacementsController } from './livelihood-plan/queries/read-placements/read-placements.http.controller';
import { ReadSkillTrainingsController } from './livelihood-plan/queries/read-skill-trainings/read-skill-trainings.http.controller';
import { StartSkillTrainingController } from './livelihood-plan/commands/start-skill-training/start-skill-training.http.controller';
import { LIVELIHOOD_PLANS, LivelihoodPlanStore } from './livelihood-plan/livelihood-plan.store';
import { LivelihoodPlanOnCarePlan } from './livelihood-plan/reactions/open-livelihood-plan-on-care-plan';
import { INTAKE } from './livelihood-plan/intake-client';
import { MINIMUM_WAGES, MinimumWageTable } from './minimum-wages/minimum-wage-table';
import { OpenPreventionPlanController } from './prevention-plan/commands/open-prevention-plan/open-prevention-plan.http.controller';
import { RecordEntryIntoExploitationController } from './prevention-plan/commands/record-entry-into-exploitation/record-entry-into-exploitation.http.controller';
import { RecordPreventionSupportController } from './prevention-plan/commands/record-prevention-support/record-prevention-support.http.controller';
import { EntriesPreventedDeadlines, flagEntriesPrevented } from './prevention-plan/entries-prevented/entries-prevented.watch';
import { KnownHouseholds, KnownHouseholdsFromIntake } from './prevention-plan/known-households';
import { PREVENTION_PLANS, PreventionPlanStore } from './prevention-plan/prevention-plan.store';
import { ReadPreventionPlanController } from './prevention-plan/queries/read-prevention-plan/read-prevention-plan.http.controller';
import { EntryOnRescue, PLANS_BY_PERSON, RESCUES_BY_PERSON } from './prevention-plan/reactions/record-entry-on-rescue';

/**
 * What the service reads: intake's people and households (its own copy), care plans (a livelihood
 * goal opens her plan), rescues (a person followed for prevention entered exploitation), its own
 * events (the 12-month follow-ups).
 */
const consumedTopics = topicsConsumedBy('livelihood');

/** The livelihood service: survivors' livelihood plans against the minimum wage, and prevention for households and people at risk. */
@Module({})
export class LivelihoodModule {
  static register(config: LivelihoodConfig, logger: Logger, clock: Clock = systemClock): DynamicModule {
    const groupId = config.LIVELIHOOD_CONSUMER_GROUP;
    const topicSettings = { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR };
    return {
      module: LivelihoodModule,
      imports: [requestLogging(logger)],
      controllers: [
        HealthController,
        OpenLivelihoodPlanController,
        StartSkillTrainingController,
        EndSkillTrainingController,
        StartPlacementController,
        ReadPlacementsController,
        ReadSkillTrainingsController,
        FollowUpIncomeController,
        RecordPlacementLostController,
        RecordFinancialInclusionController,
        RecordSchemeLinkageController,
        OpenPreventionPlanController,
        RecordPreventionSupportController,
        RecordEntryIntoExploitationController,
        ReadPreventionPlanController,
        // Its events' handlers (@EventPattern), in the order they run on an event several handle.
        KnownPeopleFromIntake,
        KnownHouseholdsFromIntake,
        LivelihoodPlanOnCarePlan,
        EntryOnRescue,
        EntriesPreventedDeadlines,
      ],
      providers: [
        ...foundationProviders('livelihood', config, logger, clock),
        {
          provide: OutboxPublishing,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka: Kafka, database: ServiceDatabase) =>
            new OutboxPublishing({
              kafka,
              collections: ['livelihood_plans', 'prevention_plans'].map((name) => database.collection(name)),
              topics: [topics.livelihoodEvents],
              topicSettings,
              logger,
            }),
        },
        { provide: LIVELIHOOD_PLANS, inject: [ServiceDatabase, OutboxPublishing], useFactory: aggregateStoreFactory<LivelihoodPlanState>('livelihood_plans') },
        { provide: PREVENTION_PLANS, inject: [ServiceDatabase, OutboxPublishing], useFactory: aggregateStoreFactory<PreventionPlanState>('prevention_plans') },
        { provide: KnownPeople, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => new KnownPeople(database.fenced('known_people')) },
        { provide: KnownHouseholds, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => new KnownHouseholds(database.fenced('known_households')) },
        { provide: PLANS_BY_PERSON, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => database.fenced('prevention_plans_by_person') },
        { provide: RESCUES_BY_PERSON, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => database.fenced('rescues_by_person') },
        { provide: MINIMUM_WAGES, useValue: new MinimumWageTable() },
        { provide: INTAKE, useValue: new ServiceClient('intake', config.INTAKE_URL) },
        LivelihoodPlanStore,
        PreventionPlanStore,
        {
          provide: DeadlineWatch,
          inject: [ServiceDatabase, PreventionPlanStore, CLOCK, METRICS],
          useFactory: (database: ServiceDatabase, plans: PreventionPlanStore, serviceClock: Clock, metrics: ServiceMetrics) =>
            new DeadlineWatch(database.collection('prevention_deadlines'), {
              clock: serviceClock,
              logger,
              metrics,
              everyMs: config.LIVELIHOOD_DEADLINE_SWEEP_MS,
              onDue: flagEntriesPrevented(plans),
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
