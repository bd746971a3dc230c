import { randomUUID } from 'node:crypto';
import type { Admin } from 'kafkajs';
import type { Collection } from 'mongodb';
import { DomainEvent, envelope, EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import type { Decider } from '@mukti/decider';
import {
  AggregateStore,
  CommitDocument,
  handleCommand,
  ServiceDatabase,
  UniqueConstraintError,
  VersionConflictError,
} from '@mukti/persistence';
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
import { fromKafkaMessage } from './cloudevents-binding';
import { EventPublisher, InvalidEventError } from './event-publisher';
import { createKafka } from './kafka-client';
import { OutboxRelay } from './outbox-relay';
import { ensureTopics, TopicSettings } from './topic-provisioning';

jest.setTimeout(30_000);

const CONSENT = intakeEventTypes.consentRecorded;
type ConsentRecorded = EventEnvelope<typeof CONSENT>;
interface Consents {
  count: number;
}

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const logger = testLogger();
const kafka = createKafka({ connection: superUserKafkaConnection(), clientId: uniqueName('outbox-spec'), logger });
// A real client, with one setting tuned for tests: a consumer's stop waits for its fetch in flight,
// and the broker holds an empty fetch for maxWaitTimeInMs (5 s by default) before answering.
const consumerOf = kafka.consumer.bind(kafka);
kafka.consumer = (config) => consumerOf({ maxWaitTimeInMs: 250, ...config });

let admin: Admin;
let database: ServiceDatabase;
const topicsToDelete: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  database = await ServiceDatabase.connect(uniqueDatabaseUri('outbox'));
});

afterAll(async () => {
  try {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: topicsToDelete.filter((topic) => existing.has(topic)) }).catch(() => undefined);
  } finally {
    await admin?.disconnect();
    if (database) {
      await database.connection.dropDatabase();
      await database.onApplicationShutdown();
    }
  }
});

function consentRecorded(personId: string, overrides: Partial<ConsentRecorded['data']> = {}): ConsentRecorded {
  const time = new Date().toISOString();
  return envelope(
    {
      type: CONSENT,
      subject: personId,
      time,
      data: {
        personId,
        consentId: randomUUID(),
        scope: 'share-with-organisations',
        decision: 'granted',
        givenBy: 'self',
        decidedAt: time,
        ...overrides,
      },
    },
    '/mukti/intake',
    { actor: { id: 'staff-3', role: 'caseworker' }, correlationId: randomUUID(), traceparent: TRACEPARENT },
  );
}

/**
 * A topic and a commit collection of the test's own, with a store whose appends nudge whichever
 * relay is running (the relay can be replaced, as after a restart).
 */
async function setup(name: string, settings: TopicSettings = { partitions: 1, replicationFactor: 1 }) {
  const topic = uniqueName(name);
  await ensureTopics(admin, [topic], settings);
  topicsToDelete.push(topic);
  const collection = database.collection(uniqueName(`${name}-commits`));
  let relay: OutboxRelay | undefined;
  const store = new AggregateStore<Consents>(collection, (commit) => relay?.nudge(commit), ['fingerprint']);
  await store.createIndexes();

  /** A relay and publisher as one process would have them; started, and stopped at the end if still running. */
  async function startRelay(
    options: { collections?: Collection[]; pollIntervalMs?: number; batchSize?: number } = {},
  ): Promise<{ stop: () => Promise<void>; relay: OutboxRelay }> {
    const publisher = new EventPublisher(kafka, () => topic);
    await publisher.connect();
    const started = new OutboxRelay({ collections: options.collections ?? [collection], publisher, logger, pollIntervalMs: 50, ...options });
    started.start();
    relay = started;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      if (relay === started) relay = undefined;
      await started.stop();
      await publisher.disconnect();
    };
    cleanups.push(stop);
    return { stop, relay: started };
  }
  return { topic, collection, store, startRelay };
}

async function unpublishedCommits(collection: Collection): Promise<number> {
  return collection.countDocuments({ pendingEvents: { $gt: 0 } });
}

async function messageCount(topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
}

/** Event ids in the order they are on the topic for one key (one key: one partition, one order). */
const idsFor = (messages: RawMessage[], key: string) =>
  messages
    .filter((message) => message.key === key)
    .sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))
    .map((message) => message.headers['ce_id']);

const idsOf = (events: readonly EventEnvelope[]) => events.map((event) => event.id);

