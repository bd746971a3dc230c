import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { topics, topicsConsumedBy } from '@mukti/contracts';
import { Clock, CLOCK, systemClock } from '@mukti/decider';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks } from '@mukti/http';
import { CaseState, PerpetratorState, TrainingSessionState } from '@mukti/legal-domain';
import { consumerCollections, EventConsumer, KAFKA, OutboxPublishing } from '@mukti/messaging';
import { METRICS, ServiceMetrics } from '@mukti/observability';
import { aggregateStoreFactory, DeadlineWatch, ServiceDatabase } from '@mukti/persistence';
import { KnownPeople, KnownPeopleFromIntake, parseMasterKey, PersonalDataVault } from '@mukti/security';
import type { LegalConfig } from './legal.config';
import { AttachPropertyController } from './case/commands/attach-property/attach-property.http.controller';
import { CloseCaseController } from './case/commands/close-case/close-case.http.controller';
import { ClosePremisesController } from './case/commands/close-premises/close-premises.http.controller';
import { DeclareAbscondingController } from './case/commands/declare-absconding/declare-absconding.http.controller';
import { DropSurvivorAccusationController } from './case/commands/drop-survivor-accusation/drop-survivor-accusation.http.controller';
import { FileAppealController } from './case/commands/file-appeal/file-appeal.http.controller';
import { FileChargeSheetController } from './case/commands/file-charge-sheet/file-charge-sheet.http.controller';
import { NameAccusedController } from './case/commands/name-accused/name-accused.http.controller';
import { NameSurvivorAsAccusedController } from './case/commands/name-survivor-as-accused/name-survivor-as-accused.http.controller';
import { OrderCompensationController } from './case/commands/order-compensation/order-compensation.http.controller';
import { RecordArrestController } from './case/commands/record-arrest/record-arrest.http.controller';
import { RecordBailController } from './case/commands/record-bail/record-bail.http.controller';
import { RecordHearingController } from './case/commands/record-hearing/record-hearing.http.controller';
import { RecordVerdictController } from './case/commands/record-verdict/record-verdict.http.controller';
import { RecordWitnessSupportController } from './case/commands/record-witness-support/record-witness-support.http.controller';
import { JoinCaseTeamController } from './case/commands/join-case-team/join-case-team.http.controller';
import { RegisterFirController } from './case/commands/register-fir/register-fir.http.controller';
import { CASES, CaseStore } from './case/case.store';
import { CHARGE_SHEET_WATCH, ChargeSheetDeadlines, flagMissingChargeSheet } from './case/charge-sheet-deadlines/charge-sheet-deadlines.watch';
import { ReadCaseController } from './case/queries/read-case/read-case.http.controller';
import { CASES_BY_VICTIM, ConsentWithdrawnAlerts } from './case/reactions/alert-on-consent-withdrawn';
import { ForgetFirDetailsOnErasure } from './case/reactions/forget-fir-details-on-erasure';
import { CorrectPerpetratorProfileController } from './perpetrator/commands/correct-perpetrator-profile/correct-perpetrator-profile.http.controller';
import { ErasePerpetratorController } from './perpetrator/commands/erase-perpetrator/erase-perpetrator.http.controller';
import { LinkPerpetratorsController } from './perpetrator/commands/link-perpetrators/link-perpetrators.http.controller';
import { ProfilePerpetratorController } from './perpetrator/commands/profile-perpetrator/profile-perpetrator.http.controller';
import { CASE_RECORDS, CASES_NAMING_PERPETRATORS, PerpetratorAccess } from './perpetrator/perpetrator-access';
import { PERPETRATOR_VAULT, PERPETRATORS, PerpetratorStore } from './perpetrator/perpetrator.store';
import { PerpetratorsNamedInCases } from './perpetrator/perpetrators-named-in-cases.event-handlers';
import { ReadPerpetratorController } from './perpetrator/queries/read-perpetrator/read-perpetrator.http.controller';
import { RecordTrainingSessionController } from './training/commands/record-training-session/record-training-session.http.controller';
import { ListTrainingSessionsController, TRAINING_REGISTER } from './training/queries/list-training-sessions/list-training-sessions.http.controller';
import { flagOverdueRefresher, REFRESHER_WATCH, RefresherDeadlines } from './training/refresher-deadlines/refresher-deadlines.watch';
import { TRAINING_SESSIONS, TrainingSessionStore } from './training/training-session.store';

/** What the service reads: intake's people and consents (its own copy), its own events (deadlines, victims' cases, the training register). */
const consumedTopics = topicsConsumedBy('legal');

