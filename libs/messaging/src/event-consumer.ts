import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { KafkaJSError } from 'kafkajs';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer, IHeaders } from 'kafkajs';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { EventEnvelope, EventType, deadLetterTopicOf, isKnownEventType, redriveTopicOf } from '@mukti/contracts';
import { fromKafkaMessage, headerText, notFromItsProducer } from './cloudevents-binding';
import { ensureTopics, TopicSettings } from './topic-provisioning';
import { inProcessSpan } from './event-tracing';

export type EventHandler<T extends EventType = EventType> = (event: EventEnvelope<T>, position: MessagePosition) => Promise<void>;
export type EventHandlers = { [T in EventType]?: EventHandler<T> };

/** An error that retrying cannot fix: the message goes to the dead-letter topic at once. */
export class NonRetryableEventError extends Error {}

/** Where a consumer keeps what it must remember, in the consuming service's own database. */
export interface ConsumerCollections {
  /** The ids of the events this group handled (its idempotency). */
  processedEvents: Collection;
  /** The keys held behind a parked event, with the events parked behind it in order. */
  heldKeys: Collection;
}

/** The collections of a consuming service's database that its consumer uses. */
export function consumerCollections(database: { collection(name: string): Collection }): ConsumerCollections {
  return { processedEvents: database.collection('processed_events'), heldKeys: database.collection('held_keys') };
}

/**
 * Where a message being handled was read: its topic, partition and offset (a redriven event keeps
 * those it was first read from). Most handlers need only the event; a log kept in partition order
 * (the audit trail's hash chain) needs where it sits.
 */
