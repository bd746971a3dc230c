import type { Admin } from 'kafkajs';
import { testInfrastructure, testLogger, uniqueName, superUserKafkaConnection } from '@mukti/testing';
import { createKafka } from './kafka-client';
import { ensureTopics, UnsafeTopicError } from './topic-provisioning';

jest.setTimeout(30_000);

const kafka = createKafka({ connection: superUserKafkaConnection(), clientId: uniqueName('topics-spec'), logger: testLogger() });
let admin: Admin;
const created: string[] = [];

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.deleteTopics({ topics: created }).catch(() => undefined);
  await admin.disconnect();
});

describe('ensureTopics on a real broker', () => {
  it('returns only once every partition of the topics it created can be written to at once', async () => {
    const topics = [uniqueName('fresh'), uniqueName('fresh'), uniqueName('fresh')];
    created.push(...topics);
    await ensureTopics(admin, topics, { partitions: 3, replicationFactor: 1 });
    // No retries: a partition not served yet would fail this send.
    const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: topics.map((topic) => ({ topic, messages: [0, 1, 2].map((partition) => ({ partition, value: 'x' })) })),
      });
    } finally {
      await producer.disconnect();
    }
  });

  it('refuses to run on an existing topic that would delete events, naming the setting', async () => {
    const weekly = uniqueName('weekly');
    created.push(weekly);
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: weekly, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '604800000' }] }] });
    const refused = ensureTopics(admin, [weekly], { partitions: 1, replicationFactor: 1 });
    await expect(refused).rejects.toThrow(UnsafeTopicError);
    await expect(refused).rejects.toThrow(`${weekly}: retention.ms is 604800000`);

    const kept = uniqueName('kept');
    created.push(kept);
    await ensureTopics(admin, [kept], { partitions: 1, replicationFactor: 1 });
    // Created by the platform, it keeps events forever: checking it again passes.
    await ensureTopics(admin, [kept], { partitions: 1, replicationFactor: 1 });
  });
});
