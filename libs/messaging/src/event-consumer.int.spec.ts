import { randomUUID } from 'node:crypto';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Admin, Message, Producer } from 'kafkajs';
import type { Collection } from 'mongodb';
import { deadLetterTopicOf, envelope, EventEnvelope, intakeEventTypes, redriveTopicOf } from '@mukti/contracts';
import { ServiceDatabase } from '@mukti/persistence';
import {
  eventually,
  RawMessage,
  readTopic,
  testInfrastructure,
  testLogger,
  uniqueDatabaseUri,
  uniqueName,
  superUserKafkaConnection,
} from '@mukti/testing';
import { fromKafkaMessage, toKafkaMessage } from './cloudevents-binding';
import { consumerLag } from './consumer-lag';
import { deadLetterHeaders, EventConsumer, EventConsumerOptions, EventHandlers, NonRetryableEventError } from './event-consumer';
import { EventContext, EventController, EventTransport } from './event-transport';
import { createKafka } from './kafka-client';
import { DirectPublishing } from './direct-publishing';
import { redrive } from './redrive';
import { ensureTopics, TopicSettings } from './topic-provisioning';

jest.setTimeout(30_000);

const CONSENT = intakeEventTypes.consentRecorded;
type ConsentRecorded = EventEnvelope<typeof CONSENT>;

const logger = testLogger();
const kafka = createKafka({ connection: superUserKafkaConnection(), clientId: uniqueName('consumer-spec'), logger });
// A real client, with one setting tuned for tests: a consumer's stop waits for its fetch in flight,
// and the broker holds an empty fetch for maxWaitTimeInMs (5 s by default) before answering.
const consumerOf = kafka.consumer.bind(kafka);
kafka.consumer = (config) => consumerOf({ maxWaitTimeInMs: 250, ...config });
const topicSettings: TopicSettings = { partitions: 1, replicationFactor: 1 };
const databaseUri = uniqueDatabaseUri('consumer');

let admin: Admin;
let producer: Producer;
let database: ServiceDatabase;
let processedEvents: Collection;
let heldKeys: Collection;
const topicsToDelete = new Set<string>();
const groupsToDelete = new Set<string>();
const running = new Set<EventConsumer>();

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  database = await ServiceDatabase.connect(databaseUri);
  processedEvents = database.collection('processed-events');
  heldKeys = database.collection('held-keys');
});

afterAll(async () => {
  try {
    for (const consumer of running) await consumer.stop().catch(() => undefined);
    await producer?.disconnect();
    await admin?.deleteGroups([...groupsToDelete]).catch(() => undefined);
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: [...topicsToDelete].filter((topic) => existing.has(topic)) }).catch(() => undefined);
  } finally {
    await admin?.disconnect();
    if (database) {
      await database.connection.dropDatabase();
      await database.onApplicationShutdown();
    }
  }
});

function consentRecorded(personId: string = randomUUID()): ConsentRecorded {
  const time = new Date().toISOString();
  return envelope(
    {
      type: CONSENT,
      subject: personId,
      time,
      data: { personId, consentId: randomUUID(), scope: 'research', decision: 'granted', givenBy: 'guardian', decidedAt: time },
    },
    '/mukti/intake',
    { actor: { id: 'staff-1', role: 'caseworker' }, correlationId: randomUUID() },
  );
}

/** A topic and a consumer group of this test's own; the group's dead-letter topic is created by the consumer. */
async function setup(name: string, settings: TopicSettings = topicSettings) {
  const topic = uniqueName(name);
  const group = uniqueName(`${name}-group`);
  await ensureTopics(admin, [topic], settings);
  topicsToDelete.add(topic).add(deadLetterTopicOf(group)).add(redriveTopicOf(group));
  groupsToDelete.add(group);
  return { topic, group, deadLetterTopic: deadLetterTopicOf(group) };
}

async function send(topic: string, ...messages: Message[]): Promise<void> {
  await producer.send({ topic, acks: -1, messages });
}

