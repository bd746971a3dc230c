/**
 * The broker's trust boundary, tried for real: a client without credentials (or with a wrong
 * password) is refused; the analyst reads the de-identified stream and nothing else; and each
 * service's principal can write and read exactly what libs/contracts declares for it, no more.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Message } from 'kafkajs';
import {
  analystGroupPrefix,
  analystPrincipal,
  deadLetterTopicOf,
  producerOf,
  redriveTopicOf,
  ServicePrincipal,
  servicePrincipals,
  topics,
  topicsConsumedBy,
  topicsProducedBy,
} from '@mukti/contracts';
import { kafkaConnectionAs, testInfrastructure, testKafka, testLogger, uniqueName } from '@mukti/testing';
import { createKafka } from './kafka-client';
import { provisionKafkaAccess } from './kafka-access-provisioning';

jest.setTimeout(120_000);

let admin: Admin;
/** Each service in a consumer group of this run's own (its parking topics are this run's too). */
const groups = Object.fromEntries(servicePrincipals.map((service) => [service, uniqueName(`acl-${service}`)])) as Record<ServicePrincipal, string>;
const platformTopics = Object.values(topics);

/** What the broker refused a client, by error type (kafkajs reports some refusals only in its debug log). */
const refusals = new WeakMap<Kafka, Set<string>>();

/** A client that fails at once instead of retrying what the broker refuses. */
function clientAs(principal: string, password?: string): Kafka {
  const connection = kafkaConnectionAs(principal, password);
  const seen = new Set<string>();
  const kafka = new Kafka({
    brokers: connection.KAFKA_BROKERS,
    clientId: uniqueName(`acl-${principal}`),
    sasl: { mechanism: 'scram-sha-512', username: connection.KAFKA_SASL_USERNAME, password: connection.KAFKA_SASL_PASSWORD },
    connectionTimeout: 3000,
    retry: { retries: 0 },
    // Debug: a group the principal may not use shows up only as "Failed to find group coordinator",
    // with GROUP_AUTHORIZATION_FAILED in the debug line before it.
    logLevel: logLevel.DEBUG,
    logCreator: () => (entry) => {
      const type = (entry.log as { error?: { type?: string } }).error?.type;
      if (type) seen.add(type);
    },
  });
  refusals.set(kafka, seen);
  return kafka;
}

/**
 * A record consumers skip: a well-formed event of a type no service knows (tolerant readers skip
 * it), from the topic's own producer; on the analytics stream, a record shaped like its others.
 */
function probe(topic: string): Message {
  const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  if (topic === topics.analytics) {
    return {
      key: randomUUID(),
      value: JSON.stringify({ eventType: 'org.mukti.kafka-access-check.v1', period: month.toISOString().slice(0, 7), tracked: false }),
      timestamp: String(month.getTime()),
      headers: { ce_time: month.toISOString() },
    };
  }
  const subject = randomUUID();
  return {
    key: subject,
    value: '{}',
    headers: {
      ce_specversion: '1.0',
      ce_id: randomUUID(),
      ce_source: producerOf(topic) ?? '/mukti/test',
      ce_type: 'org.mukti.kafka-access-check.v1',
      ce_time: new Date().toISOString(),
      ce_subject: subject,
      'content-type': 'application/json',
    },
  };
}

async function canWrite(kafka: Kafka, topic: string): Promise<boolean> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [probe(topic)] });
    return true;
  } catch (error) {
    if (authorizationRefused(error)) return false;
    throw error;
  } finally {
    await producer.disconnect();
  }
}

/** Reads the topic in the group: refused, or given its messages (the group commits nothing). */
async function canRead(kafka: Kafka, topic: string, groupId: string): Promise<boolean> {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, retry: { retries: 0 }, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const outcome = new Promise<boolean>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => (authorizationRefused(payload.error) ? resolve(false) : reject(payload.error)));
      consumer.on(consumer.events.FETCH, () => resolve(true));
    });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    return await outcome;
  } catch (error) {
    if (authorizationRefused(error) || (error instanceof Error && error.name === 'KafkaJSGroupCoordinatorNotFound' && refusals.get(kafka)?.has('GROUP_AUTHORIZATION_FAILED'))) {
      return false;
    }
    throw error;
  } finally {
    await consumer.disconnect();
  }
}

function authorizationRefused(error: unknown): boolean {
  const { type, message } = (error ?? {}) as { type?: string; message?: string };
  return (type ?? '').endsWith('AUTHORIZATION_FAILED') || /not authorized/i.test(message ?? '');
}

