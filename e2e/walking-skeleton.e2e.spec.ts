/**
 * The whole platform as staff use it: gateway, intake and projection as separate processes
 * (built from dist/), the real broker and store. A survivor's registration, consent and
 * assessment reach her timeline; her personal data is on no topic, in no projection document
 * and in no log line; the projection can die while people are being registered and, restarted,
 * finds each of them exactly once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { MongoClient } from 'mongodb';
import { intakeEventTypes, rescueEventTypes, topics } from '@mukti/contracts';
import { bearer, eventually, freePort, readTopic, readWholeTopic, testInfrastructure, uniqueName, testKafka } from '@mukti/testing';
import { fingerprint, normaliseName, normalisePhone, parseMasterKey, PersonalDataVault } from '@mukti/security';
import { SealedPersonalData } from '@mukti/contracts';
import { intakeConfig } from '../apps/intake/src/intake.config';
import { legalConfig } from '../apps/legal/src/legal.config';
import { platformEnvironment, platformServices, startService, ServiceHandle, ServiceName, withDatabase } from '../tools/run/service-processes.cjs';

jest.setTimeout(180_000);

const databasePrefix = uniqueName('e2e');
const logs = Object.fromEntries(platformServices.map((name) => [name, [] as string[]])) as Record<ServiceName, string[]>;
/** The services that own a database (all but the gateway). */
const storingServices = platformServices.filter((name) => name !== 'gateway');
const services = new Map<ServiceName, ServiceHandle>();
let environment: ReturnType<typeof platformEnvironment>;
let gateway: string;
let caseworker: string;
const kafka = testKafka('e2e');

async function start(name: ServiceName) {
  services.set(name, await startService(name, environment[name], { output: (line) => logs[name].push(line) }));
}

beforeAll(async () => {
  environment = platformEnvironment({
    kafkaBrokers: testInfrastructure.kafkaBrokers.join(','),
    mongodbUri: testInfrastructure.mongodbUri,
    ports: Object.fromEntries(await Promise.all(platformServices.map(async (name) => [name, await freePort()]))),
    databasePrefix,
    consumerGroupPrefix: uniqueName('e2e'),
    // The test polls 100 timelines as fast as it can: a budget no person would reach.
    extra: {
      LOG_LEVEL: 'debug',
      RATE_LIMIT_PER_USER: '100000',
      RATE_LIMIT_PER_ADDRESS: '100000',
    },
  });
  for (const name of platformServices) await start(name);
  gateway = `http://127.0.0.1:${environment.ports.gateway}`;
  caseworker = await bearer('caseworker', 'asha');
});

// What the scans read, for the record (written to .cache/e2e-scan-figures.json).
const scanFigures: Record<string, unknown> = {};

afterAll(async () => {
  mkdirSync(join(__dirname, '../.cache'), { recursive: true });
  writeFileSync(join(__dirname, '../.cache/e2e-scan-figures.json'), JSON.stringify(scanFigures, null, 2));
  for (const service of [...services.values()].reverse()) await service.kill();
  const mongo = await MongoClient.connect(testInfrastructure.mongodbUri.replace(/\/?$/, '/'));
  for (const suffix of storingServices) await mongo.db(`${databasePrefix}-${suffix}`).dropDatabase();
  await mongo.close();
});

const api = () => request(gateway);
const rani = {
  role: 'survivor',
  name: `Rani Khatun ${databasePrefix}`,
  phone: '+91 90070 12345',
  address: 'Room 12, Garstin Place lodge, Kolkata',
  // Sixteen and a half today, whenever the test runs: a child under the JJ Act and POCSO.
  birthDate: new Date(Date.now() - 16.5 * 365.25 * 24 * 3600 * 1000).toISOString().slice(0, 10),
  gender: 'female',
  origin: { state: 'Assam', district: 'Dhubri' },
  languages: ['bn', 'as'],
  referralSource: 'police',
};
let raniId: string;

