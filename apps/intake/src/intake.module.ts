import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { topics } from '@mukti/contracts';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks } from '@mukti/http';
import { KAFKA, OutboxPublishing } from '@mukti/messaging';
import { aggregateStoreFactory, ServiceDatabase } from '@mukti/persistence';
import { parseMasterKey, PersonalDataVault } from '@mukti/security';
import type { IntakeConfig } from './intake.config';
import { INTAKE_CONFIG } from './intake.tokens';
import { ErasePersonController } from './person/commands/erase-person/erase-person.http.controller';
import { AssignStaffController } from './person/commands/assign-staff/assign-staff.http.controller';
import { AssessVulnerabilityController } from './person/commands/assess-vulnerability/assess-vulnerability.http.controller';
import { RecordConsentController } from './person/commands/record-consent/record-consent.http.controller';
import { RegisterPersonHandler } from './person/commands/register-person/register-person.handler';
import { RegisterPersonController } from './person/commands/register-person/register-person.http.controller';
import { PersonState } from './person/domain/person.decider';
import { PEOPLE, PersonStore, uniquePersonFields } from './person/person.store';
import { GetPersonController } from './person/queries/get-person/get-person.http.controller';
import { CounsellingNotesController } from './counselling-notes/counselling-notes.http.controller';
import { AddHouseholdMemberController } from './household/commands/add-household-member/add-household-member.http.controller';
import { AssessHouseholdController } from './household/commands/assess-household/assess-household.http.controller';
import { RegisterHouseholdController } from './household/commands/register-household/register-household.http.controller';
import { HouseholdState } from './household/domain/household.decider';
import { HOUSEHOLDS, HouseholdStore } from './household/household.store';


/** The intake service: people, consent, vulnerability, households, and the vault of their data keys. */
@Module({})
export class IntakeModule {
  static register(config: IntakeConfig, logger: Logger): DynamicModule {
    return {
      module: IntakeModule,
      imports: [requestLogging(logger)],
      controllers: [
        HealthController,
        RegisterPersonController,
        RecordConsentController,
        AssessVulnerabilityController,
        GetPersonController,
        AssignStaffController,
        ErasePersonController,
        CounsellingNotesController,
        RegisterHouseholdController,
        AddHouseholdMemberController,
        AssessHouseholdController,
      ],
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        ...foundationProviders('intake', config, logger),
        {
          provide: OutboxPublishing,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka, database: ServiceDatabase) =>
            new OutboxPublishing({
              kafka,
              collections: [database.collection('people'), database.collection('households')],
              topics: [topics.intakeEvents],
              topicSettings: {
                partitions: config.KAFKA_TOPIC_PARTITIONS,
                replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
              },
              logger,
            }),
        },
        {
          provide: PEOPLE,
          inject: [ServiceDatabase, OutboxPublishing],
          useFactory: aggregateStoreFactory<PersonState>('people', uniquePersonFields),
        },
        {
          provide: HOUSEHOLDS,
          inject: [ServiceDatabase, OutboxPublishing],
          useFactory: aggregateStoreFactory<HouseholdState>('households'),
        },
        {
          provide: PersonalDataVault,
          inject: [ServiceDatabase],
          useFactory: (database: ServiceDatabase) =>
            new PersonalDataVault(database.collection('data_keys'), parseMasterKey(config.PERSONAL_DATA_MASTER_KEY)),
        },
        PersonStore,
        HouseholdStore,
        RegisterPersonHandler,
        serviceHealthChecks(),
      ],
    };
  }
}