beforeAll(async () => {
  admin = testKafka(uniqueName('acl-admin')).admin();
  await admin.connect();
  // The declared groups' topics and ACLs (the analyst's too), then this run's groups'.
  await provisionKafkaAccess(admin, { topicSettings: { partitions: 1, replicationFactor: 1 } });
  await provisionKafkaAccess(admin, { groups, services: servicePrincipals, topicSettings: { partitions: 1, replicationFactor: 1 } });
});

afterAll(async () => {
  await admin?.disconnect();
});

describe('without valid credentials', () => {
  it('refuses a client that does not authenticate', async () => {
    const anonymous = new Kafka({ brokers: testInfrastructure.kafkaBrokers, clientId: uniqueName('anonymous'), logLevel: logLevel.NOTHING, connectionTimeout: 3000, requestTimeout: 3000, retry: { retries: 0 } });
    const client = anonymous.admin();
    await expect(client.connect().then(() => client.listTopics())).rejects.toThrow();
    await client.disconnect();
    const producer = anonymous.producer({ retry: { retries: 0 } });
    await expect(producer.connect().then(() => producer.send({ topic: topics.intakeEvents, messages: [probe(topics.intakeEvents)] }))).rejects.toThrow();
    await producer.disconnect();
  });

  it('refuses a known principal with a wrong password', async () => {
    const client = clientAs('intake', 'not-the-password-of-intake').admin();
    await expect(client.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed|Authentication failed/i);
  });

  it('refuses a principal nobody declared, whatever its password', async () => {
    const client = clientAs('somebody', 'mukti-development-kafka-somebody').admin();
    await expect(client.connect()).rejects.toThrow(/authentication failed/i);
  });
});

describe('the analyst', () => {
  const analyst = () => clientAs(analystPrincipal);

  it('reads the de-identified stream in a group of its own prefix', async () => {
    expect(await canRead(analyst(), topics.analytics, `${analystGroupPrefix}${uniqueName('study')}`)).toBe(true);
  });

  it('reads no events topic, and not in a service group either', async () => {
    for (const topic of platformTopics.filter((name) => name !== topics.analytics)) {
      expect([topic, await canRead(analyst(), topic, `${analystGroupPrefix}${uniqueName('peek')}`)]).toEqual([topic, false]);
    }
    expect(await canRead(analyst(), topics.analytics, 'mukti.projection')).toBe(false);
  });

  it('writes no topic', async () => {
    for (const topic of platformTopics) expect([topic, await canWrite(analyst(), topic)]).toEqual([topic, false]);
  });
});

describe.each(servicePrincipals.map((service) => [service]))('the %s principal', (service) => {
  const kafka = () => clientAs(service);
  const parking = [deadLetterTopicOf(groups[service]), redriveTopicOf(groups[service])];
  const consumes = topicsConsumedBy(service).length > 0;
  const ownParking = consumes ? parking : [];
  const otherParking = servicePrincipals.filter((other) => other !== service && topicsConsumedBy(other).length > 0).flatMap((other) => [deadLetterTopicOf(groups[other]), redriveTopicOf(groups[other])]);

  it('writes its own topics (and its group\'s parking topics), and no other', async () => {
    const allowed = [...topicsProducedBy(service), ...ownParking];
    const written = [];
    for (const topic of [...platformTopics, ...ownParking, ...otherParking]) if (await canWrite(kafka(), topic)) written.push(topic);
    expect(written.sort()).toEqual(allowed.sort());
  });

  it('reads the topics it consumes in its own group, and no other topic or group', async () => {
    const allowed = [...topicsConsumedBy(service), ...ownParking];
    const read = [];
    for (const topic of [...platformTopics, ...ownParking, ...otherParking]) if (await canRead(kafka(), topic, `${groups[service]}.check-${randomUUID()}`)) read.push(topic);
    expect(read.sort()).toEqual(allowed.sort());
    if (consumes) {
      // Another service's group is refused even on a topic it may read.
      const other = servicePrincipals.find((name) => name !== service && topicsConsumedBy(name).length > 0)!;
      expect(await canRead(kafka(), topicsConsumedBy(service)[0]!, groups[other])).toBe(false);
    }
  });
});

it('lets a service connect through the one client factory with its configuration', async () => {
  const kafka = createKafka({ connection: kafkaConnectionAs('intake'), clientId: uniqueName('acl-factory'), logger: testLogger() });
  const client = kafka.admin();
  await client.connect();
  expect((await client.describeCluster()).brokers.length).toBeGreaterThan(0);
  await client.disconnect();
});