describe('OutboxRelay with AggregateStore, on a real broker and store', () => {
  it('publishes the events stored with each commit, in order, keyed by subject, then marks the commits published', async () => {
    const { topic, collection, store, startRelay } = await setup('outbox-order', { partitions: 3, replicationFactor: 1 });
    const asha = randomUUID();
    const meena = randomUUID();
    const ashaFirst = [consentRecorded(asha), consentRecorded(asha, { scope: 'research', decision: 'withdrawn' })];
    const meenaFirst = [consentRecorded(meena)];
    const ashaSecond = [consentRecorded(asha, { scope: 'photographs', givenBy: 'guardian' })];
    expect(await store.append(asha, 0, { count: 2 }, ashaFirst)).toBe(1);
    expect(await store.append(meena, 0, { count: 1 }, meenaFirst)).toBe(1);
    expect(await store.append(asha, 1, { count: 3 }, ashaSecond)).toBe(2);
    expect(await unpublishedCommits(collection)).toBe(3);
    expect(await store.load(asha)).toEqual({ state: { count: 3 }, version: 2 });

    const relay = await startRelay();
    try {
      const messages = await readTopic(kafka, topic, (seen) => seen.length >= 4);
      await eventually(async () => expect(await unpublishedCommits(collection)).toBe(0));

      expect(messages).toHaveLength(4);
      expect(idsFor(messages, asha)).toEqual(idsOf([...ashaFirst, ...ashaSecond]));
      expect(idsFor(messages, meena)).toEqual(idsOf(meenaFirst));
      expect(new Set(messages.filter((message) => message.key === asha).map((message) => message.partition)).size).toBe(1);

      const sent = new Map([...ashaFirst, ...ashaSecond, ...meenaFirst].map((event) => [event.id, event]));
      for (const message of messages) {
        const event = sent.get(message.headers['ce_id']!)!;
        expect(message.key).toBe(event.subject);
        expect(message.headers).toMatchObject({
          ce_specversion: '1.0',
          ce_id: event.id,
          ce_source: '/mukti/intake',
          ce_type: CONSENT,
          ce_time: event.time,
          ce_subject: event.subject,
          'content-type': 'application/json',
          ce_correlationid: event.correlationId,
          ce_actorid: 'staff-3',
          ce_actorrole: 'caseworker',
          traceparent: TRACEPARENT,
        });
        expect(message.headers).not.toHaveProperty('ce_causationid');
        expect(JSON.parse(message.value!.toString())).toEqual(event.data);
        // What went through the store comes out as the very event that was appended.
        expect(fromKafkaMessage({ key: message.key, value: message.value, headers: message.headers })).toEqual({ ok: true, event });
      }

      const commits = (await collection.find({}).toArray()) as unknown as CommitDocument<Consents>[];
      expect(commits).toHaveLength(3);
      for (const commit of commits) {
        expect(commit.pendingEvents).toBe(0);
        expect(commit.publishedAt).toBeInstanceOf(Date);
      }
    } finally {
      await relay.stop();
    }
  });

  it('publishes what was stored while no relay ran, when a new relay starts: nothing is lost across a restart', async () => {
    const { topic, collection, store, startRelay } = await setup('outbox-restart');
    const person = randomUUID();
    const before = [consentRecorded(person)];
    const first = await startRelay();
    try {
      await store.append(person, 0, { count: 1 }, before);
      await eventually(async () => expect(await unpublishedCommits(collection)).toBe(0));
    } finally {
      await first.stop();
    }

    // Stored while the service is down: they wait in the store, not on the topic.
    const whileDown = [consentRecorded(person), consentRecorded(person, { decision: 'withdrawn' })];
    await store.append(person, 1, { count: 2 }, [whileDown[0]!]);
    await store.append(person, 2, { count: 3 }, [whileDown[1]!]);
    expect(await unpublishedCommits(collection)).toBe(2);
    expect(await messageCount(topic)).toBe(1);

    const second = await startRelay();
    try {
      const messages = await readTopic(kafka, topic, (seen) => seen.length >= 3);
      await eventually(async () => expect(await unpublishedCommits(collection)).toBe(0));
      expect(idsFor(messages, person)).toEqual(idsOf([...before, ...whileDown]));
    } finally {
      await second.stop();
    }
    expect(await messageCount(topic)).toBe(3);
  });

  it('loses nothing appended while it is publishing', async () => {
    const { topic, collection, store, startRelay } = await setup('outbox-concurrent');
    const people = [randomUUID(), randomUUID(), randomUUID()];
    const appended = new Map<string, ConsentRecorded[]>(people.map((person) => [person, []]));
    const relay = await startRelay();
    try {
      // Each person's commands one after another; the people side by side; the relay running throughout.
      await Promise.all(
        people.map(async (person) => {
          for (let version = 0; version < 8; version += 1) {
            const events = version % 3 === 0 ? [consentRecorded(person), consentRecorded(person)] : [consentRecorded(person)];
            await store.append(person, version, { count: version + 1 }, events);
            appended.get(person)!.push(...events);
          }
        }),
      );
      const all = [...appended.values()].flat();
      const messages = await readTopic(kafka, topic, (seen) => {
        const ids = new Set(seen.map((message) => message.headers['ce_id']));
        return all.every((event) => ids.has(event.id));
      });
      await eventually(async () => expect(await unpublishedCommits(collection)).toBe(0));

      // At least once, and each person's events first seen in the order they were stored.
      for (const person of people) {
        const firstSeen = [...new Set(idsFor(messages, person))];
        expect(firstSeen).toEqual(idsOf(appended.get(person)!));
      }
      expect(await collection.countDocuments({})).toBe(3 * 8);
      expect(await messageCount(topic)).toBeGreaterThanOrEqual(all.length);
    } finally {
      await relay.stop();
    }
  });
});

