import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { EventEnvelope } from '@mukti/contracts';
import { catalogTopic, EventPublisher, producerClock, RecordTimestampOf, TopicOf } from './event-publisher';
import { ensureTopics, TopicSettings } from './topic-provisioning';

/**
 * A producer whose topics are created at start and which disconnects at shutdown. Used on its own
 * for records whose only store is the topic and whose producer waits for the acknowledgement
 * before going on: the audit trail (the request waits) and the analytics stream (the source
 * offset waits). The outbox relay publishes through one too (OutboxPublishing).
 */
export class DirectPublishing implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly publisher: EventPublisher;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
    private readonly topicSettings: TopicSettings,
    topicOf: TopicOf = catalogTopic,
    timestampOf: RecordTimestampOf = producerClock,
  ) {
    this.publisher = new EventPublisher(kafka, topicOf, timestampOf);
  }

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.topics, this.topicSettings);
    } finally {
      await admin.disconnect();
    }
    await this.publisher.connect();
  }

  /**
   * Producers go last. Nest runs one phase's hooks side by side, so the consumers (whose handlers
   * may still be publishing a record) stop in the phase before this one (beforeApplicationShutdown).
   */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }

  /** Resolves once every in-sync replica has the events. */
  publish(events: EventEnvelope[]): Promise<void> {
    return this.publisher.publish(events);
  }
}
