import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, type Admin, type Kafka, type KafkaMessage, type Message, type Producer } from 'kafkajs';

/**
 * Rewrites records of a topic in place, for what must not stay on it (text recorded in clear
 * before it was sealed): Kafka cannot edit a record, so the topic is copied with those records
 * changed, deleted, created again and copied back. Every record keeps its partition, offset, key,
 * headers and timestamp, and every consumer group its position, so no consumer sees an event
 * twice or misses one.
 *
 * It runs while nothing reads or writes the topic (it refuses while a group has members), and
 * picks up where it stopped if it is stopped: each step is written to a journal topic
 * (`<topic>.rewrite-journal`) before the next one starts, the copy waits on a holding topic
 * (`<topic>.rewrite-holding`) until the topic holds it all again, and the group positions are in
 * the journal before the topic (with them) is deleted.
 */
export interface TopicRewrite {
  kafka: Kafka;
  topic: string;
  /** Whether a record must change. The topic is copied only if one must. */
  changes: (message: KafkaMessage) => boolean;
  /** What a changing record becomes: its key, value and headers (partition and timestamp stay). */
  rewrite: (message: KafkaMessage) => Promise<Pick<Message, 'key' | 'value' | 'headers'>>;
  /** Stop once the copy is made and checked, the topic untouched: a dry run that a later run completes. */
  stopAfter?: 'copied';
  log?: (line: string) => void;
}

export interface TopicRewriteReport {
  topic: string;
  /** Records on the topic. */
  records: number;
  /** Records changed (0: the topic was left as it was). */
  rewritten: number;
  /** Consumer groups whose positions were carried over. */
  groups: string[];
  /** Where it ended: `unchanged`, `copied` (stopAfter), or `rewritten`. */
  outcome: 'unchanged' | 'copied' | 'rewritten';
}

type Step =
  | {
      step: 'copied';
      partitions: number;
      replicationFactor: number;
      config: { name: string; value: string }[];
      /** Per partition: the first offset of the topic (offsets move down by it) and the record count. */
      ends: Record<string, { low: string; records: string }>;
      /** Per group and partition: its committed offset on the topic as it was. */
      groups: Record<string, Record<string, string>>;
      records: number;
      rewritten: number;
    }
  | { step: 'deleted' }
  | { step: 'restored' };

export const rewriteHoldingTopicOf = (topic: string) => `${topic}.rewrite-holding`;
export const rewriteJournalTopicOf = (topic: string) => `${topic}.rewrite-journal`;

