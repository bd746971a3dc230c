import type { Kafka } from 'kafkajs';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { DirectPublishing } from './direct-publishing';
import type { TopicOf } from './event-publisher';
import type { CommitRef } from './outbox';
import { OutboxRelay } from './outbox-relay';
import type { TopicSettings } from './topic-provisioning';

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
export class OutboxPublishing extends DirectPublishing {
  readonly relay: OutboxRelay;

  constructor(options: OutboxPublishingOptions) {
    super(options.kafka, options.topics, options.topicSettings, options.topicOf);
    this.relay = new OutboxRelay({
      collections: options.collections,
      publisher: this,
      logger: options.logger.child({ component: 'outbox-relay' }),
      pollIntervalMs: options.pollIntervalMs,
    });
  }

  /** Tells the relay of a commit just written, so its events leave within milliseconds, by id. */
  readonly nudge = (commit?: CommitRef) => this.relay.nudge(commit);

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    this.relay.start();
  }

  /** The relay's last flush, while the store is still open; the producer disconnects a phase later. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