async function startConsumer(
  group: string,
  topics: string[],
  handlers: EventHandlers,
  options: Partial<EventConsumerOptions> = {},
): Promise<EventConsumer> {
  const consumer = new EventConsumer({
    kafka,
    groupId: group,
    topics,
    handlers,
    processedEvents,
    heldKeys,
    logger,
    topicSettings,
    maxAttempts: 3,
    initialBackoffMs: 20,
    maxBackoffMs: 100,
    ...options,
  });
  running.add(consumer);
  await consumer.start();
  return consumer;
}

async function stopConsumer(consumer: EventConsumer): Promise<void> {
  running.delete(consumer);
  await consumer.stop();
}

async function committedOffset(group: string, topic: string, partition = 0): Promise<string> {
  const [entry] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  return entry!.partitions.find((candidate) => candidate.partition === partition)!.offset;
}

async function messageCount(topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
}

const caughtUp = (group: string, topics: string[]) =>
  eventually(async () => expect((await consumerLag(admin, group, topics)).total).toBe(0));

describe('EventConsumer on a real broker', () => {
  it('handles an event once even when the same event id arrives again', async () => {
    const { topic, group } = await setup('idempotent');
    const event = consentRecorded();
    const next = consentRecorded();
    await send(topic, toKafkaMessage(event), toKafkaMessage(event), toKafkaMessage(next));

    const handled: string[] = [];
    const consumer = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        handled.push(received.id);
      },
    });
    try {
      await caughtUp(group, [topic]);
      expect(handled).toEqual([event.id, next.id]);
      expect(await processedEvents.findOne({ _id: `${group}/${event.id}` as never })).toBeTruthy();

      // Redelivered later (a producer retry, a replay): still remembered, still not handled again.
      await send(topic, toKafkaMessage(event));
      await caughtUp(group, [topic]);
      expect(await committedOffset(group, topic)).toBe('4');
      expect(handled).toEqual([event.id, next.id]);
    } finally {
      await stopConsumer(consumer);
    }
  });

  it('keeps consuming after an error kafkajs calls unrecoverable while the batch is remembered (kafkajs alone stops the consumer for good)', async () => {
    const { topic, group } = await setup('store-fault');
    const [first, second] = [consentRecorded(), consentRecorded()];
    await send(topic, toKafkaMessage(first));
    // Writing the batch's ids fails once with a TypeError (kafkajs neither retries nor restarts on
    // one): the real collection, failing once.
    let failures = 0;
    const flaky = new Proxy(processedEvents, {
      get(target, property, receiver) {
        if (property === 'insertMany' && failures === 0) {
          return async () => {
            failures += 1;
            throw new TypeError('Cannot read properties of undefined (the store answered nothing)');
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const handled: string[] = [];
    const consumer = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        handled.push(received.id);
      },
    }, { processedEvents: flaky });
    try {
      await eventually(() => expect(failures).toBe(1));
      await send(topic, toKafkaMessage(second));
      await eventually(() => expect(handled).toContain(second.id), 40_000);
      await caughtUp(group, [topic]);
      expect(await committedOffset(group, topic)).toBe('2');
    } finally {
      await stopConsumer(consumer);
    }
  });

  it('rejoins its group when the group has gone on without it (a batch slower than its session), instead of stopping for good', async () => {
    const { topic, group } = await setup('expelled');
    const [slow, next] = [consentRecorded(), consentRecorded()];
    await send(topic, toKafkaMessage(slow));
    // Longer than the 10 s session: the coordinator takes it out of the group, and its heartbeat
    // and commit are refused (kafkajs wraps the commit's refusal in an error it calls non-retriable).
    const handled: string[] = [];
    const consumer = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        if (received.id === slow.id && !handled.includes(slow.id)) await new Promise((resolve) => setTimeout(resolve, 14_000));
        handled.push(received.id);
      },
    });
    try {
      await eventually(() => expect(handled).toEqual([slow.id]), 20_000);
      await send(topic, toKafkaMessage(next));
      await eventually(() => expect(handled).toContain(next.id), 40_000, 250);
      await caughtUp(group, [topic]);
      // The slow one was remembered before the commit was refused: not handled again after the rejoin.
      expect(handled).toEqual([slow.id, next.id]);
      expect(await committedOffset(group, topic)).toBe('2');
    } finally {
      await stopConsumer(consumer);
    }
  }, 90_000);

  it('retries a failing handler with backoff until it succeeds, then commits', async () => {
    const { topic, group, deadLetterTopic } = await setup('retry');
    const event = consentRecorded();
    await send(topic, toKafkaMessage(event));

    let attempts = 0;
    const handled: ConsentRecorded[] = [];
    const consumer = await startConsumer(
      group,
      [topic],
      {
        [CONSENT]: async (received: ConsentRecorded) => {
          attempts += 1;
          if (attempts <= 2) throw new Error(`transient failure ${attempts}`);
          handled.push(received);
        },
      },
      { maxAttempts: 4 },
    );
    try {
      await eventually(() => expect(handled.map((received) => received.id)).toEqual([event.id]));
      await caughtUp(group, [topic]);
      expect(attempts).toBe(3);
      expect(handled[0]).toEqual(event);
      expect(await committedOffset(group, topic)).toBe('1');
      expect(await messageCount(deadLetterTopic)).toBe(0);
    } finally {
      await stopConsumer(consumer);
    }
  });

  it('dead-letters an event whose handler keeps failing, with where it came from and why, and moves on', async () => {
    const { topic, group, deadLetterTopic } = await setup('failing');
    const poison = consentRecorded();
    const hopeless = consentRecorded();
    const good = consentRecorded();
    await send(topic, toKafkaMessage(poison), toKafkaMessage(hopeless), toKafkaMessage(good));

    const attempts = new Map<string, number>();
    const handled: string[] = [];
    const consumer = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        attempts.set(received.id, (attempts.get(received.id) ?? 0) + 1);
        if (received.id === poison.id) throw new Error(`cannot handle ${received.id}`);
        if (received.id === hopeless.id) throw new NonRetryableEventError(`never will handle ${received.id}`);
        handled.push(received.id);
      },
    });
    try {
      await eventually(() => expect(handled).toEqual([good.id]));
      await caughtUp(group, [topic]);
      expect(Object.fromEntries(attempts)).toEqual({ [poison.id]: 3, [hopeless.id]: 1, [good.id]: 1 });

      const deadLetters = await readTopic(kafka, deadLetterTopic, (messages) => messages.length >= 2);
      expect(await messageCount(deadLetterTopic)).toBe(2);
      const dead = deadLetters.find((message) => message.headers['ce_id'] === poison.id);
      const gaveUp = deadLetters.find((message) => message.headers['ce_id'] === hopeless.id);
      // An error retrying cannot fix is parked after the first attempt.
      expect(gaveUp!.headers).toMatchObject({ [deadLetterHeaders.offset]: '1', [deadLetterHeaders.attempts]: '1' });
      expect(gaveUp!.headers[deadLetterHeaders.error]).toContain(`never will handle ${hopeless.id}`);
      expect(dead!.headers).toMatchObject({
        [deadLetterHeaders.topic]: topic,
        [deadLetterHeaders.partition]: '0',
        [deadLetterHeaders.offset]: '0',
        [deadLetterHeaders.group]: group,
        [deadLetterHeaders.attempts]: '3',
        ce_specversion: '1.0',
        ce_id: poison.id,
        ce_type: CONSENT,
        ce_subject: poison.subject,
        ce_source: poison.source,
      });
      expect(dead!.headers[deadLetterHeaders.error]).toContain(`cannot handle ${poison.id}`);
      expect(Number.isNaN(Date.parse(dead!.headers[deadLetterHeaders.failedAt]!))).toBe(false);
      // The original bytes and attributes are kept: the dead letter still decodes to the same event.
      expect(dead!.key).toBe(poison.subject);
      expect(JSON.parse(dead!.value!.toString())).toEqual(poison.data);
      expect(fromKafkaMessage({ key: dead!.key, value: dead!.value, headers: dead!.headers })).toEqual({
        ok: true,
        event: poison,
      });
    } finally {
      await stopConsumer(consumer);
    }
  });

  it('dead-letters an invalid message at once, with its problems, without calling the handler', async () => {
    const { topic, group, deadLetterTopic } = await setup('invalid');
    const notAnEvent: Message = { key: 'someone', value: '{"hello":"world"}', headers: { 'content-type': 'application/json' } };
    const badPayload = consentRecorded();
    const badPayloadMessage = {
      ...toKafkaMessage(badPayload),
      value: JSON.stringify({ ...badPayload.data, consentId: 'not-a-uuid' }),
    };
    const good = consentRecorded();
    await send(topic, notAnEvent, badPayloadMessage, toKafkaMessage(good));

    const handled: string[] = [];
    const consumer = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        handled.push(received.id);
      },
    });
    try {
      await eventually(() => expect(handled).toEqual([good.id]));
      await caughtUp(group, [topic]);

      const dead = await readTopic(kafka, deadLetterTopic, (messages) => messages.length >= 2);
      expect(dead).toHaveLength(2);
      const originOffset = (message: RawMessage) => Number(message.headers[deadLetterHeaders.offset]);
      const [headerless, invalidPayload] = dead.sort((a, b) => originOffset(a) - originOffset(b));

      expect(headerless!.headers).toMatchObject({ dlq_origin_topic: topic, dlq_origin_offset: '0', dlq_attempts: '0' });
      expect(headerless!.headers['dlq_error']).toMatch(/^invalid message: /);
      expect(headerless!.headers['dlq_error']).toContain('header ce_id: missing');
      expect(headerless!.headers['dlq_error']).toContain('header ce_type: missing');
      expect(headerless!.key).toBe('someone');
      expect(headerless!.value!.toString()).toBe('{"hello":"world"}');

      expect(invalidPayload!.headers).toMatchObject({
        dlq_origin_topic: topic,
        dlq_origin_offset: '1',
        dlq_attempts: '0',
        ce_id: badPayload.id,
      });
      expect(invalidPayload!.headers['dlq_error']).toMatch(/^invalid message: data\/consentId: /);

      // Not remembered as handled: a corrected copy with the same id would still be handled.
      expect(await processedEvents.findOne({ _id: `${group}/${badPayload.id}` as never })).toBeNull();
    } finally {
      await stopConsumer(consumer);
    }
  });

  it('commits an offset only after the handler succeeded: a crash mid-way means the message comes again', async () => {
    const { topic, group } = await setup('crash');
    const event = consentRecorded();
    await send(topic, toKafkaMessage(event));

    // The first instance has a database connection of its own, so that it can "crash" alone.
    const crashingDatabase = await ServiceDatabase.connect(databaseUri);
    let handlerStarted!: () => void;
    const started = new Promise<void>((resolve) => (handlerStarted = resolve));
    let releaseHandler!: () => void;
    const released = new Promise<void>((resolve) => (releaseHandler = resolve));
    const handledByFirst: string[] = [];
    const first = await startConsumer(
      group,
      [topic],
      {
        [CONSENT]: async (received: ConsentRecorded) => {
          handlerStarted();
          await released;
          handledByFirst.push(received.id);
        },
      },
      { processedEvents: crashingDatabase.collection('processed-events') },
    );
    let stopping: Promise<void> | undefined;
    try {
      await started;
      // Mid-way through the handler: nothing committed.
      expect(await committedOffset(group, topic)).toBe('-1');

      // The crash: its store goes away while the handler is running, so the instance can neither
      // remember the event nor get as far as committing it.
      await crashingDatabase.onApplicationShutdown();
      running.delete(first);
      stopping = first.stop();
      releaseHandler();
      await stopping;
    } finally {
      releaseHandler();
      await stopping;
      await crashingDatabase.onApplicationShutdown();
    }
    expect(handledByFirst).toEqual([event.id]);
    expect(await committedOffset(group, topic)).toBe('-1');
    expect(await processedEvents.findOne({ _id: `${group}/${event.id}` as never })).toBeNull();

    // A new instance of the same group gets the message again and handles it.
    const handledBySecond: string[] = [];
    const second = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        handledBySecond.push(received.id);
      },
    });
    try {
      await eventually(() => expect(handledBySecond).toEqual([event.id]));
      await caughtUp(group, [topic]);
      expect(await committedOffset(group, topic)).toBe('1');
      expect(await processedEvents.findOne({ _id: `${group}/${event.id}` as never })).toBeTruthy();
    } finally {
      await stopConsumer(second);
    }
  });

  it('holds her later events behind a parked one, and a redrive applies them in her order', async () => {
    const { topic, group, deadLetterTopic } = await setup('hold');
    const her = randomUUID();
    const [first, second, third] = [consentRecorded(her), consentRecorded(her), consentRecorded(her)];
    const someoneElse = consentRecorded();
    await send(topic, ...[first, second, someoneElse, third].map(toKafkaMessage));

    let broken = true;
    const handled: string[] = [];
    const consumer = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        if (broken && received.id === first.id) throw new Error('her store is not ready');
        handled.push(received.id);
      },
    });
    try {
      await caughtUp(group, [topic]);
      // Nobody else waits for her; her second and third wait behind her first.
      expect(handled).toEqual([someoneElse.id]);
      const parked = await readTopic(kafka, deadLetterTopic, (messages) => messages.length >= 3);
      expect(parked.map((message) => [message.headers['ce_id'], message.headers[deadLetterHeaders.kind]])).toEqual([
        [first.id, 'failed'],
        [second.id, 'held'],
        [third.id, 'held'],
      ]);
      expect(parked[1]!.headers[deadLetterHeaders.error]).toContain(first.id);

      // The cause is fixed; the operator redrives the group: her events are applied in her order.
      broken = false;
      const report = await redrive({ kafka, group });
      expect(report.redriven.map((message) => [message.parkId, message.kind])).toEqual([
        [first.id, 'failed'],
        [second.id, 'held'],
        [third.id, 'held'],
      ]);
      await eventually(() => expect(handled).toEqual([someoneElse.id, first.id, second.id, third.id]));
      await eventually(async () => expect(await heldKeys.countDocuments({ key: her })).toBe(0));

      // Her key is free again: a new event of hers is applied at once; a second redrive sends nothing.
      const fourth = consentRecorded(her);
      await send(topic, toKafkaMessage(fourth));
      await eventually(() => expect(handled.at(-1)).toBe(fourth.id));
      expect((await redrive({ kafka, group })).redriven).toEqual([]);
      await caughtUp(group, [topic, redriveTopicOf(group)]);
      expect(handled).toEqual([someoneElse.id, first.id, second.id, third.id, fourth.id]);
    } finally {
      await stopConsumer(consumer);
    }
  });

  it('lets an operator discard a parked message for good, which frees her key', async () => {
    const { topic, group } = await setup('discard');
    const her = randomUUID();
    const [hopeless, next] = [consentRecorded(her), consentRecorded(her)];
    await send(topic, toKafkaMessage(hopeless), toKafkaMessage(next));
    const handled: string[] = [];
    const consumer = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        if (received.id === hopeless.id) throw new NonRetryableEventError('refers to a case that never existed');
        handled.push(received.id);
      },
    });
    try {
      await caughtUp(group, [topic]);
      expect(handled).toEqual([]);
      const report = await redrive({ kafka, group, discard: { parkId: hopeless.id, reason: 'checked by hand: a test record' } });
      expect(report.discarded).toMatchObject({ parkId: hopeless.id, key: her, kind: 'failed' });
      await eventually(async () => expect((await heldKeys.findOne({ key: her }))?.['parked']).toEqual([next.id]));
      // The one parked behind it goes back on its own and is applied; nothing of hers is held now.
      await redrive({ kafka, group, eventId: next.id });
      await eventually(() => expect(handled).toEqual([next.id]));
      await eventually(async () => expect(await heldKeys.countDocuments({ key: her })).toBe(0));
    } finally {
      await stopConsumer(consumer);
    }
  });

  it('skips and counts an event type it does not know, and reads an event with a field added later (tolerant reader)', async () => {
    const { topic, group, deadLetterTopic } = await setup('tolerant');
    const her = randomUUID();
    const fromTheFuture = { ...toKafkaMessage(consentRecorded(her)), headers: { ...toKafkaMessage(consentRecorded(her)).headers, ce_type: 'org.mukti.intake.person-relocated.v1' } };
    const withMore = consentRecorded(her);
    const withMoreMessage = { ...toKafkaMessage(withMore), value: JSON.stringify({ ...withMore.data, witnessedBy: 'a second caseworker' }) };
    await send(topic, fromTheFuture, withMoreMessage);
    const handled: ConsentRecorded[] = [];
    const consumer = await startConsumer(group, [topic], {
      [CONSENT]: async (received: ConsentRecorded) => {
        handled.push(received);
      },
    });
    try {
      await caughtUp(group, [topic]);
      expect(handled).toEqual([withMore]);
      expect(consumer.stats()).toEqual({
        handled: 1,
        deadLettered: 0,
        unknownTypesSkipped: { 'org.mukti.intake.person-relocated.v1': 1 },
        byType: { [CONSENT]: { handled: 1, deadLettered: 0 } },
      });
      expect(await messageCount(deadLetterTopic)).toBe(0);
      expect(await heldKeys.countDocuments({ key: her })).toBe(0);
    } finally {
      await stopConsumer(consumer);
    }
  });

  it('shuts down in order: a handler still publishing when the service stops finishes, nothing dead-lettered', async () => {
    const { topic, group, deadLetterTopic } = await setup('shutdown');
    const records = uniqueName('records');
    topicsToDelete.add(records);
    const event = consentRecorded();
    await send(topic, toKafkaMessage(event));
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    @Module({})
    class ServiceUnderTest {}
    const records$ = new DirectPublishing(kafka, [records], topicSettings, () => records);
    const consumer = new EventConsumer({
      kafka, groupId: group, topics: [topic], processedEvents, heldKeys, logger, topicSettings, maxAttempts: 1,
      handlers: {
        [CONSENT]: async (received: ConsentRecorded) => {
          started();
          // Still at work when the stop arrives: the producer it needs must wait for it.
          await new Promise((resolve) => setTimeout(resolve, 500));
          await records$.publish([received]);
        },
      },
    });
    const app = await NestFactory.createApplicationContext(
      { module: ServiceUnderTest, providers: [{ provide: DirectPublishing, useValue: records$ }, { provide: EventConsumer, useValue: consumer }] },
      { logger: false },
    );
    await app.init();
    await handlerStarted;
    await app.close();
    expect(await messageCount(records)).toBe(1);
    expect(await messageCount(deadLetterTopic)).toBe(0);
    expect(await committedOffset(group, topic)).toBe('1');
  });

  it('reports the lag of a group that has not consumed yet', async () => {
    const { topic, group } = await setup('lag', { partitions: 2, replicationFactor: 1 });
    const { topic: other } = await setup('lag-other');
    await send(topic, ...[consentRecorded(), consentRecorded(), consentRecorded()].map(toKafkaMessage));
    await send(other, toKafkaMessage(consentRecorded()));

    expect(await consumerLag(admin, group, [topic])).toMatchObject({ total: 3, byTopic: { [topic]: 3 } });
    expect((await consumerLag(admin, group, [topic])).byPartition.reduce((sum, { behind }) => sum + behind, 0)).toBe(3);
    expect(await consumerLag(admin, group, [topic, other])).toMatchObject({ total: 4, byTopic: { [topic]: 3, [other]: 1 } });
  });
});