export async function rewriteTopic(request: TopicRewrite): Promise<TopicRewriteReport> {
  const { kafka, topic } = request;
  const log = request.log ?? (() => undefined);
  const holding = rewriteHoldingTopicOf(topic);
  const journalTopic = rewriteJournalTopicOf(topic);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    let journal = existing.has(journalTopic) ? await readJournal(kafka, admin, journalTopic) : [];
    if (journal.length === 0) {
      if (!existing.has(topic)) throw new Error(`topic ${topic} does not exist`);
      await assertNoConsumerRuns(admin, topic);
      const ends = await topicEnds(admin, topic);
      let changing = 0;
      let records = 0;
      await readRange(kafka, admin, topic, ends, async (_, messages) => {
        records += messages.length;
        changing += messages.filter(request.changes).length;
      });
      if (changing === 0) return { topic, records, rewritten: 0, groups: [], outcome: 'unchanged' };
      log(`${topic}: ${changing} of ${records} record(s) to rewrite; copying to ${holding}`);
      // A copy left half made by a run that stopped before its journal: made again from the start.
      if (existing.has(holding)) await deleteTopicAndWait(admin, holding);
      const shape = await topicShape(admin, topic);
      await createTopicWhenFree(admin, holding, shape.partitions, shape.replicationFactor, shape.config);
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      try {
        await readRange(kafka, admin, topic, ends, async (partition, messages) => {
          const copies: Message[] = [];
          for (const message of messages) {
            const kept = request.changes(message) ? await request.rewrite(message) : message;
            copies.push({ key: kept.key, value: kept.value, headers: kept.headers, partition, timestamp: message.timestamp });
          }
          await sendInChunks(producer, holding, copies);
        });
      } finally {
        await producer.disconnect();
      }
      await assertSameCounts(admin, holding, ends, 0n);
      // A consumer that committed since the check above would be moved back: check again.
      await assertNoConsumerRuns(admin, topic);
      const copied: Step = {
        step: 'copied',
        ...shape,
        ends: Object.fromEntries([...ends].map(([partition, { low, high }]) => [partition, { low: String(low), records: String(high - low) }])),
        groups: await groupPositions(admin, topic),
        records,
        rewritten: changing,
      };
      await appendJournal(kafka, admin, journalTopic, copied);
      journal = [copied];
    }
    const copied = journal.find((entry): entry is Extract<Step, { step: 'copied' }> => entry.step === 'copied');
    if (!copied) throw new Error(`${journalTopic} does not start with the copy: it is not a journal of this tool`);
    const report = { topic, records: copied.records, rewritten: copied.rewritten, groups: Object.keys(copied.groups) };
    if (request.stopAfter === 'copied') return { ...report, outcome: 'copied' };
    const last = journal.at(-1)!.step;
    if (last === 'copied') {
      log(`${topic}: deleting it, to make it again from ${holding}`);
      await deleteTopicAndWait(admin, topic);
      await appendJournal(kafka, admin, journalTopic, { step: 'deleted' });
    }
    if (last === 'copied' || last === 'deleted') {
      if (!(await admin.listTopics()).includes(topic)) {
        await createTopicWhenFree(admin, topic, copied.partitions, copied.replicationFactor, copied.config);
      }
      // Resumed: what is on the topic again is the start of the holding copy, so go on from its end.
      const resumeAt = new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, BigInt(high)]));
      const holdingEnds = new Map(
        Object.entries(copied.ends).map(([partition, { records }]) => [Number(partition), { low: resumeAt.get(Number(partition)) ?? 0n, high: BigInt(records) }]),
      );
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      try {
        await readRange(kafka, admin, holding, holdingEnds, async (partition, messages) => {
          const copies = messages.map((message) => ({ key: message.key, value: message.value, headers: message.headers, partition, timestamp: message.timestamp }));
          await sendInChunks(producer, topic, copies);
        });
      } finally {
        await producer.disconnect();
      }
      const counts = new Map(Object.entries(copied.ends).map(([partition, { records }]) => [Number(partition), { low: 0n, high: BigInt(records) }]));
      await assertSameCounts(admin, topic, counts, 0n);
      for (const [groupId, positions] of Object.entries(copied.groups)) {
        await admin.setOffsets({
          groupId,
          topic,
          partitions: Object.entries(positions).map(([partition, offset]) => {
            const moved = BigInt(offset) - BigInt(copied.ends[partition]?.low ?? '0');
            return { partition: Number(partition), offset: String(moved < 0n ? 0n : moved) };
          }),
        });
      }
      await appendJournal(kafka, admin, journalTopic, { step: 'restored' });
    }
    log(`${topic}: rewritten (${copied.rewritten} of ${copied.records} record(s)); ${Object.keys(copied.groups).length} group position(s) carried over`);
    await deleteTopicAndWait(admin, holding);
    await deleteTopicAndWait(admin, journalTopic);
    return { ...report, outcome: 'rewritten' };
  } finally {
    await admin.disconnect();
  }
}

/** In requests the broker takes (a fetched batch can be larger than one produce request may be). */
async function sendInChunks(producer: Producer, topic: string, messages: Message[]): Promise<void> {
  let chunk: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = (message.value?.length ?? 0) + (message.key?.length ?? 0) + 512;
    if (chunk.length > 0 && (bytes + size > 512 * 1024 || chunk.length >= 500)) {
      await producer.send({ topic, acks: -1, messages: chunk });
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += size;
  }
  if (chunk.length > 0) await producer.send({ topic, acks: -1, messages: chunk });
}

type Ends = Map<number, { low: bigint; high: bigint }>;

async function topicEnds(admin: Admin, topic: string): Promise<Ends> {
  return new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => [partition, { low: BigInt(low), high: BigInt(high) }]));
}

async function topicShape(admin: Admin, topic: string): Promise<Pick<Extract<Step, { step: 'copied' }>, 'partitions' | 'replicationFactor' | 'config'>> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const partitions = topics[0]!.partitions;
  const described = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false });
  // Only what was set on the topic itself: the rest follows the broker, as it did.
  const config = (described.resources[0]?.configEntries ?? [])
    .filter((entry) => !entry.isDefault && entry.configSource === 1 && entry.configValue !== null)
    .map((entry) => ({ name: entry.configName, value: entry.configValue }));
  return { partitions: partitions.length, replicationFactor: partitions[0]?.replicas.length ?? 1, config };
}

