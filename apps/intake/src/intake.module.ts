import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { topics } from '@mukti/contracts';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks } from '@mukti/http';
import { HouseholdState, PersonState } from '@mukti/intake-domain';
import { KAFKA, OutboxPublishing } from '@mukti/messaging';
import { Clock, CLOCK, systemClock } from '@mukti/decider';
import { METRICS, ServiceMetrics } from '@mukti/observability';
import { aggregateStoreFactory, DeadlineWatch, ServiceDatabase } from '@mukti/persistence';
import { parseMasterKey, PersonalDataVault } from '@mukti/security';
import type { IntakeConfig } from './intake.config';
import { INTAKE_CONFIG } from './intake.tokens';
import { AGE_BAND_WATCH, AgeBandWatch } from './person/age-band-watch/age-band-watch';
import { DetermineAgeController } from './person/commands/determine-age/determine-age.http.controller';
import { ErasePersonController } from './person/commands/erase-person/erase-person.http.controller';
import { AssignStaffController } from './person/commands/assign-staff/assign-staff.http.controller';
import { AssessVulnerabilityController } from './person/commands/assess-vulnerability/assess-vulnerability.http.controller';
import { RecordConsentController } from './person/commands/record-consent/record-consent.http.controller';
import { RegisterPersonHandler } from './person/commands/register-person/register-person.handler';
import { RegisterPersonController } from './person/commands/register-person/register-person.http.controller';
import { PEOPLE, PersonStore, uniquePersonFields } from './person/person.store';
import { GetPersonController } from './person/queries/get-person/get-person.http.controller';
import { IdentifyingTextController } from './identifying-text/identifying-text.http.controller';
import { AddHouseholdMemberController } from './household/commands/add-household-member/add-household-member.http.controller';
import { AssessHouseholdController } from './household/commands/assess-household/assess-household.http.controller';
import { RegisterHouseholdController } from './household/commands/register-household/register-household.http.controller';
import { HOUSEHOLDS, HouseholdStore } from './household/household.store';


/** The intake service: people, consent, vulnerability, households, and the vault of their data keys. */
@Module({})
export class IntakeModule {
  static register(config: IntakeConfig, logger: Logger, clock: Clock = systemClock): DynamicModule {
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
        DetermineAgeController,
        IdentifyingTextController,
        RegisterHouseholdController,
        AddHouseholdMemberController,
        AssessHouseholdController,
      ],
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        ...foundationProviders('intake', config, logger, clock),
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
        {
          provide: AGE_BAND_WATCH,
          inject: [ServiceDatabase, PersonStore, CLOCK, METRICS],
          useFactory: (database: ServiceDatabase, people: PersonStore, serviceClock: Clock, metrics: ServiceMetrics) => {
            let ageBands: AgeBandWatch | undefined = undefined;
            const watch = new DeadlineWatch(database.collection('age_band_watch'), {
              clock: serviceClock,
              logger,
              metrics,
              everyMs: config.INTAKE_AGE_BAND_SWEEP_MS,
              onDue: AgeBandWatch.onDue(people, () => ageBands!),
            });
            ageBands = new AgeBandWatch(watch);
            return ageBands;
          },
        },
        HouseholdStore,
        RegisterPersonHandler,
        serviceHealthChecks(),
      ],
    };
  }
}
