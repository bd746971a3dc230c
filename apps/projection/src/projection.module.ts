import { DynamicModule, Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { AnyPillarEventEnvelope, eventCatalog, topics } from '@mukti/contracts';
import { foundationProviders, HealthController, requestLogging, serviceHealthChecks } from '@mukti/http';
import { EventConsumer, KAFKA } from '@mukti/messaging';
import { ServiceDatabase } from '@mukti/persistence';
import type { ProjectionConfig } from './projection.config';
import { GetSummaryController } from './queries/get-summary/get-summary.http.controller';
import { GetTimelineController } from './queries/get-timeline/get-timeline.http.controller';
import { TimelineStore } from './timeline/timeline.store';
import { ExportHtcdsController } from './queries/export-htcds/export-htcds.http.controller';
import { ReadIndicatorsController } from './queries/read-indicators/read-indicators.http.controller';
import { ReadAlertsController } from './queries/read-alerts/read-alerts.http.controller';
import { FindPeopleController } from './queries/find-people/find-people.http.controller';
import { AnalyticsStream } from './analytics/analytics-stream';
import { deidentify } from './analytics/deidentify';

/** Every topic the projection reads: all pillars' events. */
export const projectedTopics = [topics.intakeEvents, topics.rescueEvents, topics.rehabilitationEvents];

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
        ExportHtcdsController,
      ],
      providers: [
        ...foundationProviders('projection', config, logger),
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
          provide: AnalyticsStream,
          inject: [KAFKA],
          useFactory: (kafka: Kafka) =>
            new AnalyticsStream(kafka, { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR }),
        },
        {
          provide: EventConsumer,
          inject: [KAFKA, ServiceDatabase, TimelineStore, AnalyticsStream],
          useFactory: (kafka: Kafka, database: ServiceDatabase, timeline: TimelineStore, analytics: AnalyticsStream) =>
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
              // Every event of every projected topic goes on her timeline, and de-identified on the analytics stream.
              handlers: Object.fromEntries(
                Object.entries(eventCatalog)
                  // A person's events only: an operation's own events are no one's timeline.
                  .filter(([, entry]) => (projectedTopics as readonly string[]).includes(entry.topic) && !('about' in entry))
                  .map(([type]) => [
                    type,
                    async (event: AnyPillarEventEnvelope) => {
                      const { facts, summary } = await timeline.project(event);
                      const record = deidentify(event, facts, summary, config.ANALYTICS_PSEUDONYM_KEY);
                      if (record) await analytics.publishRecord(record, event);
                    },
                  ]),
              ),
            }),
        },
        serviceHealthChecks({ groupId, topics: projectedTopics }),
      ],
    };
  }
}
