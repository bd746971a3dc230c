import { randomBytes, randomUUID } from 'node:crypto';
import { Db, MongoClient } from 'mongodb';
import { ConfigResourceTypes, type Kafka } from 'kafkajs';
import { EventEnvelope, eventTopicConfig, SealedPersonalData } from '@mukti/contracts';
import { fromKafkaMessage, rewriteHoldingTopicOf, rewriteJournalTopicOf, toKafkaMessage } from '@mukti/messaging';
import { AggregateStore } from '@mukti/persistence';
import { eventsRecordedInClear, readWholeTopic, RawMessage, testInfrastructure, testKafka, textRecordedInClear, uniqueName } from '@mukti/testing';
import { PersonalDataVault } from './personal-data-vault';
import { Keyholders, reseal, ServiceWithClearText } from './resealing';

/**
 * `npm run reseal` on a real broker and store: two people's events recorded in clear (one of them
 * erased since), in the four owning stores, on a topic of two partitions and on a dead-letter topic
 * a consumer group parked one on, with the group's positions committed.
 */
jest.setTimeout(120_000);

const services: ServiceWithClearText[] = ['intake', 'rehabilitation', 'livelihood', 'legal'];
let mongo: MongoClient;
let kafka: Kafka;
const made: Db[] = [];

beforeAll(async () => {
  mongo = await MongoClient.connect(testInfrastructure.mongodbUri);
  kafka = testKafka('reseal-test');
});
afterAll(async () => {
  for (const database of made) await database.dropDatabase();
  await mongo.close();
});

interface World {
  databases: Record<ServiceWithClearText, Db>;
  keys: Keyholders;
  intakeVault: PersonalDataVault;
  legalVault: PersonalDataVault;
  topic: string;
  deadLetters: string;
  group: string;
  alive: { personId: string; householdId: string; caseId: string; text: ReturnType<typeof textRecordedInClear>; events: ReturnType<typeof eventsRecordedInClear> };
  erased: { personId: string; householdId: string; caseId: string; text: ReturnType<typeof textRecordedInClear>; events: ReturnType<typeof eventsRecordedInClear> };
}

async function worldRecordedInClear(): Promise<World> {
  const databases = Object.fromEntries(services.map((service) => [service, mongo.db(uniqueName(`reseal-${service}`))])) as Record<ServiceWithClearText, Db>;
  made.push(...Object.values(databases));
  const intakeVault = new PersonalDataVault(databases.intake.collection('data_keys'), randomBytes(32));
  const legalVault = new PersonalDataVault(databases.legal.collection('data_keys'), randomBytes(32));
  const keys: Keyholders = {
    intake: (id, value, purpose) => intakeVault.sealAfterTheFact(id, value, purpose),
    legal: (id, value, purpose) => legalVault.sealAfterTheFact(id, value, purpose),
  };
  const person = async (erased: boolean) => {
    const ids = { personId: randomUUID(), householdId: randomUUID(), caseId: randomUUID() };
    await intakeVault.ensureKey(ids.personId);
    await intakeVault.ensureKey(ids.householdId);
    await legalVault.ensureKey(ids.caseId);
    if (erased) {
      await intakeVault.destroyKey(ids.personId);
      await intakeVault.destroyKey(ids.householdId);
      await legalVault.destroyKey(ids.caseId);
    }
    const text = textRecordedInClear();
    return { ...ids, text, events: eventsRecordedInClear(ids, text) };
  };
  const alive = await person(false);
  const erased = await person(true);
  for (const { personId, householdId, caseId, text, events } of [alive, erased]) {
    const store = (service: ServiceWithClearText, collection: string) => new AggregateStore<object>(databases[service].collection(collection));
    await store('intake', 'households').append(householdId, 0, { status: 'registered', householdId, memberIds: [personId] }, [events.householdRegistered]);
    const carePlans = store('rehabilitation', 'care_plans');
    await carePlans.append(personId, 0, { status: 'open', shelter: { kind: 'ngo' } }, [events.shelterAdmitted]);
    await carePlans.append(personId, 1, { status: 'open' }, [events.shelterDischarged]);
    const plans = store('livelihood', 'livelihood_plans');
    const training = { skillLevel: 'semi-skilled', status: 'ongoing', certified: false };
    // A state stored before trainings were kept as one value: trade and provider beside the rest.
    await plans.append(personId, 0, { status: 'open', personId, trainings: { t: { ...training, trade: text.trade, provider: text.provider } }, placements: {} }, [events.skillTrainingStarted]);
    await plans.append(personId, 1, { status: 'open', personId, trainings: { t: { ...training, training: { trade: text.trade, provider: text.provider } } }, placements: { p: { sector: 'garments-and-tailoring', employerOrEnterprise: text.employer } } }, [
      events.placementStarted,
    ]);
    const fir = (events.firRegistered.data as { fir: object }).fir;
    await store('legal', 'cases').append(caseId, 0, { status: 'open', caseId, fir }, [events.firRegistered]);
  }
  const topic = uniqueName('reseal-events');
  const group = uniqueName('reseal-group');
  const deadLetters = `${group}.dead-letters.v1`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic, numPartitions: 2, configEntries: Object.entries(eventTopicConfig).map(([name, value]) => ({ name, value })) },
      { topic: deadLetters, numPartitions: 1 },
    ],
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  // An event with nothing to reseal, copied as it is.
  const other = (subject: string): EventEnvelope =>
    ({ ...alive.events.shelterAdmitted, id: randomUUID(), type: 'org.mukti.rehabilitation.counselling-session-recorded.v1', subject, data: { personId: subject } }) as unknown as EventEnvelope;
  for (const { personId, events } of [alive, erased]) {
    const records = [other(personId), ...Object.values(events), other(personId)];
    await producer.send({ topic, acks: -1, messages: records.map((event, index) => ({ ...toKafkaMessage(event), partition: index % 2, timestamp: String(Date.parse('2024-03-04T10:00:00Z') + index) })) });
  }
  await producer.send({ topic: deadLetters, acks: -1, messages: [{ ...toKafkaMessage(alive.events.placementStarted), headers: { ...toKafkaMessage(alive.events.placementStarted).headers, 'mukti-dead-letter-error': 'test' } }] });
  await producer.disconnect();
  await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '5' }, { partition: 1, offset: '2' }] });
  await admin.disconnect();
  return { databases, keys, intakeVault, legalVault, topic, deadLetters, group, alive, erased };
}