it('puts her registration, consent and assessment on her unified timeline, through every hop', async () => {
  const registered = await api().post('/api/v1/people').set('authorization', caseworker).send(rani).expect(201);
  raniId = registered.body.id;
  await api()
    .post(`/api/v1/people/${raniId}/consents`)
    .set('authorization', caseworker)
    .send({ scope: 'share-with-police', decision: 'granted', givenBy: 'child-welfare-committee' })
    .expect(201);
  await api()
    .post(`/api/v1/people/${raniId}/vulnerability-assessments`)
    .set('authorization', caseworker)
    .send({ factors: ['debt', 'migration', 'school-dropout'] })
    .expect(201);

  const timeline = await eventually(async () => {
    const response = await api().get(`/api/v1/people/${raniId}/timeline?order=oldest-first`).set('authorization', caseworker).expect(200);
    expect(response.body.entries).toHaveLength(4);
    return response.body;
  }, 30_000, 200);
  // Registering her put Asha on her case team, at the same moment.
  expect(timeline.entries.map((entry: { type: string }) => entry.type).sort()).toEqual(
    [
      intakeEventTypes.personRegistered,
      intakeEventTypes.staffAssigned,
      intakeEventTypes.consentRecorded,
      intakeEventTypes.vulnerabilityAssessed,
    ].sort(),
  );
  expect(timeline.entries.slice(2).map((entry: { type: string }) => entry.type)).toEqual([
    intakeEventTypes.consentRecorded,
    intakeEventTypes.vulnerabilityAssessed,
  ]);
  expect(timeline.entries.every((entry: { actor: { id: string } }) => entry.actor.id === 'asha')).toBe(true);

  const record = await api().get(`/api/v1/people/${raniId}`).set('authorization', caseworker).expect(200);
  expect(record.body.personalData).toMatchObject({ name: rani.name, phone: rani.phone });
  expect(record.body.ageBand).toBe('16-17');
  await api().get(`/api/v1/people/${raniId}`).set('authorization', await bearer('analyst')).expect(403);
});

it("refuses her caseworker's own token at every service's port: the gateway, with its audit trail and limits, is the only door", async () => {
  const at = (name: ServiceName) => request(`http://127.0.0.1:${environment.ports[name]}`);
  await at('intake').get(`/people/${raniId}`).set('authorization', caseworker).expect(401);
  // A route every service has, asked with an admin's staff token.
  const admin = await bearer('admin');
  for (const name of platformServices.filter((service) => service !== 'gateway')) {
    const direct = await at(name).get('/health/details').set('authorization', admin);
    expect({ name, status: direct.status }).toEqual({ name, status: 401 });
  }
});