/** What the handlers of the service under test did, in order. */
const seen: string[] = [];
/** Events whose handler throws (by id), and whether retrying could help. */
const failing = new Map<string, 'retriable' | 'never'>();
const attempts = new Map<string, number>();

@EventController()
class ConsentCopy {
  @EventPattern(CONSENT)
  async consentRecorded(@Payload() event: ConsentRecorded, @Ctx() context: EventContext): Promise<void> {
    attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
    const failure = failing.get(event.id);
    if (failure === 'never') throw new NonRetryableEventError(`never will handle ${event.id}`);
    if (failure === 'retriable') throw new Error(`cannot handle ${event.id}`);
    // A little work, so the next handler of the type would overtake it if they ran at once.
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen.push(`copy ${event.id} ${event.source} ${event.subject} ${context.getTopic()}/${context.getPartition()}@${context.getOffset()}`);
  }
}

@EventController()
class ConsentAlerts {
  @EventPattern(CONSENT)
  consentRecorded(@Payload() event: ConsentRecorded): void {
    seen.push(`alerts ${event.id}`);
  }
}

/** A hybrid application, HTTP and events, as startServiceApp starts a service. */
async function hybridService(): Promise<{ app: INestApplication; topic: string; group: string; consumer: EventConsumer }> {
  const { topic, group } = await setup('transport');
  const consumer = new EventConsumer({
    kafka, groupId: group, topics: [topic], processedEvents, heldKeys, logger, topicSettings, maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 100,
  });
  @Module({ controllers: [ConsentCopy, ConsentAlerts], providers: [{ provide: EventConsumer, useValue: consumer }] })
  class ServiceUnderTest {}
  const app = await NestFactory.create(ServiceUnderTest, { logger: false });
  app.connectMicroservice({ strategy: new EventTransport(consumer) });
  await app.init();
  await app.startAllMicroservices();
  return { app, topic, group, consumer };
}