/** The legal service: the prosecution pillar, from the FIR to the verdict, and the training of those who enforce the law. */
@Module({})
export class LegalModule {
  static register(config: LegalConfig, logger: Logger, clock: Clock = systemClock): DynamicModule {
    const groupId = config.LEGAL_CONSUMER_GROUP;
    const topicSettings = { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR };
    const watch = (collection: string, onDue: ConstructorParameters<typeof DeadlineWatch>[1]['onDue'], serviceClock: Clock, database: ServiceDatabase, metrics: ServiceMetrics) =>
      new DeadlineWatch(database.collection(collection), { clock: serviceClock, logger, everyMs: config.LEGAL_DEADLINE_SWEEP_MS, onDue, metrics });
    return {
      module: LegalModule,
      imports: [requestLogging(logger)],
      controllers: [
        HealthController,
        ProfilePerpetratorController,
        LinkPerpetratorsController,
        CorrectPerpetratorProfileController,
        ErasePerpetratorController,
        ReadPerpetratorController,
        RegisterFirController,
        NameAccusedController,
        NameSurvivorAsAccusedController,
        DropSurvivorAccusationController,
        RecordArrestController,
        DeclareAbscondingController,
        RecordBailController,
        FileChargeSheetController,
        RecordHearingController,
        RecordWitnessSupportController,
        RecordVerdictController,
        FileAppealController,
        ClosePremisesController,
        AttachPropertyController,
        OrderCompensationController,
        CloseCaseController,
        ReadCaseController,
        JoinCaseTeamController,
        RecordTrainingSessionController,
        ListTrainingSessionsController,
        // Its events' handlers (@EventPattern), in the order they run on an event several handle
        // (an FIR: her cases, then his cases, then the charge-sheet marks; her consent or erasure: her copy first).
        KnownPeopleFromIntake,
        ConsentWithdrawnAlerts,
        ForgetFirDetailsOnErasure,
        PerpetratorsNamedInCases,
        ChargeSheetDeadlines,
        RefresherDeadlines,
      ],
      providers: [
        ...foundationProviders('legal', config, logger, clock),
        {
          provide: OutboxPublishing,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka: Kafka, database: ServiceDatabase) =>
            new OutboxPublishing({
              kafka,
              collections: ['perpetrators', 'cases', 'training_sessions'].map((name) => database.collection(name)),
              topics: [topics.legalEvents],
              topicSettings,
              logger,
            }),
        },
        { provide: PERPETRATORS, inject: [ServiceDatabase, OutboxPublishing], useFactory: aggregateStoreFactory<PerpetratorState>('perpetrators') },
        { provide: CASES, inject: [ServiceDatabase, OutboxPublishing], useFactory: aggregateStoreFactory<CaseState>('cases') },
        { provide: TRAINING_SESSIONS, inject: [ServiceDatabase, OutboxPublishing], useFactory: aggregateStoreFactory<TrainingSessionState>('training_sessions') },
        {
          provide: PERPETRATOR_VAULT,
          inject: [ServiceDatabase],
          useFactory: (database: ServiceDatabase) => new PersonalDataVault(database.collection('data_keys'), parseMasterKey(config.PERPETRATOR_DATA_MASTER_KEY)),
        },
        { provide: KnownPeople, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => new KnownPeople(database.fenced('known_people')) },
        { provide: TRAINING_REGISTER, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => database.collection('training_register') },
        { provide: CASES_BY_VICTIM, inject: [ServiceDatabase], useFactory: (database: ServiceDatabase) => database.fenced('cases_by_victim') },
        { provide: CASE_RECORDS, useExisting: CASES },
        {
          provide: CASES_NAMING_PERPETRATORS,
          inject: [ServiceDatabase],
          useFactory: (database: ServiceDatabase) => PerpetratorAccess.indexed(database.collection('cases_naming_perpetrators')),
        },
        PerpetratorAccess,
        PerpetratorStore,
        CaseStore,
        TrainingSessionStore,
        {
          provide: CHARGE_SHEET_WATCH,
          inject: [ServiceDatabase, CaseStore, CLOCK, METRICS],
          useFactory: (database: ServiceDatabase, cases: CaseStore, serviceClock: Clock, metrics: ServiceMetrics) =>
            watch('charge_sheet_deadlines', flagMissingChargeSheet(cases), serviceClock, database, metrics),
        },
        {
          provide: REFRESHER_WATCH,
          inject: [ServiceDatabase, TrainingSessionStore, CLOCK, METRICS],
          useFactory: (database: ServiceDatabase, sessions: TrainingSessionStore, serviceClock: Clock, metrics: ServiceMetrics) =>
            watch('refresher_deadlines', flagOverdueRefresher(sessions), serviceClock, database, metrics),
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