describe('OutboxRelay under faults', () => {
  it('sets aside a commit the broker refuses for good, with the reason, and the rest of every outbox moves on', async () => {
    const { topic, collection, store, startRelay } = await setup('outbox-poison');
    const other = database.collection(uniqueName('outbox-poison-other'));
    const otherStore = new AggregateStore<Consents>(other);
    await otherStore.createIndexes();
    // Written by an older build that did not check its events: the relay's publisher refuses it.
    const stuck = randomUUID();
    const refused = consentRecorded(stuck, { consentId: 'not-a-uuid' });
    const behind = consentRecorded(stuck);
    const commit = (version: number, events: ConsentRecorded[]) => ({
      _id: `${stuck}:${version}`, aggregateId: stuck, version, state: { count: version }, events,
      outbox: 'pending', pendingEvents: events.length, committedAt: new Date(),
    });
    await collection.insertOne(commit(1, [refused]) as never);
    await collection.insertOne(commit(2, [behind]) as never);
    // More pending commits than one sweep reads, in this collection and in another.
    const people = Array.from({ length: 30 }, () => randomUUID());
    const published = people.map((person) => consentRecorded(person));
    for (const [index, person] of people.entries()) await store.append(person, 0, { count: 1 }, [published[index]!]);
    const elsewhere = consentRecorded(randomUUID());
    await otherStore.append(elsewhere.subject, 0, { count: 1 }, [elsewhere]);

    const { relay, stop } = await startRelay({ collections: [collection, other], batchSize: 10 });
    try {
      const messages = await readTopic(kafka, topic, (seen) => seen.length >= 31);
      expect(new Set(messages.map((message) => message.headers['ce_id']))).toEqual(new Set([...published, elsewhere].map((event) => event.id)));
      // Its batch may be the last one: wait for it to be set aside.
      await eventually(async () =>
        expect(await collection.findOne({ _id: `${stuck}:1` as never })).toMatchObject({ outbox: 'set-aside', setAside: { reason: expect.stringContaining('consentId') } }),
      );
      await eventually(async () => expect((await collection.findOne({ _id: `${stuck}:2` as never }))?.['outbox']).toBe('held'));
      await eventually(async () => expect(await relay.backlog()).toEqual({ pendingCommits: 0, setAsideCommits: 1, oldestPendingAgeMs: null }));

      // The operator corrects it and puts it back: it goes, then the one held behind it, in order.
      await collection.updateOne({ _id: `${stuck}:1` as never }, { $set: { 'events.0.data.consentId': randomUUID(), outbox: 'pending' } });
      relay.nudge({ collection: collection.collectionName, id: `${stuck}:1` });
      const after = await readTopic(kafka, topic, (seen) => seen.filter((message) => message.key === stuck).length >= 2);
      expect(idsFor(after, stuck)).toEqual([refused.id, behind.id]);
      await eventually(async () => expect(await relay.backlog()).toEqual({ pendingCommits: 0, setAsideCommits: 0, oldestPendingAgeMs: null }));
    } finally {
      await stop();
    }
  });

  it("publishes an aggregate's earlier commit first when it is told only of a later one (another replica wrote the first)", async () => {
    const { topic, collection, store, startRelay } = await setup('outbox-replicas');
    const { relay, stop } = await startRelay({ pollIntervalMs: 600_000 });
    try {
      const person = randomUUID();
      const [first, second] = [consentRecorded(person), consentRecorded(person, { decision: 'withdrawn' })];
      // The other replica's store: its relay never runs, so nobody announces the first commit.
      await new AggregateStore<Consents>(collection).append(person, 0, { count: 1 }, [first]);
      await store.append(person, 1, { count: 2 }, [second]);
      const messages = await readTopic(kafka, topic, (seen) => seen.length >= 2);
      expect(idsFor(messages, person)).toEqual([first.id, second.id]);
      await eventually(async () => expect((await relay.backlog()).pendingCommits).toBe(0));
    } finally {
      await stop();
    }
  });
});