export interface MessagePosition {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * What runs an event's handlers: the consumer asks it whether this service handles a type at all,
 * then hands it each event to handle (the whole of it, retried as one, committed once it resolves).
 */
export interface EventDispatch {
  handles(type: EventType): boolean;
  handle(event: EventEnvelope, position: MessagePosition): Promise<void>;
}

/** A map of handlers, one per type, as a dispatch. */
function dispatchOf(handlers: EventHandlers): EventDispatch {
  return {
    handles: (type) => handlers[type] !== undefined,
    handle: (event, position) => (handlers[event.type] as EventHandler)(event, position),
  };
}

export interface EventConsumerOptions extends ConsumerCollections {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /**
   * The handlers, by type. Without them, the consumer waits for its dispatch: a service's
   * `@EventPattern` handlers, given by its transport (`EventTransport`), which also starts it.
   */
  handlers?: EventHandlers;
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
  /** failed (its handler gave up), invalid (not an event), or held (parked behind an earlier one of its key). */
  kind: 'dlq_kind',
  /** The id a parked message is known by in its key's hold: its event id, or its origin for a message without one. */
  parkId: 'dlq_park_id',
} as const;

/** Headers of the operator's messages on a group's redrive topic (see `npm run redrive`). */
export const redriveHeaders = {
  /** `discard`: give up a parked message for good, releasing its place in its key's hold. */
  action: 'mukti_redrive_action',
  parkId: 'mukti_redrive_park_id',
  reason: 'mukti_redrive_reason',
} as const;

/** One key's hold: the messages parked for it, first the one that failed, then those behind it. */
interface HeldKey {
  _id: string;
  group: string;
  key: string;
  parked: string[];
  since: Date;
}

type Origin = MessagePosition;
type Outcome = { handled?: string };

/** What a consumer has done since it started (for health and metrics; no ids, no personal data). */
export interface ConsumerStats {
  handled: number;
  deadLettered: number;
  unknownTypesSkipped: Record<string, number>;
  /** By event type: handled, and parked (failed, invalid or held). */
  byType: Record<string, { handled: number; deadLettered: number }>;
}

/**
 * The group coordinator's own answer when this member is out of its group (its session timed out
 * while a slow batch was handled, or a rebalance went on without it), from under kafkajs's
 * wrapper. kafkajs rejoins the group on that answer, but a commit refused with it reaches the
 * batch as a non-retriable wrapper, which stops the consumer for good: with two replicas or more,
 * any rebalance a busy member misses would take it out. Its partitions are another member's by
 * now, and the events it handled are remembered, so the new owner skips them.
 */
const groupAnswers = new Set(['UNKNOWN_MEMBER_ID', 'REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'NOT_COORDINATOR_FOR_GROUP']);
function groupAnswerBehind(error: unknown): Error | undefined {
  let cause = error as { type?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; cause && depth < 5; depth += 1) {
    if (typeof cause.type === 'string' && groupAnswers.has(cause.type)) return cause as unknown as Error;
    cause = cause.cause as typeof cause;
  }
  return undefined;
}

/**
 * The one path by which services consume events. For each message, in partition order:
 * decode and validate it (a tolerant reader: fields it does not know are dropped, a type it does
 * not know is skipped and counted); skip it if this group already handled its event id; run the
 * handler with a bounded number of retries and exponential backoff; remember the event id and
 * commit the offset (once per batch, after the handlers succeeded).
 *
 * A message that cannot be handled is parked on the group's dead-letter topic with its reason,
 * and its key is held: that person's later messages are parked behind it, in order, instead of
 * being applied over the gap (a re-driven `staff-assigned` must not undo a later unassignment).
 * `npm run redrive` puts the parked messages back, in order, on the group's redrive topic; the
 * hold is released once the last of them has been handled (or discarded by an operator). A
 * message is therefore handled, or parked with its reason, never dropped; and a redelivery after
 * a crash or rebalance is harmless because handlers are idempotent and ids are remembered.
 */
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly deadLetterTopic: string;
  private readonly redriveTopic: string;
  private readonly maxAttempts: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: Logger;
  private readonly counts: ConsumerStats = { handled: 0, deadLettered: 0, unknownTypesSkipped: {}, byType: {} };
  private stopping = false;
  private batchInHand: Promise<void> = Promise.resolve();
  /**
   * The keys this group holds, kept in memory so an ordinary message costs no lookup for them:
   * loaded whenever this member joins the group (a rebalance may hand it keys another member
   * held), and kept up to date by this member's own parking and releasing.
   */
  private heldKeyIds = new Set<string>();
  private dispatch: EventDispatch | undefined;
  private started = false;
  private stopped: Promise<void> | undefined;

  constructor(private readonly options: EventConsumerOptions) {
    this.dispatch = options.handlers && dispatchOf(options.handlers);
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
    this.redriveTopic = redriveTopicOf(options.groupId);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.initialBackoffMs = options.initialBackoffMs ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
    this.logger = options.logger.child({ component: 'event-consumer', consumerGroup: options.groupId });
  }

  /** The topics this consumer reads: those it was given, and its group's redrive topic. */
  get subscribedTopics(): string[] {
    return [...this.options.topics, this.redriveTopic];
  }

  stats(): ConsumerStats {
    return {
      ...this.counts,
      unknownTypesSkipped: { ...this.counts.unknownTypesSkipped },
      byType: Object.fromEntries(Object.entries(this.counts.byType).map(([type, counts]) => [type, { ...counts }])),
    };
  }

  private countOf(type: string) {
    return (this.counts.byType[type] ??= { handled: 0, deadLettered: 0 });
  }

  /** True for a consumer built without handlers: its transport gives them and starts it. */
  get awaitsTransport(): boolean {
    return !this.options.handlers;
  }

  /** Hands this consumer's events to a dispatch (its transport's handlers), before it starts. */
  consumeWith(dispatch: EventDispatch): void {
    this.dispatch = dispatch;
  }

  async start(): Promise<void> {
    if (!this.dispatch) throw new Error(`consumer ${this.options.groupId}: no handlers (connect its EventTransport, or give it handlers)`);
    if (this.started) throw new Error(`consumer ${this.options.groupId}: started twice`);
    this.started = true;
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [...this.subscribedTopics, this.deadLetterTopic], this.options.topicSettings);
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
    await this.loadHeldKeys();
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping) {
        this.logger.warn({ err: payload.error }, 'consumer crashed: kafkajs restarts it from the last commit');
        return;
      }
      // An error kafkajs will not retry: a service whose consumer stopped must not look healthy.
      // Stop the whole process, as a crash would, so its supervisor (npm start, Kubernetes) starts it again.
      this.logger.fatal({ err: payload.error }, 'consumer stopped for good: stopping the service so it is started again');
      // (Not inside a test runner, which runs many consumers in one process and must report, not die.)
      if (!process.env['JEST_WORKER_ID']) process.kill(process.pid, 'SIGTERM');
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.heldKeysLoaded = this.loadHeldKeys().catch((error: unknown) => this.logger.error({ err: error }, 'held keys: reload failed'));
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.subscribedTopics, fromBeginning: true });
    await this.options.heldKeys.createIndex({ group: 1 }, { name: 'group' });
    await this.consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.handleBatch(payload) });
  }

  /** A consumer given its handlers starts with the application; one served by a transport starts when the transport listens. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.options.handlers) await this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /**
   * Lets the message in hand finish, commits it, then disconnects. (kafkajs drops a commit made
   * once its disconnect has begun, so the batch is ended and committed first.)
   */
  stop(): Promise<void> {
    // Once: the application's shutdown stops it before the database closes, then its transport closes.
    this.stopped ??= (async () => {
      this.stopping = true;
      await this.batchInHand;
      await this.consumer.disconnect();
      await this.producer.disconnect();
    })();
    return this.stopped;
  }

  /**
   * A batch is handled message by message, in order; the ids of the events handled and the offset
   * reached are written once at the end of the batch (or of the part done, if it stops early), so
   * a crash replays at most the batch in hand, which the ids and idempotent handlers make harmless.
   */
  private handleBatch(payload: EachBatchPayload): Promise<void> {
    const inHand = this.handleMessages(payload).catch((error: unknown) => {
      // kafkajs restarts a consumer only after an error it calls retriable; anything else (the
      // store restarting under the ids or the holds, a socket reset) would stop this consumer for
      // good while the service looks healthy. The batch is replayed from the last commit, which
      // the remembered ids and idempotent handlers make harmless, so every such error is retriable.
      const group = groupAnswerBehind(error);
      if (group) throw group;
      throw error instanceof KafkaJSError ? error : new KafkaJSError(error as Error, { retriable: true });
    });
    this.batchInHand = inHand.catch(() => undefined);
    return inHand;
  }

  private async handleMessages({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    // Handled in this batch, not yet remembered in the store: the same event twice in one batch is handled once.
    const handled = new Set<string>();
    let reached: string | undefined;
    try {
      for (const message of batch.messages) {
        if (this.stopping || !isRunning() || isStale()) break;
        const outcome = await this.handleMessage(batch.topic, batch.partition, message, heartbeat, handled);
        if (outcome.handled) handled.add(outcome.handled);
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
  ): Promise<Outcome> {
    const origin = this.originOf(topic, partition, message);
    const key = message.key === null || message.key === undefined ? undefined : message.key.toString();
    if (topic === this.redriveTopic && headerText(message.headers, redriveHeaders.action)) {
      await this.obeyOperator(message, key);
      return {};
    }
    const decoded = fromKafkaMessage(message);
    const parkId = headerText(message.headers, 'ce_id') ?? `${origin.topic}:${origin.partition}:${origin.offset}`;
    if (!decoded.ok) {
      if (decoded.unknownType) {
        // A newer producer's event: nothing here can handle it, and holding her key for it would stall her.
        this.counts.unknownTypesSkipped[decoded.unknownType] = (this.counts.unknownTypesSkipped[decoded.unknownType] ?? 0) + 1;
        this.logger.warn({ eventType: decoded.unknownType, origin }, 'event: unknown type, skipped (deploy its consumers to handle it)');
        return {};
      }
      await this.park(message, origin, key, parkId, 'invalid', `invalid message: ${decoded.problems.join('; ')}`, 0);
      return {};
    }
    const event = decoded.event;
    const forged = notFromItsProducer(event, origin.topic);
    if (forged) {
      await this.park(message, origin, key, parkId, 'invalid', `invalid message: ${forged}`, 0);
      return {};
    }
    const log = this.logger.child({ eventId: event.id, eventType: event.type, correlationId: event.correlationId });
    const remembered = `${this.options.groupId}/${event.id}`;
    if (!this.dispatch!.handles(event.type)) {
      log.debug('event: no handler in this service, skipped');
      return {};
    }
    if (handledInBatch.has(remembered) || (await this.options.processedEvents.findOne({ _id: remembered as never }))) {
      log.debug('event: already handled, skipped');
      return {};
    }
    const hold = key === undefined ? undefined : await this.holdOf(key);
    if (hold && hold.parked[0] !== parkId) {
      // Behind an earlier event of hers that is parked: applied now, it would overtake it.
      await this.park(message, origin, key, parkId, 'held', `held: her key waits for parked message ${hold.parked[0]}`, 0, hold);
      return {};
    }
    // A span per event handled, in the trace of the request that caused it.
    const failure = await inProcessSpan(
      event,
      { ...origin, group: this.options.groupId },
      () => this.handleWithRetries(event, origin, heartbeat),
      (outcome) => outcome?.error,
    );
    if (failure) {
      log.error({ err: failure.error, attempts: failure.attempts }, 'event: dead-lettered after failing');
      // Not remembered as handled: redriven once the cause is fixed, it is handled then.
      await this.park(message, origin, key, parkId, 'failed', String(failure.error?.stack ?? failure.error), failure.attempts, hold);
      return {};
    }
    if (hold) await this.release(hold, parkId, 'handled');
    this.counts.handled += 1;
    this.countOf(event.type).handled += 1;
    log.debug('event: handled');
    return { handled: remembered };
  }

  /** A message from the redrive topic keeps the origin it was first read from. */
  private originOf(topic: string, partition: number, message: KafkaMessage): Origin {
    const first = headerText(message.headers, deadLetterHeaders.topic);
    if (topic !== this.redriveTopic || !first) return { topic, partition, offset: message.offset };
    return {
      topic: first,
      partition: Number(headerText(message.headers, deadLetterHeaders.partition)),
      offset: headerText(message.headers, deadLetterHeaders.offset) ?? message.offset,
    };
  }

  private holdIdOf(key: string): string {
    return `${this.options.groupId}|${key}`;
  }

  private heldKeysLoaded: Promise<unknown> = Promise.resolve();

  /** The group's held keys: an equality on the indexed group field (few documents, read at join only). */
  private async loadHeldKeys(): Promise<void> {
    const held = await this.options.heldKeys.find({ group: this.options.groupId }).project({ _id: 1 }).toArray();
    this.heldKeyIds = new Set(held.map((hold) => String(hold['_id'])));
  }

  private async holdOf(key: string): Promise<HeldKey | undefined> {
    await this.heldKeysLoaded;
    if (!this.heldKeyIds.has(this.holdIdOf(key))) return undefined;
    const hold = ((await this.options.heldKeys.findOne({ _id: this.holdIdOf(key) as never })) as HeldKey | null) ?? undefined;
    if (!hold) this.heldKeyIds.delete(this.holdIdOf(key));
    return hold;
  }

  /** Takes a parked message out of its key's hold; the key is free once nothing of it is parked. */
  private async release(hold: HeldKey, parkId: string, why: 'handled' | 'discarded'): Promise<void> {
    const parked = hold.parked.filter((id) => id !== parkId);
    if (parked.length === 0) {
      await this.options.heldKeys.deleteOne({ _id: hold._id as never });
      this.heldKeyIds.delete(hold._id);
    }
    else await this.options.heldKeys.updateOne({ _id: hold._id as never }, { $set: { parked } });
    this.logger.info({ parkId, why, stillParked: parked.length }, parked.length === 0 ? 'held key released' : 'parked message released; key still held');
  }

  /** An operator's word on the redrive topic: for now, discard a parked message for good. */
  private async obeyOperator(message: KafkaMessage, key: string | undefined): Promise<void> {
    const action = headerText(message.headers, redriveHeaders.action);
    const parkId = headerText(message.headers, redriveHeaders.parkId);
    const hold = key === undefined ? undefined : await this.holdOf(key);
    if (action !== 'discard' || !parkId || !hold || !hold.parked.includes(parkId)) {
      this.logger.warn({ action, parkId }, 'redrive: operator message ignored (unknown action, or nothing parked under that id)');
      return;
    }
    this.logger.warn({ parkId, reason: headerText(message.headers, redriveHeaders.reason) }, 'redrive: parked message discarded by an operator');
    await this.release(hold, parkId, 'discarded');
  }

  private async handleWithRetries(
    event: EventEnvelope,
    position: MessagePosition,
    heartbeat: () => Promise<void>,
  ): Promise<{ error: Error; attempts: number } | undefined> {
    let backoff = this.initialBackoffMs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.dispatch!.handle(event, position);
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

  /**
   * Parks the original bytes and headers with where they came from and why, then holds its key
   * (a message without a key has no order to keep). The dead letter is written first: a crash in
   * between leaves it parked and not held, and the redelivery holds it. If parking fails, the
   * offset is not committed.
   */
  private async park(
    message: KafkaMessage,
    origin: Origin,
    key: string | undefined,
    parkId: string,
    kind: 'failed' | 'invalid' | 'held',
    reason: string,
    attempts: number,
    hold?: HeldKey,
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
      [deadLetterHeaders.kind]: kind,
      [deadLetterHeaders.parkId]: parkId,
    };
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    this.counts.deadLettered += 1;
    // Only catalogue names as labels: a forged header must not mint metric series.
    const type = headerText(message.headers, 'ce_type');
    this.countOf(type && isKnownEventType(type) ? type : 'not-an-event-type').deadLettered += 1;
    this.logger.warn({ origin, kind, reason: reason.split('\n')[0] }, 'message dead-lettered');
    if (key === undefined) return;
    this.heldKeyIds.add(this.holdIdOf(key));
    if (!hold) {
      const held: HeldKey = { _id: this.holdIdOf(key), group: this.options.groupId, key, parked: [parkId], since: new Date() };
      await this.options.heldKeys.insertOne(held as never).catch(async (error: { code?: number }) => {
        // Held a moment ago by a redelivery of this very batch: add to that hold instead.
        if (error.code !== 11000) throw error;
        const existing = await this.holdOf(key);
        if (existing && !existing.parked.includes(parkId)) {
          await this.options.heldKeys.updateOne({ _id: existing._id as never }, { $set: { parked: [...existing.parked, parkId] } });
        }
      });
    } else if (!hold.parked.includes(parkId)) {
      await this.options.heldKeys.updateOne({ _id: hold._id as never }, { $set: { parked: [...hold.parked, parkId] } });
    }
  }
}
