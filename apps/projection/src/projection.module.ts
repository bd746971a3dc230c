import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks } from '@mukti/http';
import { consumerCollections, EventConsumer, KAFKA } from '@mukti/messaging';
import { ServiceDatabase } from '@mukti/persistence';
import type { ProjectionConfig } from './projection.config';
import { GetSummaryController } from './queries/get-summary/get-summary.http.controller';
import { GetTimelineController } from './queries/get-timeline/get-timeline.http.controller';
import { TimelineStore } from './timeline/timeline.store';
import { CaseloadIndex } from './queries/caseload-index';
import { ExportHtcdsController } from './queries/export-htcds/export-htcds.http.controller';
import { ReadIndicatorsController } from './queries/read-indicators/read-indicators.http.controller';
import { ReadAlertsController } from './queries/read-alerts/read-alerts.http.controller';
import { FindPeopleController } from './queries/find-people/find-people.http.controller';
import { ReadProsecutionIndicatorsController } from './queries/read-prosecution-indicators/read-prosecution-indicators.http.controller';
import { AnalyticsStream } from './analytics/analytics-stream';
import { ProsecutionStore } from './prosecution/prosecution.store';
import { PillarEventsProjector, projectedTopics, PSEUDONYM_KEY } from './projection.handlers';

/** The projection service: one truthful timeline and summary per person, from every pillar's events. */
@Module({})
export class ProjectionModule {
  static register(config: ProjectionConfig, logger: Logger): DynamicModule {
    const groupId = config.PROJECTION_CONSUMER_GROUP;
    return {
      module: ProjectionModule,
      imports: [requestLogging(logger)],
      controllers: [
        HealthController,
        GetTimelineController,
        GetSummaryController,
        ReadAlertsController,
        FindPeopleController,
        ReadIndicatorsController,
        ReadProsecutionIndicatorsController,
        ExportHtcdsController,
        // Its events' handlers (@EventPattern).
        PillarEventsProjector,
      ],
      providers: [
        ...foundationProviders('projection', config, logger),
        {
          provide: TimelineStore,
          inject: [ServiceDatabase],
          useFactory: async (database: ServiceDatabase) => {
            const store = new TimelineStore(database.connection);
            await store.createIndexes();
            await store.assertSummariesCurrent();
            return store;
          },
        },
        {
          provide: CaseloadIndex,
          inject: [ServiceDatabase, TimelineStore],
          useFactory: async (database: ServiceDatabase, timeline: TimelineStore) => {
            const caseloads = new CaseloadIndex(database.collection('caseloads'), database.collection('caseloads_meta'));
            await caseloads.createIndexes();
            timeline.follow((summary, version, teamChanged) => caseloads.follow(summary, version, teamChanged));
            await caseloads.buildOnce(timeline);
            return caseloads;
          },
        },
        {
          provide: ProsecutionStore,
          inject: [ServiceDatabase],
          useFactory: async (database: ServiceDatabase) => {
            const store = new ProsecutionStore(database.connection);
            await store.createIndexes();
            return store;
          },
        },
        { provide: PSEUDONYM_KEY, useValue: config.ANALYTICS_PSEUDONYM_KEY },
        {
          provide: AnalyticsStream,
          inject: [KAFKA],
          useFactory: (kafka: Kafka) =>
            new AnalyticsStream(kafka, { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR }),
        },
        {
          provide: EventConsumer,
          inject: [KAFKA, ServiceDatabase],
          useFactory: (kafka: Kafka, database: ServiceDatabase) =>
            new EventConsumer({
              kafka,
              groupId,
              topics: projectedTopics,
              ...consumerCollections(database),
              logger,
              topicSettings: {
                partitions: config.KAFKA_TOPIC_PARTITIONS,
                replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
              },
            }),
        },
        serviceHealthChecks({ groupId, topics: projectedTopics }),
      ],
    };
  }
}
