import { randomUUID } from 'node:crypto';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Admin, Producer } from 'kafkajs';
import { deadLetterTopicOf, envelope, EventEnvelope, intakeEventTypes, redriveTopicOf } from '@mukti/contracts';
import { ServiceDatabase } from '@mukti/persistence';
import { eventually, readTopic, superUserKafkaConnection, testLogger, uniqueDatabaseUri, uniqueName } from '@mukti/testing';
import { toKafkaMessage } from './cloudevents-binding';
import { consumerLag } from './consumer-lag';
import { deadLetterHeaders, EventConsumer, NonRetryableEventError } from './event-consumer';
import { EventContext, EventController, EventTransport } from './event-transport';
import { createKafka } from './kafka-client';
import { ensureTopics, TopicSettings } from './topic-provisioning';

jest.setTimeout(60_000);

const CONSENT = intakeEventTypes.consentRecorded;
type ConsentRecorded = EventEnvelope<typeof CONSENT>;

const logger = testLogger();
const kafka = createKafka({ connection: superUserKafkaConnection(), clientId: uniqueName('transport-spec'), logger });
const consumerOf = kafka.consumer.bind(kafka);
kafka.consumer = (config) => consumerOf({ maxWaitTimeInMs: 250, ...config });
const topicSettings: TopicSettings = { partitions: 1, replicationFactor: 1 };

let admin: Admin;
let producer: Producer;
let database: ServiceDatabase;
const topicsToDelete = new Set<string>();
const groupsToDelete = new Set<string>();

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  database = await ServiceDatabase.connect(uniqueDatabaseUri('transport'));
});

afterAll(async () => {
  try {
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
    { type: CONSENT, subject: personId, time, data: { personId, consentId: randomUUID(), scope: 'research', decision: 'granted', givenBy: 'guardian', decidedAt: time } },
    '/mukti/intake',
    { actor: { id: 'staff-1', role: 'caseworker' }, correlationId: randomUUID() },
  );
}

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
  const topic = uniqueName('transport');
  const group = uniqueName('transport-group');
  await ensureTopics(admin, [topic], topicSettings);
  topicsToDelete.add(topic).add(deadLetterTopicOf(group)).add(redriveTopicOf(group));
  groupsToDelete.add(group);
  const consumer = new EventConsumer({
    kafka,
    groupId: group,
    topics: [topic],
    processedEvents: database.collection(uniqueName('processed')),
    heldKeys: database.collection(uniqueName('held')),
    logger,
    topicSettings,
    maxAttempts: 3,
    initialBackoffMs: 20,
    maxBackoffMs: 100,
  });
  @Module({ controllers: [ConsentCopy, ConsentAlerts], providers: [{ provide: EventConsumer, useValue: consumer }] })
  class ServiceUnderTest {}
  const app = await NestFactory.create(ServiceUnderTest, { logger: false });
  app.connectMicroservice({ strategy: new EventTransport(consumer) });
  await app.init();
  await app.startAllMicroservices();
  return { app, topic, group, consumer };
}

const caughtUp = (group: string, topics: string[]) =>
  eventually(async () => expect((await consumerLag(admin, group, topics)).total).toBe(0), 30_000);

beforeEach(() => {
  seen.length = 0;
  failing.clear();
  attempts.clear();
});

describe('a hybrid application\'s @EventPattern handlers, on a real broker', () => {
  it('receive a real event from Kafka: the whole envelope and where it was read; both handlers of its type, in turn; then it is committed', async () => {
    const { app, topic, group } = await hybridService();
    try {
      const event = consentRecorded();
      await producer.send({ topic, acks: -1, messages: [toKafkaMessage(event)] });
      await eventually(() => expect(seen).toEqual([`copy ${event.id} /mukti/intake ${event.subject} ${topic}/0@0`, `alerts ${event.id}`]), 30_000);
      await caughtUp(group, [topic]);
      // A redelivery (the same event id again) is not handled twice.
      await producer.send({ topic, acks: -1, messages: [toKafkaMessage(event)] });
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
      await producer.send({ topic, acks: -1, messages: [poison, hersLater, hopeless, good].map(toKafkaMessage) });
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
