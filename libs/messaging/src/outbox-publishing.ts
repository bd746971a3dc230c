import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { EventPublisher, TopicOf, catalogTopic } from './event-publisher';
import { OutboxRelay } from './outbox-relay';
import { ensureTopics, TopicSettings } from './topic-provisioning';

export interface OutboxPublishingOptions {
  kafka: Kafka;
  /** Collections whose documents carry an outbox. */
  collections: Collection[];
  /** Topics this service produces to, created at start if missing. */
  topics: string[];
  topicSettings: TopicSettings;
  logger: Logger;
  topicOf?: TopicOf;
  pollIntervalMs?: number;
}

/**
 * A producing service's publishing side: at start it creates its topics and starts the relay;
 * at shutdown it stops the relay after a last flush and disconnects the producer.
 */
export class OutboxPublishing implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly publisher: EventPublisher;
  readonly relay: OutboxRelay;

  constructor(private readonly options: OutboxPublishingOptions) {
    this.publisher = new EventPublisher(options.kafka, options.topicOf ?? catalogTopic);
    this.relay = new OutboxRelay({
      collections: options.collections,
      publisher: this.publisher,
      logger: options.logger.child({ component: 'outbox-relay' }),
      pollIntervalMs: options.pollIntervalMs,
    });
  }

  /** Wakes the relay after a write, so events leave within milliseconds, not at the next poll. */
  readonly nudge = () => this.relay.nudge();

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.options.topics, this.options.topicSettings);
    } finally {
      await admin.disconnect();
    }
    await this.publisher.connect();
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}
