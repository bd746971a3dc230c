import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { analyticsEventTypes, AnyPillarEventEnvelope, EventEnvelope, PillarEventObservedV1, topics } from '@mukti/contracts';
import { ensureTopics, EventPublisher, TopicSettings } from '@mukti/messaging';
import { analyticsEventId } from './deidentify';

/**
 * Publishes de-identified records to mukti.analytics.v1 from inside the projection's handler: the
 * offset of the source event is committed only once its record is out (at least once), and a
 * record's id is derived from its source event's, so a repetition is recognisably the same record.
 */
export class AnalyticsStream implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly publisher: EventPublisher;

  constructor(
    private readonly kafka: Kafka,
    private readonly topicSettings: TopicSettings,
  ) {
    this.publisher = new EventPublisher(kafka);
  }

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [topics.analytics], this.topicSettings);
    } finally {
      await admin.disconnect();
    }
    await this.publisher.connect();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }

  async publish(record: PillarEventObservedV1, source: AnyPillarEventEnvelope): Promise<void> {
    const id = analyticsEventId(source.id);
    const event: EventEnvelope<typeof analyticsEventTypes.pillarEventObserved> = {
      id,
      type: analyticsEventTypes.pillarEventObserved,
      source: '/mukti/projection',
      subject: record.pseudonym,
      // The month, not the moment: no exact dates leave for analysts, not even in headers.
      time: `${record.period}-01T00:00:00.000Z`,
      data: record,
      correlationId: id,
      actor: { id: 'system:projection', role: 'system' },
    };
    await this.publisher.publish([event]);
  }
}