it('keeps her name, phone and address off the topic, out of the projection and out of every log', async () => {
  const secrets = [rani.name, rani.phone, rani.address, '9007012345', 'Garstin'];
  const onTopic = await readTopic(kafka, topics.intakeEvents, (seen) => seen.filter((message) => message.key === raniId).length >= 4);
  const hers = onTopic.filter((message) => message.key === raniId);
  expect(hers).toHaveLength(4);
  for (const message of hers) {
    const wire = `${message.value?.toString()} ${JSON.stringify(message.headers)}`;
    for (const secret of secrets) expect(wire).not.toContain(secret);
  }

  const mongo = await MongoClient.connect(withDatabase(testInfrastructure.mongodbUri, `${databasePrefix}-projection`));
  try {
    const collections = await mongo.db().listCollections().toArray();
    expect(collections.map((collection) => collection.name)).toEqual(expect.arrayContaining(['timeline_entries', 'person_summaries']));
    for (const { name } of collections) {
      const everything = JSON.stringify(await mongo.db().collection(name).find().toArray());
      for (const secret of secrets) expect(everything).not.toContain(secret);
    }
  } finally {
    await mongo.close();
  }

  const allLogs = Object.values(logs).flat().join('\n');
  expect(allLogs.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(allLogs).not.toContain(secret);
});

it('loses no one when the projection dies while 100 people are being registered', async () => {
  const registrations: Promise<string>[] = [];
  const register = (index: number) =>
    api()
      .post('/api/v1/people')
      .set('authorization', caseworker)
      .send({ role: 'at-risk', name: `Person ${index} ${databasePrefix}`, gender: 'female', age: 20 + (index % 30), referralSource: 'community' })
      .expect(201)
      .then((response) => response.body.id as string);

  for (let index = 0; index < 100; index += 1) {
    registrations.push(register(index));
    if (index === 30) await services.get('projection')!.kill(); // mid-stream, no goodbye
    if (index % 10 === 9) await Promise.all(registrations.slice(index - 9, index + 1));
  }
  const ids = await Promise.all(registrations);
  expect(new Set(ids).size).toBe(100);

  await start('projection');
  // Watch the projection's own store while it catches up (polling through the gateway would fill the audit trail).
  const mongo = await MongoClient.connect(withDatabase(testInfrastructure.mongodbUri, `${databasePrefix}-projection`));
  try {
    // Her registration, and the caseworker joining her case team just after it (what lets the caseworker read her timeline).
    await eventually(async () => {
      for (const type of [intakeEventTypes.personRegistered, intakeEventTypes.staffAssigned]) {
        const entries = await mongo.db().collection('timeline_entries').find({ type }).toArray();
        expect(new Set(entries.filter((entry) => ids.includes(entry['personId'])).map((entry) => entry['personId'])).size).toBe(100);
      }
    }, 120_000, 1000);
  } finally {
    await mongo.close();
  }
  // Then, as staff see it: each of the 100 exactly once on her timeline.
  const counts = await Promise.all(
    ids.map(async (id) => {
      const response = await api().get(`/api/v1/people/${id}/timeline?order=oldest-first`).set('authorization', caseworker).expect(200);
      return response.body.entries.filter((entry: { type: string }) => entry.type === intakeEventTypes.personRegistered).length;
    }),
  );
  expect(counts.every((count) => count === 1)).toBe(true);
});

it("keeps a person from staff not on her case, whether they guess her id or not, and asks admins for a reason", async () => {
  const ravi = await bearer('caseworker', 'ravi');
  for (const path of [`/api/v1/people/${raniId}`, `/api/v1/people/${raniId}/timeline`, `/api/v1/people/${raniId}/summary`]) {
    await api().get(path).set('authorization', ravi).expect(404);
    await api().get(path).set('authorization', await bearer('admin')).expect(403);
    await api().get(path).set('authorization', await bearer('admin')).set('x-access-reason', 'audit').expect(200);
  }
  // A counsellor on her case sees the intake and rehabilitation pillars, and not her rescue, legal or livelihood records.
  await api().post(`/api/v1/people/${raniId}/assignments`).set('authorization', caseworker).send({ staffId: 'meera', staffRole: 'counsellor' }).expect(204);
  const meera = await bearer('counsellor', 'meera');
  const summary = await eventually(async () => (await api().get(`/api/v1/people/${raniId}/summary`).set('authorization', meera).expect(200)).body);
  expect(Object.keys(summary.pillars).sort()).toEqual(['intake', 'rehabilitation']);
});

it("records every read and write of her record in the audit trail, by id only, for admins to page through", async () => {
  const admin = await bearer('admin', 'root');
  // A listing is on the trail under everyone it showed; an admin lists people only with a reason.
  const listed = await eventually(async () => {
    const response = await api().get('/api/v1/people').set('authorization', caseworker).expect(200);
    expect(response.body.people.map((person: { personId: string }) => person.personId)).toContain(raniId);
    return response;
  });
  expect(listed.body.people.length).toBeGreaterThan(0);
  await api().get('/api/v1/people').set('authorization', admin).expect(403);
  await api().get('/api/v1/alerts').set('authorization', admin).expect(403);
  await api().get('/api/v1/alerts').set('authorization', admin).set('x-access-reason', 'case-review').expect(200);
  const records = await eventually(async () => {
    const response = await api().get('/api/v1/audit').query({ personId: raniId, pageSize: 200 }).set('authorization', admin).expect(200);
    const seen = response.body.records as { action: string; outcome: string; staffId: string; status?: number; reason?: string }[];
    expect(seen.filter((record) => record.action === 'readSummary' && record.staffId === 'meera' && record.outcome === 'succeeded').length).toBeGreaterThan(0);
    return seen;
  });
  const outcomes = (action: string, staffId: string) =>
    records.filter((record) => record.action === action && record.staffId === staffId).map((record) => record.outcome);
  expect(outcomes('registerPerson', 'asha')).toEqual(['succeeded']);
  expect(outcomes('recordConsent', 'asha')).toEqual(expect.arrayContaining(['requested', 'succeeded']));
  expect(outcomes('readPerson', 'asha')).toEqual(expect.arrayContaining(['requested', 'succeeded']));
  expect(outcomes('readTimeline', 'asha')).toContain('succeeded');
  await eventually(async () => {
    const response = await api().get('/api/v1/audit').query({ personId: raniId, pageSize: 200 }).set('authorization', admin).expect(200);
    expect(response.body.records.filter((record: { action: string; outcome: string }) => record.action === 'findPeople' && record.outcome === 'succeeded').length).toBeGreaterThan(0);
  });
  expect(outcomes('readPerson', 'ravi')).toEqual(expect.arrayContaining(['requested', 'refused']));
  expect(records.find((record) => record.staffId === 'test-admin' && record.outcome === 'succeeded')?.reason).toBe('audit');
  expect(JSON.stringify(records)).not.toContain(rani.name);

  await api().get('/api/v1/audit').query({ personId: raniId }).set('authorization', caseworker).expect(403);
  const bad = await api().get('/api/v1/audit').query({ personId: 'nobody', pageSize: 5000 }).set('authorization', admin).expect(400);
  expect(bad.body.details.map((problem: { field: string }) => problem.field).sort()).toEqual(['pageSize', 'personId']);
});

it('erases a person: afterwards none of her personal data can be read in any topic, database or log', async () => {
  const priya = {
    role: 'survivor',
    name: `Priya Erasure ${databasePrefix}`,
    aliases: ['Pinky Erasure'],
    phone: '+91 98765 43210',
    address: 'Flat 7, Erasure Lane, Pune',
    birthDate: '1999-09-09',
    gender: 'female',
    referralSource: 'hotline',
  };
  const { body } = await api().post('/api/v1/people').set('authorization', caseworker).send(priya).expect(201);
  const priyaId: string = body.id;
  await api().post(`/api/v1/people/${priyaId}/consents`).set('authorization', caseworker).send({ scope: 'research', decision: 'granted' }).expect(201);
  expect((await api().get(`/api/v1/people/${priyaId}`).set('authorization', caseworker).expect(200)).body.personalData.name).toBe(priya.name);

  // What else identifies her, recorded in every pillar: where her household lives, her FIR, the
  // shelter she stayed in, her employer. Unique to this run (the topics are shared).
  const mark = databasePrefix.slice(-6);
  const identifying = {
    village: `Erasure Village ${mark}`,
    firNumber: `ER-${mark}/2026`,
    policeStation: `Erasure Ghat ${mark}`,
    shelterName: `Erasure Shelter Home ${mark}`,
    employer: `Erasure Tailors ${mark}`,
    trainingProvider: `Erasure Training Centre ${mark}`,
    trade: `Erasure Embroidery ${mark}`,
  };
  const lata = await bearer('legal-officer', 'lata');
  const kiran = await bearer('livelihood-officer', 'kiran');
  for (const [staffId, staffRole] of [['lata', 'legal-officer'], ['kiran', 'livelihood-officer']]) {
    await api().post(`/api/v1/people/${priyaId}/assignments`).set('authorization', caseworker).send({ staffId, staffRole }).expect(204);
  }
  await api().post(`/api/v1/people/${priyaId}/consents`).set('authorization', caseworker).send({ scope: 'share-with-police', decision: 'granted' }).expect(201);
  await api()
    .post('/api/v1/households')
    .set('authorization', caseworker)
    .send({ place: { state: 'Maharashtra', district: 'Pune', villageOrWard: identifying.village }, memberIds: [priyaId] })
    .expect(201);
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
  const perpetrator = await api().post('/api/v1/perpetrators').set('authorization', lata).send({ category: 'brothel-keeper', name: `Erasure Keeper ${mark}`, knownPlaces: [] }).expect(201);
  const caseId = await eventually(
    async () =>
      (
        await api()
          .post('/api/v1/cases')
          .set('authorization', lata)
          .send({
            fir: { policeStation: identifying.policeStation, district: 'Pune', state: 'Maharashtra', number: identifying.firNumber, registeredAt: daysAgo(3) },
            sections: [{ act: 'itpa', section: '5' }],
            victimIds: [priyaId],
            accusedIds: [perpetrator.body.id],
          })
          .expect(201)
      ).body.id as string,
  );
  await eventually(async () =>
    api().post(`/api/v1/people/${priyaId}/care-plan`).set('authorization', caseworker).send({ goals: ['safety', 'livelihood'], openedAt: daysAgo(3) }).expect(204),
  );
  await api()
    .post(`/api/v1/people/${priyaId}/shelter-admissions`)
    .set('authorization', caseworker)
    .send({ shelter: { name: identifying.shelterName, kind: 'ngo', state: 'Maharashtra', district: 'Pune' }, admittedAt: daysAgo(2) })
    .expect(204);
  await api().post(`/api/v1/people/${priyaId}/shelter-discharges`).set('authorization', caseworker).send({ dischargedAt: daysAgo(1), reason: 'reintegrated-locally' }).expect(204);
  // Her care plan's livelihood goal opens her livelihood plan, a moment later.
  await eventually(async () =>
    api()
      .post(`/api/v1/people/${priyaId}/placements`)
      .set('authorization', kiran)
      .send({ kind: 'wage-employment', employerOrEnterprise: identifying.employer, sector: 'garments-and-tailoring', skillLevel: 'semi-skilled', state: 'West Bengal', startedAt: daysAgo(1), monthlyIncomeInr: 12000 })
      .expect(201),
  );
  await api()
    .post(`/api/v1/people/${priyaId}/skill-trainings`)
    .set('authorization', kiran)
    .send({ trade: identifying.trade, provider: identifying.trainingProvider, skillLevel: 'semi-skilled', startedAt: daysAgo(1) })
    .expect(201);
  // Every pillar's record of her reached her timeline (and the projection's stores) before she is erased.
  await eventually(async () => {
    const response = await api().get(`/api/v1/people/${priyaId}/timeline?order=oldest-first`).set('authorization', caseworker).expect(200);
    const types = response.body.entries.map((entry: { type: string }) => entry.type);
    for (const pillar of ['legal', 'rehabilitation', 'livelihood']) expect(types.some((type: string) => type.startsWith(`org.mukti.${pillar}.`))).toBe(true);
    expect(types.filter((type: string) => /shelter-discharged|placement-started|fir-registered|skill-training-started/.test(type))).toHaveLength(4);
  }, 60_000, 300);
  // Her legal officer reads the FIR's number and police station from the case, where the case team sees them.
  expect((await api().get(`/api/v1/cases/${caseId}`).set('authorization', lata).expect(200)).body.record.fir).toMatchObject({
    number: identifying.firNumber,
    policeStation: identifying.policeStation,
  });

  const admin = await bearer('admin', 'root');
  await api().post(`/api/v1/people/${priyaId}/erasure`).set('authorization', admin).send({ reason: 'her-request' }).expect(403);
  await api().post(`/api/v1/people/${priyaId}/erasure`).set('authorization', admin).set('x-access-reason', 'data-subject-request: 2026-117').send({ reason: 'because' }).expect(400);
  await api().post(`/api/v1/people/${priyaId}/erasure`).set('authorization', caseworker).send({ reason: 'her-request' }).expect(403);
  await api().post(`/api/v1/people/${priyaId}/erasure`).set('authorization', admin).set('x-access-reason', 'data-subject-request: 2026-117').send({ reason: 'her-request' }).expect(204);

  // Her record remains, identifying no one; her timeline says what happened and keeps counting her.
  const record = await api().get(`/api/v1/people/${priyaId}`).set('authorization', caseworker).expect(200);
  expect(record.body.personalData).toBeUndefined();
  expect(record.body.erasedAt).toBeDefined();
  const timeline = await eventually(async () => {
    const response = await api().get(`/api/v1/people/${priyaId}/timeline?order=oldest-first`).set('authorization', caseworker).expect(200);
    expect(response.body.entries.at(-1).type).toBe(intakeEventTypes.personErased);
    expect(response.body.entries.every((entry: { erased?: boolean }) => entry.erased)).toBe(true);
    return response.body.entries as { erased?: boolean; summary: string }[];
  });
  expect(timeline.at(-1)?.summary).toBe('Personal data erased (her request); the non-identifying record remains');

  const clear = [priya.name, 'Pinky Erasure', priya.phone, '9876543210', 'Erasure Lane', priya.birthDate, ...Object.values(identifying)];
  // The keys the services under test ran with: their public development defaults.
  const config = intakeConfig.load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true' });
  const fingerprints = [
    fingerprint(config.IDENTITY_FINGERPRINT_KEY, 'name+phone', normaliseName(priya.name), normalisePhone(priya.phone)),
    fingerprint(config.IDENTITY_FINGERPRINT_KEY, 'name+birth-date', normaliseName(priya.name), priya.birthDate),
  ];
  const mongo = await MongoClient.connect(testInfrastructure.mongodbUri.replace(/\/?$/, '/'));
  try {
    const vault = new PersonalDataVault(mongo.db(`${databasePrefix}-intake`).collection('data_keys'), parseMasterKey(config.PERSONAL_DATA_MASTER_KEY));

    // Every topic, raw: nothing in clear, and each sealed copy of her data can no longer be opened.
    const admin = kafka.admin();
    await admin.connect();
    const topicNames = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
    await admin.disconnect();
    let sealedCopies = 0;
    let messagesRead = 0;
    // Where anything readable about her was found, to name every place at once when one is.
    const hits: string[] = [];
    for (const topic of topicNames) {
      for (const message of await readWholeTopic(kafka, topic)) {
        messagesRead += 1;
        const wire = `${message.value?.toString() ?? ''} ${JSON.stringify(message.headers)}`;
        for (const text of [...clear, ...fingerprints]) if (wire.includes(text)) hits.push(`${topic} (${String(message.headers['ce_type'])}): ${text}`);
        if (message.key === priyaId && message.headers['ce_type'] === intakeEventTypes.personRegistered) {
          const sealed = JSON.parse(message.value!.toString()).personalData as SealedPersonalData;
          await expect(vault.open(sealed)).resolves.toBeUndefined();
          sealedCopies += 1;
        }
      }
    }
    expect(sealedCopies).toBeGreaterThanOrEqual(1);

    // Every database of every service: nothing in clear, no fingerprint, no key.
    const databases = storingServices.map((service) => mongo.db(`${databasePrefix}-${service}`));
    let collectionsRead = 0;
    let documentsRead = 0;
    for (const database of databases) {
      for (const { name } of await database.listCollections().toArray()) {
        const documents = await database.collection(name).find().toArray();
        collectionsRead += 1;
        documentsRead += documents.length;
        const everything = JSON.stringify(documents);
        for (const text of [...clear, ...fingerprints]) if (everything.includes(text)) hits.push(`${database.databaseName}.${name}: ${text}`);
      }
    }
    expect([...new Set(hits)]).toEqual([]);
    expect(await mongo.db(`${databasePrefix}-intake`).collection('data_keys').countDocuments({ _id: priyaId as never })).toBe(0);
    const registration = await mongo.db(`${databasePrefix}-intake`).collection('people').findOne({ _id: `${priyaId}:1` as never });
    await expect(vault.open(registration!['state'].personalData)).resolves.toBeUndefined();
    // Her household's village (she was its only member) and her FIR's number and station (she was
    // its only victim) were sealed with keys of their own: gone with her, the legal one a moment later.
    const household = await mongo.db(`${databasePrefix}-intake`).collection('households').findOne({ version: 1, 'state.memberIds': priyaId });
    await expect(vault.open(household!['events'][0].data.villageOrWard, 'household-place')).resolves.toBeUndefined();
    const legalVault = new PersonalDataVault(
      mongo.db(`${databasePrefix}-legal`).collection('data_keys'),
      parseMasterKey(legalConfig.load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true' }).PERPETRATOR_DATA_MASTER_KEY),
    );
    const firCommit = await mongo.db(`${databasePrefix}-legal`).collection('cases').findOne({ aggregateId: caseId, version: 1 });
    await eventually(async () => expect(await legalVault.open(firCommit!['events'][0].data.fir.numberAndStation, 'fir-details')).toBeUndefined());
    expect((await api().get(`/api/v1/cases/${caseId}`).set('authorization', lata).expect(200)).body.record.fir).not.toHaveProperty('number');
    scanFigures['erasure'] = {
      topics: topicNames.length,
      messagesRead,
      sealedCopiesOfHerDataThatCannotBeOpened: sealedCopies + 3,
      databases: databases.length,
      collectionsRead,
      documentsRead,
      logLines: Object.values(logs).flat().length,
      hits: 0,
    };
  } finally {
    await mongo.close();
  }

  // Every log line of every service.
  const allLogs = Object.values(logs).flat().join('\n');
  for (const text of clear) expect(allLogs).not.toContain(text);

  // She can be registered again as a new person: her fingerprints went with her.
  await api().post('/api/v1/people').set('authorization', caseworker).send(priya).expect(201);
});

it('gives analysts every pillar event de-identified: no names, ids, staff, free text or exact dates, and children untracked', async () => {
  const records = await eventually(async () => {
    const all = await readWholeTopic(kafka, topics.analytics);
    // Rani's registration, assignment, consent and assessment, at least.
    expect(all.filter((message) => message.value?.toString().includes('"state":"Assam"')).length).toBeGreaterThanOrEqual(4);
    return all;
  });
  const everything = records.map((message) => `${message.key} ${message.value?.toString()} ${JSON.stringify(message.headers)}`).join('\n');
  for (const text of [rani.name, rani.phone, rani.address, 'Garstin', '9007012345', raniId, 'asha', 'ravi', 'meera', 'root', 'Priya Erasure', 'Dhubri']) {
    expect(everything).not.toContain(text);
  }
  const payloads = records.map((message) => JSON.parse(message.value!.toString()));
  // The month, not the moment, on the wire too: the Kafka record timestamp and ce_time are the month's first instant.
  for (const message of records) {
    expect(message.headers['ce_time']).toBe(new Date(Number(message.timestamp)).toISOString());
    expect(message.headers['ce_time']).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
  }
  scanFigures['analytics'] = { recordsRead: records.length, untrackedChildRecords: payloads.filter((payload) => !payload.tracked).length, hits: 0 };
  for (const payload of payloads) {
    expect(payload.period).toMatch(/^\d{4}-\d{2}$/);
    expect(JSON.stringify(payload)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  }
  // Rani is 16: a child, so no record of hers can be linked to another, and none names her district.
  const hers = payloads.filter((payload) => payload.state === 'Assam');
  expect(hers.every((payload) => payload.tracked === false && payload.district === undefined)).toBe(true);
  expect(new Set(hers.map((payload) => payload.pseudonym)).size).toBe(hers.length);
});

it('gives analysts indicators and the HTCDS export as counts only, every count under 11 suppressed', async () => {
  const analyst = await bearer('analyst', 'ana');
  const indicators = (await api().get('/api/v1/indicators').set('authorization', analyst).expect(200)).body;
  expect(indicators.k).toBe(11);
  expect(indicators.peopleRegistered.total).toBeGreaterThanOrEqual(100);
  // Rani's state has a handful of people (only this suite registers anyone there): too few to name,
  // counted in "other" with enough people that the total does not give them away. (How many
  // survivors other suites registered on the shared broker varies, so no other cell is asserted.)
  expect(indicators.peopleRegistered.byState['Assam']).toBeUndefined();
  for (const breakdown of ['byRole', 'byState', 'byAgeBand', 'byGender']) {
    const cells = Object.values(indicators.peopleRegistered[breakdown]) as number[];
    expect(cells.every((count) => count >= 11)).toBe(true);
    expect(cells.reduce((sum, count) => sum + count, 0)).toBe(indicators.peopleRegistered.total);
  }
  const exported = (await api().get('/api/v1/research/htcds-export').set('authorization', analyst).expect(200)).body;
  expect(exported.rows.length).toBeGreaterThan(0);
  expect(exported.rows.every((row: { count: number }) => row.count >= 11)).toBe(true);
  expect(exported.suppressedPeople).toBeGreaterThan(0);
  const everything = JSON.stringify([indicators, exported]);
  for (const text of [rani.name, raniId, 'Dhubri', 'asha']) expect(everything).not.toContain(text);
  await api().get('/api/v1/research/htcds-export').query({ k: 2 }).set('authorization', analyst).expect(400);
  await api().get('/api/v1/indicators').set('authorization', caseworker).expect(403);
});

it('puts a rescue on the timelines of the three people rescued: the minor on the child-protection path, the accused raising the alert', async () => {
  const register = async (name: string, age: number) =>
    (
      await api()
        .post('/api/v1/people')
        .set('authorization', caseworker)
        .send({ role: 'survivor', name: `${name} ${databasePrefix}`, gender: 'female', age, referralSource: 'police' })
        .expect(201)
    ).body.id as string;
  const [girl, woman, accused] = [await register('Rescued Minor', 15), await register('Rescued Woman', 26), await register('Rescued Accused', 23)];
  const rekha = await bearer('rescue-coordinator', 'rekha');
  // A coordinator puts on a raid only people on whose case team she is.
  for (const personId of [girl, woman, accused]) {
    await api().post(`/api/v1/people/${personId}/assignments`).set('authorization', caseworker).send({ staffId: 'rekha', staffRole: 'rescue-coordinator' }).expect(204);
  }
  const operation = await api()
    .post('/api/v1/rescue-operations')
    .set('authorization', rekha)
    .send({
      kind: 'rescue-on-complaint',
      place: { state: 'West Bengal', district: 'Kolkata', kindOfPlace: 'lodge-or-hotel' },
      agencies: ['anti-human-trafficking-unit', 'child-welfare-committee', 'ngo'],
      legalBasis: 'itpa-s15',
      leadOfficer: 'Sub-Inspector, AHTU Kolkata',
      plannedFor: new Date(Date.now() - 2 * 3600_000).toISOString(),
    })
    .expect(201);
  // The rescue service learns of registrations and case teams from intake's topic: until it has, they are unknown (404).
  await eventually(() =>
    api()
      .post(`/api/v1/rescue-operations/${operation.body.id}/rescue`)
      .set('authorization', rekha)
      .send({
        carriedOutAt: new Date(Date.now() - 3600_000).toISOString(),
        searchWitnesses: { total: 2, women: 1 },
        persons: [
          { personId: girl, policeRecordedAs: 'victim', ageAtRescue: 15 },
          { personId: woman, policeRecordedAs: 'witness', ageAtRescue: 26 },
          { personId: accused, policeRecordedAs: 'accused', ageAtRescue: 23 },
        ],
      })
      .expect(204),
  );
  const rescuedEntry = async (personId: string) =>
    eventually(async () => {
      const response = await api().get(`/api/v1/people/${personId}/timeline?order=oldest-first`).set('authorization', caseworker).expect(200);
      const entry = response.body.entries.find((candidate: { type: string }) => candidate.type === rescueEventTypes.personRescued);
      expect(entry).toBeDefined();
      return entry as { summary: string; pillar: string };
    });
  expect((await rescuedEntry(girl)).summary).toMatch(/Rescued from a lodge or hotel in Kolkata, West Bengal; recorded by the police as victim/);
  expect((await rescuedEntry(accused)).summary).toMatch(/ALERT: the police recorded her as accused/);
  expect((await rescuedEntry(woman)).pillar).toBe('rescue');
});

it('gives a command retried through the gateway with the same Idempotency-Key its first answer, done once', async () => {
  const key = 'retry-after-a-timeout-0001';
  const person = { role: 'at-risk', name: 'Idempotent Ila', gender: 'female', age: 30, referralSource: 'ngo' };
  const first = await api().post('/api/v1/people').set('authorization', caseworker).set('idempotency-key', key).send(person).expect(201);
  const again = await api().post('/api/v1/people').set('authorization', caseworker).set('idempotency-key', key).send(person).expect(201);
  expect(again.body.id).toBe(first.body.id);
});

it('stops every service cleanly on SIGTERM (exit code 0)', async () => {
  for (const name of [...platformServices].reverse()) {
    const { code, signal } = await services.get(name)!.stop();
    expect({ name, code, signal }).toEqual({ name, code: 0, signal: null });
  }
});