async function everythingStored(world: World): Promise<string> {
  const documents: unknown[] = [];
  for (const database of Object.values(world.databases)) {
    for (const { name } of await database.listCollections().toArray()) documents.push(await database.collection(name).find().toArray());
  }
  return JSON.stringify(documents);
}

const asText = (messages: RawMessage[]) => JSON.stringify(messages.map(({ key, value, headers }) => ({ key, value: value?.toString(), headers })));
const clearTexts = (world: World) => [...Object.values(world.alive.text), ...Object.values(world.erased.text)];

async function positions(group: string, topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] }).finally(() => admin.disconnect());
  return Object.fromEntries(offsets!.partitions.map(({ partition, offset }) => [partition, offset]));
}

async function settingsOf(topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  const { resources } = await admin
    .describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: Object.keys(eventTopicConfig) }], includeSynonyms: false })
    .finally(() => admin.disconnect());
  return Object.fromEntries(resources[0]!.configEntries.map(({ configName, configValue }) => [configName, configValue]));
}

async function topicNames() {
  const admin = kafka.admin();
  await admin.connect();
  return admin.listTopics().finally(() => admin.disconnect());
}

describe('npm run reseal on a real broker and store', () => {
  it('seals every text recorded in clear, in the stores and on the topics, keeping offsets, keys, timestamps and group positions', async () => {
    const world = await worldRecordedInClear();
    const before = await readWholeTopic(kafka, world.topic);
    expect(before).toHaveLength(16);
    const stored = await everythingStored(world);
    for (const text of clearTexts(world)) expect(stored + asText(before)).toContain(text);

    const report = await reseal({ databases: world.databases, kafka, keys: world.keys, topics: [world.topic, world.deadLetters] });

    expect(Object.values(report.commits)).toEqual([2, 4, 4, 2]);
    expect(report.topics.map(({ outcome, rewritten, records }) => ({ outcome, rewritten, records }))).toEqual([
      { outcome: 'rewritten', rewritten: 12, records: 16 },
      { outcome: 'rewritten', rewritten: 1, records: 1 },
    ]);
    const after = await readWholeTopic(kafka, world.topic);
    const parked = await readWholeTopic(kafka, world.deadLetters);
    const everywhere = (await everythingStored(world)) + asText(after) + asText(parked);
    for (const text of clearTexts(world)) expect(everywhere).not.toContain(text);

    // The same records at the same offsets: ids, keys and timestamps kept, each one a valid event.
    const placed = (messages: RawMessage[]) =>
      messages.map(({ partition, offset, key, timestamp, headers }) => [partition, Number(offset), key, timestamp, headers['ce_id']]).sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[1]) - Number(b[1]));
    expect(placed(after)).toEqual(placed(before));
    for (const message of after.filter(({ headers }) => !headers['ce_type']!.includes('counselling'))) {
      const decoded = fromKafkaMessage(message);
      expect(decoded.ok).toBe(true);
      expect(message.headers['ce_type']).toMatch(/\.v2$/);
    }
    expect(parked[0]!.headers['mukti-dead-letter-error']).toBe('test');
    expect(await positions(world.group, world.topic)).toEqual({ 0: '5', 1: '2' });
    // Made again as it was made: kept for ever (the broker's default would delete it in 7 days).
    expect(await settingsOf(world.topic)).toEqual(eventTopicConfig);
    expect((await topicNames()).filter((name) => name.startsWith(world.topic) && name !== world.topic)).toEqual([]);

    // Her texts open with her keys; the erased person's are sealed too, and open for no one.
    const placement = after.find(({ headers }) => headers['ce_id'] === world.alive.events.placementStarted.id)!;
    const employer = JSON.parse(placement.value!.toString()).employerOrEnterprise as SealedPersonalData;
    expect(await world.intakeVault.open(employer, 'employer')).toEqual({ text: world.alive.text.employer });
    const cases = await world.databases.legal.collection('cases').find({ aggregateId: world.alive.caseId }).toArray();
    const fir = cases[0]!['state'].fir;
    expect(await world.legalVault.open(fir.numberAndStation, 'fir-details')).toEqual({ number: world.alive.text.firNumber, policeStation: world.alive.text.policeStation });
    expect(cases[0]!['events'][0].id).toBe(world.alive.events.firRegistered.id);
    const plans = await world.databases.livelihood.collection('livelihood_plans').find({ aggregateId: world.alive.personId }).toArray();
    for (const plan of plans) {
      expect(await world.intakeVault.open(plan['state'].trainings.t.training, 'skill-training')).toEqual({ text: JSON.stringify({ trade: world.alive.text.trade, provider: world.alive.text.provider }) });
    }
    const erasedShelter = after.find(({ headers }) => headers['ce_id'] === world.erased.events.shelterAdmitted.id)!;
    const erasedName = JSON.parse(erasedShelter.value!.toString()).shelter.name as SealedPersonalData;
    expect(erasedName.keyId).toBe(world.erased.personId);
    expect(await world.intakeVault.open(erasedName, 'shelter-name')).toBeUndefined();

    // Run again: nothing left to do.
    const again = await reseal({ databases: world.databases, kafka, keys: world.keys, topics: [world.topic, world.deadLetters] });
    expect(Object.values(again.commits)).toEqual([0, 0, 0, 0]);
    expect(again.topics.map(({ outcome }) => outcome)).toEqual(['unchanged', 'unchanged']);
  });

  it('refuses while a consumer group reads the topic, and changes nothing', async () => {
    const world = await worldRecordedInClear();
    const consumer = kafka.consumer({ groupId: world.group });
    await consumer.connect();
    await consumer.subscribe({ topic: world.topic, fromBeginning: false });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    try {
      await waitForMember(world.group);
      await expect(reseal({ databases: world.databases, kafka, keys: world.keys, topics: [world.topic], stopAfter: 'copied' })).rejects.toThrow(
        `${world.topic} is being read by ${world.group}: stop every service first`,
      );
    } finally {
      await consumer.disconnect();
    }
    const stored = await everythingStored(world);
    for (const text of clearTexts(world)) expect(stored).toContain(text);
    expect((await topicNames()).filter((name) => name.startsWith(world.topic) && name !== world.topic)).toEqual([]);
  });

  it('goes on where it stopped: after a dry run, and after the topic was deleted with its group positions', async () => {
    const world = await worldRecordedInClear();
    const dry = await reseal({ databases: world.databases, kafka, keys: world.keys, topics: [world.topic], stopAfter: 'copied' });
    expect(Object.values(dry.commits)).toEqual([2, 4, 4, 2]);
    expect(dry.topics[0]!.outcome).toBe('copied');
    // The dry run changed nothing in place.
    const stored = await everythingStored(world);
    const onTopic = asText(await readWholeTopic(kafka, world.topic));
    for (const text of clearTexts(world)) expect(stored + onTopic).toContain(text);
    expect(await topicNames()).toEqual(expect.arrayContaining([rewriteHoldingTopicOf(world.topic), rewriteJournalTopicOf(world.topic)]));

    // Stopped just after deleting the topic: the broker dropped the group's positions with it.
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [world.topic] });
    while ((await admin.listTopics()).includes(world.topic)) await new Promise((resolve) => setTimeout(resolve, 200));
    await admin.disconnect();

    const resumed = await reseal({ databases: world.databases, kafka, keys: world.keys, topics: [world.topic] });
    expect(resumed.topics[0]).toMatchObject({ outcome: 'rewritten', rewritten: 12, records: 16 });
    const after = await readWholeTopic(kafka, world.topic);
    expect(after).toHaveLength(16);
    const everywhere = (await everythingStored(world)) + asText(after);
    for (const text of clearTexts(world)) expect(everywhere).not.toContain(text);
    expect(await positions(world.group, world.topic)).toEqual({ 0: '5', 1: '2' });
  });
});

async function waitForMember(group: string) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let waited = 0; waited < 30_000; waited += 200) {
      const { groups } = await admin.describeGroups([group]);
      if (groups[0]!.members.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${group} has no member after 30 s`);
  } finally {
    await admin.disconnect();
  }
}