describe('AggregateStore on a real store', () => {
  it('refuses an append decided on a stale version, leaving what is stored as it was', async () => {
    const { collection, store } = await setup('store-stale');
    const person = randomUUID();
    await store.append(person, 0, { count: 1 }, [consentRecorded(person)]);
    const second = [consentRecorded(person)];
    await store.append(person, 1, { count: 2 }, second);

    const stale = store.append(person, 1, { count: 99 }, [consentRecorded(person)]);
    await expect(stale).rejects.toThrow(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ aggregateId: person, expectedVersion: 1 });

    expect(await store.load(person)).toEqual({ state: { count: 2 }, version: 2 });
    expect(idsOf((await store.commit(person, 2))!.events)).toEqual(idsOf(second));
    expect(await collection.countDocuments({ aggregateId: person })).toBe(2);

    // A "new" aggregate that already exists is the same conflict.
    await expect(store.append(person, 0, { count: 1 }, [consentRecorded(person)])).rejects.toThrow(VersionConflictError);
    expect(await collection.countDocuments({ aggregateId: person })).toBe(2);
  });

  it('stores exactly one of several appends decided on the same version at the same time', async () => {
    const { collection, store } = await setup('store-race');
    const person = randomUUID();
    await store.append(person, 0, { count: 1 }, [consentRecorded(person)]);

    const contenders = Array.from({ length: 8 }, (_, index): [number, ConsentRecorded[]] => [index, [consentRecorded(person)]]);
    const results = await Promise.allSettled(
      contenders.map(([index, events]) => store.append(person, 1, { count: 10 + index }, events)),
    );
    const winners = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    expect(winners).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(VersionConflictError);
    }
    const winner = contenders[winners[0]!]!;
    expect(await store.load(person)).toEqual({ state: { count: 10 + winner[0] }, version: 2 });
    expect(idsOf((await store.commit(person, 2))!.events)).toEqual(idsOf(winner[1]));
    expect(await collection.countDocuments({ aggregateId: person })).toBe(2);
  });

  it('decides again on a conflict, so concurrent commands on one aggregate all take effect (handleCommand)', async () => {
    const { collection, store } = await setup('store-commands');
    const person = randomUUID();
    type Command = { consentId: string };
    const decider: Decider<Command, DomainEvent<typeof CONSENT>, Consents> = {
      initialState: () => ({ count: 0 }),
      evolve: (state) => ({ count: state.count + 1 }),
      decide: (command) => [
        {
          type: CONSENT,
          subject: person,
          time: new Date().toISOString(),
          data: {
            personId: person,
            consentId: command.consentId,
            scope: 'research',
            decision: 'granted',
            givenBy: 'self',
            decidedAt: new Date().toISOString(),
          },
        },
      ],
    };
    const consentIds = Array.from({ length: 5 }, () => randomUUID());
    await Promise.all(
      consentIds.map((consentId) =>
        handleCommand({
          store,
          decider,
          aggregateId: person,
          command: { consentId },
          context: { actor: { id: 'staff-3', role: 'caseworker' }, correlationId: randomUUID() },
          source: '/mukti/intake',
          maxAttempts: consentIds.length,
        }),
      ),
    );
    expect(await store.load(person)).toEqual({ state: { count: 5 }, version: 5 });
    const commits = (await collection
      .find({ aggregateId: person })
      .sort({ version: 1 })
      .toArray()) as unknown as CommitDocument<Consents>[];
    expect(commits.map((commit) => commit.version)).toEqual([1, 2, 3, 4, 5]);
    const stored = commits.flatMap((commit) => commit.events.map((event) => (event as ConsentRecorded).data.consentId));
    expect([...stored].sort()).toEqual([...consentIds].sort());
  });

  it('gives a reaction decided again from the same cause the same event ids, so consumers apply it once (handleCommand)', async () => {
    const { store } = await setup('store-reactions');
    const [one, two] = [randomUUID(), randomUUID()];
    const alert = (person: string): Decider<string, DomainEvent<typeof CONSENT>, Consents> => ({
      initialState: () => ({ count: 0 }),
      evolve: (state) => ({ count: state.count + 1 }),
      decide: () => [consentRecorded(person), consentRecorded(person)].map(({ type, subject, time, data }) => ({ type, subject, time, data })),
    });
    const cause = randomUUID();
    const react = (person: string, causationId = cause) =>
      handleCommand({
        store,
        decider: alert(person),
        aggregateId: person,
        command: 'withdrawn',
        context: { actor: { id: 'system:legal', role: 'system' }, correlationId: randomUUID(), causationId },
        source: '/mukti/legal',
      });
    const first = await react(one);
    // The consumer crashed before it remembered the cause: the reaction runs again.
    const again = await react(one);
    expect(idsOf(again.events)).toEqual(idsOf(first.events));
    expect(new Set(idsOf(first.events)).size).toBe(2);
    // Another aggregate, or another cause, gets ids of its own.
    expect(idsOf((await react(two)).events)).not.toEqual(idsOf(first.events));
    expect(idsOf((await react(one, randomUUID())).events)).not.toEqual(idsOf(first.events));
    for (const id of idsOf(first.events)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a unique value another aggregate holds, and stores nothing of the refused append', async () => {
    const { collection, store } = await setup('store-unique');
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    await store.append(first, 0, { count: 1 }, [consentRecorded(first)], { fingerprint: 'fp-meena-9876' });

    const duplicate = store.append(second, 0, { count: 1 }, [consentRecorded(second)], { fingerprint: 'fp-meena-9876' });
    await expect(duplicate).rejects.toThrow(UniqueConstraintError);
    await expect(duplicate).rejects.toMatchObject({ index: 'fingerprint' });
    expect(await store.load(second)).toBeUndefined();
    expect((await store.findByUniqueField('fingerprint', 'fp-meena-9876'))?.aggregateId).toBe(first);

    // Commits that claim no unique value never collide, with each other or with the holder's later commits.
    await store.append(first, 1, { count: 2 }, [consentRecorded(first)]);
    await store.append(second, 0, { count: 1 }, [consentRecorded(second)]);
    await store.append(third, 0, { count: 1 }, [consentRecorded(third)]);
    expect(await collection.countDocuments({})).toBe(4);
  });

  it('refuses an event that does not match its schema before anything is written', async () => {
    const { collection, store } = await setup('store-invalid');
    const person = randomUUID();
    const invalid = consentRecorded(person, { consentId: 'not-a-uuid' });
    let nudges = 0;
    const counting = new AggregateStore<Consents>(collection, () => (nudges += 1));

    const refused = counting.append(person, 0, { count: 1 }, [consentRecorded(person), invalid]);
    await expect(refused).rejects.toThrow(InvalidEventError);
    const error = (await refused.catch((caught: unknown) => caught)) as InvalidEventError;
    expect(error.event.id).toBe(invalid.id);
    expect(error.problems).toEqual([expect.stringMatching(/^\/consentId: /)]);
    expect(await collection.countDocuments({})).toBe(0);
    expect(nudges).toBe(0);

    // On an existing aggregate too: the version stays where it was.
    await store.append(person, 0, { count: 1 }, [consentRecorded(person)]);
    await expect(store.append(person, 1, { count: 2 }, [invalid])).rejects.toThrow(InvalidEventError);
    expect(await store.load(person)).toEqual({ state: { count: 1 }, version: 1 });

    // The publisher checks the same schema before sending.
    await expect(new EventPublisher(kafka).publish([invalid])).rejects.toThrow(InvalidEventError);
  });
});