/** Refuses while a consumer group reading the topic has members: their positions could not be carried over. */
async function assertNoConsumerRuns(admin: Admin, topic: string): Promise<void> {
  const positions = await groupPositions(admin, topic);
  const groupIds = Object.keys(positions);
  if (groupIds.length === 0) return;
  const { groups } = await admin.describeGroups(groupIds);
  const running = groups.filter((group) => group.members.length > 0).map((group) => group.groupId);
  if (running.length > 0) throw new Error(`${topic} is being read by ${running.join(', ')}: stop every service first`);
}

async function groupPositions(admin: Admin, topic: string): Promise<Record<string, Record<string, string>>> {
  const positions: Record<string, Record<string, string>> = {};
  const { groups } = await admin.listGroups();
  for (const { groupId } of groups) {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = (offsets?.partitions ?? []).filter(({ offset }) => BigInt(offset) >= 0n);
    if (committed.length > 0) positions[groupId] = Object.fromEntries(committed.map(({ partition, offset }) => [String(partition), offset]));
  }
  return positions;
}

/** Each partition of the topic holds exactly the records counted (it started at offset 0). */
async function assertSameCounts(admin: Admin, topic: string, ends: Ends, start: bigint): Promise<void> {
  const now = await topicEnds(admin, topic);
  for (const [partition, { low, high }] of ends) {
    const found = now.get(partition);
    if (!found || found.low !== start || found.high !== high - low) {
      throw new Error(`${topic} partition ${partition} holds offsets ${found?.low}-${found?.high}, not the ${high - low} record(s) copied: nothing further done`);
    }
  }
}

/** Reads each partition's records in [low, high), in order, a batch at a time. */
async function readRange(kafka: Kafka, admin: Admin, topic: string, ends: Ends, each: (partition: number, messages: KafkaMessage[]) => Promise<void>): Promise<void> {
  const remaining = new Set([...ends].filter(([, { low, high }]) => low < high).map(([partition]) => partition));
  if (remaining.size === 0) return;
  const groupId = `${topic}.rewrite-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition);
            if (!end || !remaining.has(batch.partition)) return;
            const messages = batch.messages.filter((message) => BigInt(message.offset) >= end.low && BigInt(message.offset) < end.high);
            if (messages.length > 0) await each(batch.partition, messages);
            const last = batch.messages.at(-1);
            if (last && BigInt(last.offset) + 1n >= end.high) remaining.delete(batch.partition);
            if (remaining.size === 0) resolve();
          },
        })
        .then(() => {
          for (const partition of remaining) {
            const { low } = ends.get(partition)!;
            if (low > 0n) consumer.seek({ topic, partition, offset: String(low) });
          }
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
}

async function readJournal(kafka: Kafka, admin: Admin, journalTopic: string): Promise<Step[]> {
  const steps: Step[] = [];
  await readRange(kafka, admin, journalTopic, await topicEnds(admin, journalTopic), async (_, messages) => {
    steps.push(...messages.map((message) => JSON.parse(message.value!.toString()) as Step));
  });
  return steps;
}

async function appendJournal(kafka: Kafka, admin: Admin, journalTopic: string, step: Step): Promise<void> {
  if (!(await admin.listTopics()).includes(journalTopic)) await createTopicWhenFree(admin, journalTopic, 1, 1, [{ name: 'retention.ms', value: '-1' }]);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic: journalTopic, acks: -1, messages: [{ value: JSON.stringify(step) }] });
  } finally {
    await producer.disconnect();
  }
}

async function deleteTopicAndWait(admin: Admin, topic: string): Promise<void> {
  if ((await admin.listTopics()).includes(topic)) {
    await admin.deleteTopics({ topics: [topic], timeout: 30_000 }).catch((error: { type?: string }) => {
      if (error.type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
    });
  }
  for (let waited = 0; (await admin.listTopics()).includes(topic); waited += 200) {
    if (waited > 60_000) throw new Error(`${topic} is still there a minute after it was deleted`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Creates the topic, waiting while the broker still finishes deleting one of that name. */
async function createTopicWhenFree(admin: Admin, topic: string, partitions: number, replicationFactor: number, config: { name: string; value: string }[]): Promise<void> {
  for (let waited = 0; ; waited += 500) {
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor, configEntries: config }] });
      if ((await admin.listTopics()).includes(topic)) return;
    } catch (error) {
      if (waited > 60_000) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