function forgetWhatWasSeen() {
  seen.length = 0;
  failing.clear();
  attempts.clear();
}

describe('a hybrid application\'s @EventPattern handlers (EventTransport), on a real broker', () => {
  beforeEach(forgetWhatWasSeen);

  it('receive a real event from Kafka: the whole envelope and where it was read; both handlers of its type, in turn; then it is committed', async () => {
    const { app, topic, group } = await hybridService();
    try {
      const event = consentRecorded();
      await send(topic, toKafkaMessage(event));
      await eventually(() => expect(seen).toEqual([`copy ${event.id} /mukti/intake ${event.subject} ${topic}/0@0`, `alerts ${event.id}`]), 30_000);
      await caughtUp(group, [topic]);
      // A redelivery (the same event id again) is not handled twice.
      await send(topic, toKafkaMessage(event));
      await caughtUp(group, [topic]);
      expect(seen).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it('a handler that throws: the same bounded retries and dead letter with its reason as before, her later event held behind it, others go on', async () => {
    const { app, topic, group, consumer } = await hybridService();
    const deadLetterTopic = deadLetterTopicOf(group);
    try {
      const her = randomUUID();
      const poison = consentRecorded(her);
      const hersLater = consentRecorded(her);
      const hopeless = consentRecorded();
      const good = consentRecorded();
      failing.set(poison.id, 'retriable').set(hopeless.id, 'never');
      await send(topic, ...[poison, hersLater, hopeless, good].map(toKafkaMessage));
      await eventually(() => expect(seen).toContain(`alerts ${good.id}`), 30_000);
      await caughtUp(group, [topic]);
      expect(Object.fromEntries(attempts)).toEqual({ [poison.id]: 3, [hopeless.id]: 1, [good.id]: 1 });
      // The handler after a failing one never ran for it.
      expect(seen.filter((entry) => entry.startsWith('alerts'))).toEqual([`alerts ${good.id}`]);

      const deadLetters = await readTopic(kafka, deadLetterTopic, (messages) => messages.length >= 3);
      const byId = (id: string) => deadLetters.find((message) => message.headers['ce_id'] === id)!;
      expect(byId(poison.id).headers).toMatchObject({
        [deadLetterHeaders.topic]: topic,
        [deadLetterHeaders.offset]: '0',
        [deadLetterHeaders.group]: group,
        [deadLetterHeaders.attempts]: '3',
        [deadLetterHeaders.kind]: 'failed',
      });
      // The handler's own error, not Nest's "Internal server error".
      expect(byId(poison.id).headers[deadLetterHeaders.error]).toContain(`cannot handle ${poison.id}`);
      expect(byId(hersLater.id).headers).toMatchObject({ [deadLetterHeaders.kind]: 'held', [deadLetterHeaders.attempts]: '0' });
      expect(byId(hopeless.id).headers).toMatchObject({ [deadLetterHeaders.kind]: 'failed', [deadLetterHeaders.attempts]: '1' });
      expect(byId(hopeless.id).headers[deadLetterHeaders.error]).toContain(`never will handle ${hopeless.id}`);
      expect(consumer.stats()).toMatchObject({ handled: 1, deadLettered: 3 });
    } finally {
      await app.close();
    }
  });
});
