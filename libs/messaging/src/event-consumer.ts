import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer, IHeaders } from 'kafkajs';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { EventEnvelope, EventType, deadLetterTopicOf } from '@mukti/contracts';
import { fromKafkaMessage } from './cloudevents-binding';
import { ensureTopics, TopicSettings } from './topic-provisioning';

export type EventHandler<T extends EventType = EventType> = (event: EventEnvelope<T>) => Promise<void>;
export type EventHandlers = { [T in EventType]?: EventHandler<T> };

/**
 * Several services' worth of handlers as one map: where two react to the same event type (her
 * copy of intake's consent and an alert on her cases), both run, in the order given.
 */
export function allHandlers(...maps: EventHandlers[]): EventHandlers {
  const combined: Record<string, EventHandler[]> = {};
  for (const map of maps) {
    for (const [type, handler] of Object.entries(map)) (combined[type] ??= []).push(handler as EventHandler);
  }
  return Object.fromEntries(
    Object.entries(combined).map(([type, handlers]) => [
      type,
      handlers.length === 1
        ? handlers[0]
        : async (event: EventEnvelope) => {
            for (const handler of handlers) await handler(event);
          },
    ]),
  ) as EventHandlers;
}

/** An error that retrying cannot fix: the message goes to the dead-letter topic at once. */
export class NonRetryableEventError extends Error {}

export interface EventConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  handlers: EventHandlers;
  /** Where handled event ids are remembered, in the consuming service's own database. */
  processedEvents: Collection;
  logger: Logger;
  topicSettings: TopicSettings;
  maxAttempts?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a fetch waits for new messages; also how long a stop may wait for the fetch in flight. */
  maxWaitTimeInMs?: number;
}

/** Dead-letter headers: where the message came from and why it could not be handled. */
export const deadLetterHeaders = {
  topic: 'dlq_origin_topic',
  partition: 'dlq_origin_partition',
  offset: 'dlq_origin_offset',
  group: 'dlq_consumer_group',
  error: 'dlq_error',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

/**
 * The one path by which services consume events. For each message, in partition order:
 * decode and validate it (invalid: dead-letter at once); skip it if this group already handled
 * its event id; run the handler with a bounded number of retries and exponential backoff, then
 * dead-letter it with the error; remember the event id and commit the offset (once per batch,
 * after the handlers succeeded). A message
 * is therefore either handled, or parked with its reason, never dropped; and a redelivery after
 * a crash or rebalance is harmless because handlers are idempotent and ids are remembered.
 */
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly deadLetterTopic: string;
  private readonly maxAttempts: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: Logger;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 1000,
      // A member that died is noticed after 10 s (not kafkajs's 30 s), so its partitions move on sooner.
      sessionTimeout: 10_000,
      heartbeatInterval: 3000,
    });
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.deadLetterTopic = deadLetterTopicOf(options.groupId);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.initialBackoffMs = options.initialBackoffMs ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
    this.logger = options.logger.child({ component: 'event-consumer', consumerGroup: options.groupId });
  }

  async start(): Promise<void> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [...this.options.topics, this.deadLetterTopic], this.options.topicSettings);
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await this.consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.handleBatch(payload) });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Stops fetching, lets the message in hand finish, commits it, and disconnects. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  /**
   * A batch is handled message by message, in order; the ids of the events handled and the offset
   * reached are written once at the end of the batch (or of the part done, if it stops early), so
   * a crash replays at most the batch in hand, which the ids and idempotent handlers make harmless.
   */
  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    // Handled in this batch, not yet remembered in the store: the same event twice in one batch is handled once.
    const handled = new Set<string>();
    let reached: string | undefined;
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const key = await this.handleMessage(batch.topic, batch.partition, message, heartbeat, handled);
        if (key) handled.add(key);
        resolveOffset(message.offset);
        reached = message.offset;
        await heartbeat();
      }
    } finally {
      await this.rememberHandled([...handled]);
      if (reached !== undefined) {
        await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(reached) + 1n).toString() }]);
      }
    }
  }

  /** Handles one message; returns the key to remember when a handler ran successfully. */
  private async handleMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    handledInBatch: ReadonlySet<string>,
  ): Promise<string | undefined> {
    const origin = { topic, partition, offset: message.offset };
    const decoded = fromKafkaMessage(message);
    if (!decoded.ok) {
      await this.deadLetter(message, origin, `invalid message: ${decoded.problems.join('; ')}`, 0);
      return undefined;
    }
    const event = decoded.event;
    const handler = this.options.handlers[event.type] as EventHandler | undefined;
    const log = this.logger.child({ eventId: event.id, eventType: event.type, correlationId: event.correlationId });
    const key = `${this.options.groupId}/${event.id}`;
    if (!handler) {
      log.debug('event: no handler in this service, skipped');
      return undefined;
    }
    if (handledInBatch.has(key) || (await this.options.processedEvents.findOne({ _id: key as never }))) {
      log.debug('event: already handled, skipped');
      return undefined;
    }
    const failure = await this.handleWithRetries(handler, event, heartbeat);
    if (failure) {
      log.error({ err: failure.error, attempts: failure.attempts }, 'event: dead-lettered after failing');
      // Not remembered as handled: put back on its topic once the cause is fixed, it is handled then.
      await this.deadLetter(message, origin, String(failure.error?.stack ?? failure.error), failure.attempts);
      return undefined;
    }
    log.debug('event: handled');
    return key;
  }

  private async handleWithRetries(
    handler: EventHandler,
    event: EventEnvelope,
    heartbeat: () => Promise<void>,
  ): Promise<{ error: Error; attempts: number } | undefined> {
    let backoff = this.initialBackoffMs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handler(event);
        return undefined;
      } catch (error) {
        if (error instanceof NonRetryableEventError || attempt >= this.maxAttempts) {
          return { error: error as Error, attempts: attempt };
        }
        this.logger.warn({ err: error, eventId: event.id, attempt }, 'event: handler failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, backoff));
        await heartbeat();
        backoff = Math.min(backoff * 2, this.maxBackoffMs);
      }
    }
  }

  private async rememberHandled(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const processedAt = new Date();
    try {
      await this.options.processedEvents.insertMany(
        keys.map((key) => ({ _id: key as never, processedAt })),
        { ordered: false },
      );
    } catch (error) {
      // Some were remembered already (a redelivery): the rest went in.
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }

  /** Parks the original bytes and headers with where they came from and why; if this fails, the offset is not committed. */
  private async deadLetter(
    message: KafkaMessage,
    origin: { topic: string; partition: number; offset: string },
    reason: string,
    attempts: number,
  ): Promise<void> {
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      [deadLetterHeaders.topic]: origin.topic,
      [deadLetterHeaders.partition]: String(origin.partition),
      [deadLetterHeaders.offset]: origin.offset,
      [deadLetterHeaders.group]: this.options.groupId,
      [deadLetterHeaders.error]: reason.slice(0, 4000),
      [deadLetterHeaders.attempts]: String(attempts),
      [deadLetterHeaders.failedAt]: new Date().toISOString(),
    };
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    this.logger.warn({ origin, reason: reason.split('\n')[0] }, 'message dead-lettered');
  }
}
