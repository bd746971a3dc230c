/**
 * The intake service against the real broker and store: what staff send, what is stored, and
 * what leaves on the topic (personal data sealed in both).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { MongoClient, MongoNetworkError } from 'mongodb';
import { intakeEventTypes, topics } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { parseMasterKey, PersonalDataVault } from '@mukti/security';
import { bearer, serviceBearer, readTopic, testInfrastructure, testLogger, uniqueDatabaseUri, eventually, testKafka, superUserKafkaEnvironment } from '@mukti/testing';
import { intakeConfig } from '../src/intake.config';
import { IntakeModule } from '../src/intake.module';
import { PersonStore } from '../src/person/person.store';

const databaseUri = uniqueDatabaseUri('intake');
const config = intakeConfig.load({
  ...process.env,
  MONGODB_URI: databaseUri,
  ...superUserKafkaEnvironment(),
});
const kafka = testKafka('intake-int-test');
let app: NestExpressApplication;
let mongo: MongoClient;
let caseworker: string;

const survivor = (overrides: Record<string, unknown> = {}) => ({
  role: 'survivor',
  name: `Meena ${Math.random().toString(36).slice(2, 8)}`,
  aliases: ['Munni'],
  phone: `+91 9${Math.floor(100000000 + Math.random() * 899999999)}`,
  address: 'Lane 4, Sonagachi, Kolkata',
  birthDate: '2001-04-12',
  gender: 'female',
  origin: { state: 'West Bengal', district: 'Murshidabad' },
  languages: ['bn'],
  referralSource: 'ngo',
  ...overrides,
});

beforeAll(async () => {
  app = await createServiceApp(IntakeModule.register(config, testLogger()), { logger: testLogger() });
  await app.init();
  mongo = await MongoClient.connect(databaseUri);
  caseworker = await serviceBearer('caseworker', 'asha');
});

afterAll(async () => {
  await app.close();
  await mongo.db().dropDatabase();
  await mongo.close();
});

const api = () => request(app.getHttpServer());

describe('who may call intake', () => {
  it("refuses a staff token presented straight to it (401): only the gateway's service token opens it", async () => {
    const registered = await api().post('/people').set('authorization', caseworker).send(survivor()).expect(201);
    const refused = await api().get(`/people/${registered.body.id}`).set('authorization', await bearer('caseworker', 'asha')).expect(401);
    expect(JSON.stringify(refused.body)).not.toContain('Meena');
    await api().get(`/people/${registered.body.id}`).set('authorization', caseworker).expect(200);
  });

  it('tells anyone only whether it is up; what its checks found only to an admin the gateway vouches for', async () => {
    expect((await api().get('/health').expect(200)).body).toEqual({ status: 'ok' });
    await api().get('/health/details').expect(401);
    await api().get('/health/details').set('authorization', await bearer('admin')).expect(401);
    await api().get('/health/details').set('authorization', caseworker).expect(403);
    const details = await api().get('/health/details').set('authorization', await serviceBearer('admin')).expect(200);
    expect(details.body.checks).toMatchObject({ database: { status: 'ok' }, kafka: { status: 'ok' } });
  });
});

describe('registering a person', () => {
  it('answers 201 with her id, keeps her personal data sealed at rest, and publishes PersonRegistered without it', async () => {
    const person = survivor();
    const response = await api().post('/people').set('authorization', caseworker).send(person).expect(201);
    const id: string = response.body.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const stored = await mongo.db().collection('people').findOne({ aggregateId: id });
    const raw = JSON.stringify(stored);
    for (const secret of [person.name, person.phone, person.address, 'Munni', person.birthDate]) expect(raw).not.toContain(secret);
    expect(stored?.['state'].ageBand).toBe('25-34');
    expect(await mongo.db().collection('data_keys').countDocuments({ _id: id as never })).toBe(1);

    const messages = await readTopic(kafka, topics.intakeEvents, (seen) => seen.some((message) => message.key === id));
    const registered = messages.find((message) => message.key === id)!;
    expect(registered.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: intakeEventTypes.personRegistered,
      ce_source: '/mukti/intake',
      ce_subject: id,
      'content-type': 'application/json',
      ce_actorid: 'asha',
      ce_actorrole: 'caseworker',
    });
    expect(registered.headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const wire = registered.value!.toString();
    for (const secret of [person.name, person.phone, person.address, 'Munni']) expect(wire).not.toContain(secret);
    expect(JSON.parse(wire).personalData.algorithm).toBe('AES-256-GCM');

    await eventually(async () =>
      expect((await mongo.db().collection('people').findOne({ aggregateId: id }))?.['pendingEvents']).toBe(0),
    );
  });

  it('recognises the same person registered again (same name and phone, written differently): 409 with her id', async () => {
    const person = survivor();
    const first = await api().post('/people').set('authorization', caseworker).send(person).expect(201);
    const again = await api()
      .post('/people')
      .set('authorization', caseworker)
      .send({ ...person, name: `  ${person.name.toUpperCase()} `, phone: person.phone.replace('+91 ', '0'), birthDate: undefined })
      .expect(409);
    expect(again.body.details.existingId).toBe(first.body.id);

    const byBirthDate = await api()
      .post('/people')
      .set('authorization', caseworker)
      .send({ ...person, phone: undefined })
      .expect(409);
    expect(byBirthDate.body.details.existingId).toBe(first.body.id);

    await api().post('/people').set('authorization', caseworker).send(survivor({ name: person.name, birthDate: '1999-01-01' })).expect(201);
  });

  it("tells someone not on her case team only that a possible duplicate exists, never her id, and sends it to her case team to review, once", async () => {
    const person = survivor();
    const first = await api().post('/people').set('authorization', caseworker).send(person).expect(201);
    const ravi = await serviceBearer('caseworker', 'ravi');
    const key = randomUUID();
    const refused = await api().post('/people').set('authorization', ravi).set('idempotency-key', key).send(person).expect(409);
    expect(JSON.stringify(refused.body)).not.toContain(first.body.id);
    expect(refused.body.details).toEqual({ reviewRequested: true });
    // A retry under the same key, and another try: still no id, and one review for her case team.
    const retried = await api().post('/people').set('authorization', ravi).set('idempotency-key', key).send(person).expect(409);
    expect(JSON.stringify(retried.body)).not.toContain(first.body.id);
    await api().post('/people').set('authorization', ravi).send(person).expect(409);

    const messages = await readTopic(kafka, topics.intakeEvents, (seen) =>
      seen.some((message) => message.key === first.body.id && message.headers['ce_type'] === intakeEventTypes.possibleDuplicateReported),
    );
    const reports = messages.filter((message) => message.key === first.body.id && message.headers['ce_type'] === intakeEventTypes.possibleDuplicateReported);
    expect(reports).toHaveLength(1);
    expect(JSON.parse(reports[0]!.value!.toString())).toMatchObject({ personId: first.body.id, reportedBy: 'ravi', reportedByRole: 'caseworker' });

    // An admin gets her id only with a reason; her own caseworker always.
    const admin = await serviceBearer('admin', 'root');
    expect(JSON.stringify((await api().post('/people').set('authorization', admin).send(person).expect(409)).body)).not.toContain(first.body.id);
    const withReason = await api().post('/people').set('authorization', admin).set('x-access-reason', 'data-quality').send(person).expect(409);
    expect(withReason.body.details.existingId).toBe(first.body.id);
  });

  it('registers two identical requests racing each other once: the other gets 409', async () => {
    const person = survivor();
    const answers = await Promise.all([1, 2].map(() => api().post('/people').set('authorization', caseworker).send(person)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
  });

  it('answers a registration sent again with the same Idempotency-Key with the first answer: one person, however often and however raced', async () => {
    const person = survivor();
    const key = randomUUID();
    const first = await api().post('/people').set('authorization', caseworker).set('idempotency-key', key).send(person).expect(201);
    // The client timed out and tries again; and twice more at once.
    const again = await api().post('/people').set('authorization', caseworker).set('idempotency-key', key).send(person).expect(201);
    const raced = await Promise.all([1, 2].map(() => api().post('/people').set('authorization', caseworker).set('idempotency-key', key).send(person)));
    expect([again, ...raced].map((answer) => [answer.status, answer.body.id])).toEqual([1, 2, 3].map(() => [201, first.body.id]));
    expect(await mongo.db().collection('people').countDocuments({ aggregateId: first.body.id })).toBe(1);

    // A new request (a new key) for a consent, sent twice: recorded once, the same id answered.
    const consentKey = randomUUID();
    const consents = await Promise.all(
      [1, 2].map(() =>
        api().post(`/people/${first.body.id}/consents`).set('authorization', caseworker).set('idempotency-key', consentKey).send({ scope: 'research', decision: 'granted' }),
      ),
    );
    expect(consents.map((answer) => answer.status)).toEqual([201, 201]);
    expect(consents[1]!.body).toEqual(consents[0]!.body);
    expect(await mongo.db().collection('people').countDocuments({ aggregateId: first.body.id })).toBe(2);

    // Another staff member's key is hers alone; a key that is not one is refused, naming the header.
    await api().post('/people').set('authorization', await serviceBearer('caseworker', 'ravi')).set('idempotency-key', key).send(survivor()).expect(201);
    const refused = await api().post('/people').set('authorization', caseworker).set('idempotency-key', 'no spaces please').send(survivor()).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'idempotency-key' })]);
  });

  it('shows an operator its figures on /metrics: requests by route and status, the outbox backlog; no id of anyone', async () => {
    const { body } = await api().post('/people').set('authorization', caseworker).send(survivor()).expect(201);
    const metrics = await api().get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toMatch(/mukti_http_request_duration_seconds_count\{[^}]*route="\/people"[^}]*status="201"[^}]*\} [1-9]/);
    expect(metrics.text).toMatch(/mukti_outbox_pending_commits\{[^}]*service="intake"[^}]*\} \d+/);
    expect(metrics.text).toMatch(/mukti_outbox_oldest_pending_age_seconds/);
    expect(metrics.text).not.toContain(body.id);
    expect(metrics.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it("keeps her data key when the store's answer to her registration is lost after it was written", async () => {
    const commits = app.get(PersonStore).aggregates.collection;
    const insert = commits.insertOne.bind(commits);
    // The store writes her commit, then the connection drops before it answers (a restart, a reset socket).
    const lostAnswer = jest.spyOn(commits, 'insertOne').mockImplementationOnce(async (...args: Parameters<typeof insert>) => {
      await insert(...args);
      throw new MongoNetworkError('connection reset by peer');
    });
    try {
      const person = survivor();
      const response = await api().post('/people').set('authorization', caseworker).send(person).expect(201);
      const id: string = response.body.id;
      expect(await mongo.db().collection('data_keys').countDocuments({ _id: id as never })).toBe(1);
      const read = await api().get(`/people/${id}`).set('authorization', caseworker).expect(200);
      expect(read.body.personalData).toMatchObject({ name: person.name, phone: person.phone });
    } finally {
      lostAnswer.mockRestore();
    }
  });

  it('destroys the unused data key when the store refused her registration without writing it', async () => {
    const commits = app.get(PersonStore).aggregates.collection;
    const refused = jest.spyOn(commits, 'insertOne').mockRejectedValueOnce(new MongoNetworkError('connection refused'));
    const keysBefore = await mongo.db().collection('data_keys').countDocuments({});
    try {
      await api().post('/people').set('authorization', caseworker).send(survivor()).expect(500);
      expect(await mongo.db().collection('data_keys').countDocuments({})).toBe(keysBefore);
    } finally {
      refused.mockRestore();
    }
  });
});

describe('bad requests', () => {
  it('names every field that is wrong, and refuses unknown fields', async () => {
    const response = await api()
      .post('/people')
      .set('authorization', caseworker)
      .send({ ...survivor(), role: 'victim', gender: 'f', createdBy: 'me', origin: { state: 'W' } })
      .expect(400);
    const fields = response.body.details.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['role', 'gender', 'createdBy', 'origin.state', 'origin.district']));
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await api()
      .post('/people')
      .set('authorization', caseworker)
      .set('content-type', 'application/json')
      .send('{"role": "survivor",')
      .expect(400);
    expect(response.body.message).toMatch(/not valid JSON/);
  });

  it('refuses a body over the size limit with 413', async () => {
    await api()
      .post('/people')
      .set('authorization', caseworker)
      .send({ ...survivor(), address: 'x'.repeat(300_000) })
      .expect(413);
  });

  it('needs a valid token (401) and an allowed role (403)', async () => {
    await api().post('/people').send(survivor()).expect(401);
    await api().post('/people').set('authorization', 'Bearer not-a-token').send(survivor()).expect(401);
    await api().post('/people').set('authorization', await serviceBearer('analyst')).send(survivor()).expect(403);
  });
});

describe('consent and vulnerability', () => {
  it('records them, keeps the latest decision per scope, and shows personal data only to roles allowed to read it', async () => {
    const { body } = await api().post('/people').set('authorization', caseworker).send(survivor()).expect(201);
    const consents = `/people/${body.id}/consents`;
    await api().post(consents).set('authorization', caseworker).send({ scope: 'share-with-police', decision: 'granted', decidedAt: '2026-01-02T10:00:00Z' }).expect(201);
    await api().post(consents).set('authorization', caseworker).send({ scope: 'share-with-police', decision: 'withdrawn', decidedAt: '2026-01-05T10:00:00Z' }).expect(201);
    // Typed in late, decided earlier: does not override the withdrawal.
    await api().post(consents).set('authorization', caseworker).send({ scope: 'share-with-police', decision: 'granted', decidedAt: '2026-01-03T10:00:00Z' }).expect(201);
    await api()
      .post(`/people/${body.id}/vulnerability-assessments`)
      .set('authorization', caseworker)
      .send({ factors: ['debt', 'migration', 'no-income'] })
      .expect(201);

    const seen = await api().get(`/people/${body.id}`).set('authorization', caseworker).expect(200);
    expect(seen.body.consents).toEqual([expect.objectContaining({ scope: 'share-with-police', decision: 'withdrawn' })]);
    expect(seen.body.vulnerability).toMatchObject({ level: 'high', score: 7 });
    expect(seen.body.personalData).toMatchObject({ aliases: ['Munni'], address: 'Lane 4, Sonagachi, Kolkata' });

    // A legal officer on her case sees who she is only while her consent to be named to police or courts stands.
    const lata = await serviceBearer('legal-officer', 'lata');
    await api().get(`/people/${body.id}`).set('authorization', lata).expect(404);
    await api().post(`/people/${body.id}/assignments`).set('authorization', caseworker).send({ staffId: 'lata', staffRole: 'legal-officer' }).expect(204);
    expect((await api().get(`/people/${body.id}`).set('authorization', lata).expect(200)).body.personalData).toBeUndefined();
    await api().post(consents).set('authorization', caseworker).send({ scope: 'share-with-courts', decision: 'granted' }).expect(201);
    expect((await api().get(`/people/${body.id}`).set('authorization', lata).expect(200)).body.personalData.name).toBeDefined();
    await api().get(`/people/${body.id}`).set('authorization', await serviceBearer('analyst')).expect(403);
  });

  it('does not lose a decision when several are recorded at the same moment', async () => {
    const { body } = await api().post('/people').set('authorization', caseworker).send(survivor()).expect(201);
    const scopes = ['share-with-police', 'share-with-courts', 'share-with-organisations', 'research', 'photographs'];
    const answers = await Promise.all(
      scopes.map((scope) => api().post(`/people/${body.id}/consents`).set('authorization', caseworker).send({ scope, decision: 'granted' })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(scopes.map(() => 201));
    const seen = await api().get(`/people/${body.id}`).set('authorization', caseworker).expect(200);
    expect(seen.body.consents).toHaveLength(scopes.length);
  });

  it('answers 404 for a person who is not registered, 400 for an id that is not one, 422 for a rule', async () => {
    await api()
      .post('/people/6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b/consents')
      .set('authorization', caseworker)
      .send({ scope: 'research', decision: 'granted' })
      .expect(404);
    await api().get('/people/12345').set('authorization', caseworker).expect(400);
    const { body } = await api().post('/people').set('authorization', caseworker).send(survivor({ birthDate: undefined, age: 15 })).expect(201);
    const refused = await api()
      .post(`/people/${body.id}/consents`)
      .set('authorization', caseworker)
      .send({ scope: 'photographs', decision: 'granted' })
      .expect(422);
    expect(refused.body.message).toMatch(/guardian or the Child Welfare Committee/);
  });
});

describe('need-to-know', () => {
  it('shows a person only to her case team (404 to anyone else, guessing or not), and to admins who state a reason', async () => {
    const { body } = await api().post('/people').set('authorization', caseworker).send(survivor()).expect(201);
    const other = await serviceBearer('caseworker', 'ravi');
    await api().get(`/people/${body.id}`).set('authorization', other).expect(404);
    await api().post(`/people/${body.id}/consents`).set('authorization', other).send({ scope: 'research', decision: 'granted' }).expect(404);
    await api().post(`/people/${body.id}/assignments`).set('authorization', other).send({ staffId: 'ravi', staffRole: 'caseworker' }).expect(404);
    // The same answer as for an id that belongs to no one.
    const nobody = await api().get('/people/0f8fad5b-d9cb-469f-a165-70867728950e').set('authorization', other).expect(404);
    const someone = await api().get(`/people/${body.id}`).set('authorization', other).expect(404);
    expect(someone.body.message.replace(body.id, 'ID')).toBe(nobody.body.message.replace('0f8fad5b-d9cb-469f-a165-70867728950e', 'ID'));

    const admin = await serviceBearer('admin', 'root');
    const refused = await api().get(`/people/${body.id}`).set('authorization', admin).expect(403);
    expect(refused.body.details).toEqual([{ field: 'x-access-reason', reason: 'missing' }]);
    await api().get(`/people/${body.id}`).set('authorization', admin).set('x-access-reason', 'safeguarding-concern: INC-12').expect(200);

    // Once on her team, Ravi sees her; once off it, he no longer does.
    await api().post(`/people/${body.id}/assignments`).set('authorization', caseworker).send({ staffId: 'ravi', staffRole: 'caseworker' }).expect(204);
    await api().get(`/people/${body.id}`).set('authorization', other).expect(200);
    await api().delete(`/people/${body.id}/assignments/ravi`).set('authorization', caseworker).expect(204);
    await api().get(`/people/${body.id}`).set('authorization', other).expect(404);
  });

  it('names the field when an assignment is not valid', async () => {
    const { body } = await api().post('/people').set('authorization', caseworker).send(survivor()).expect(201);
    const response = await api().post(`/people/${body.id}/assignments`).set('authorization', caseworker).send({ staffId: 'a b', staffRole: 'analyst' }).expect(400);
    expect(response.body.details.map((problem: { field: string }) => problem.field).sort()).toEqual(['staffId', 'staffRole']);
  });
});

describe('text that identifies her, sealed here with her key for the service that records it', () => {
  it('seals and opens them for a counsellor on her case team, never her identity, and nothing after her erasure', async () => {
    const { body } = await api().post('/people').set('authorization', caseworker).send(survivor()).expect(201);
    const personId: string = body.id;
    const counsellor = await serviceBearer('counsellor', 'mira');
    const seal = (authorization: string, kind: string, text: string) => api().post(`/people/${personId}/identifying-text/sealed`).set('authorization', authorization).send({ kind, text });
    await seal(counsellor, 'counselling-notes', 'first session').expect(404);
    await api().post(`/people/${personId}/assignments`).set('authorization', caseworker).send({ staffId: 'mira', staffRole: 'counsellor' }).expect(204);

    const sealed = (await seal(counsellor, 'counselling-notes', 'first session').expect(200)).body;
    expect(sealed).toMatchObject({ keyId: personId, algorithm: 'AES-256-GCM' });
    expect(JSON.stringify(sealed)).not.toContain('first session');
    const openAs = (kind: string, sealedValues: object[], authorization = counsellor, id = personId) =>
      api().post(`/people/${id}/identifying-text/opened`).set('authorization', authorization).send({ kind, sealed: sealedValues });
    const opened = await openAs('counselling-notes', [sealed]).expect(200);
    expect(opened.body).toEqual({ texts: ['first session'] });

    // Her identity, sealed with the same key for another purpose, is not opened here.
    const registration = await mongo.db().collection('people').findOne({ _id: `${personId}:1` as never });
    const identity = registration?.['state'].personalData;
    const refused = await openAs('counselling-notes', [identity]).expect(422);
    expect(refused.body.details.field).toBe('sealed');
    // Another person's notes are not opened under her id.
    await openAs('counselling-notes', [sealed], counsellor, randomUUID()).expect(404);
    // Only counsellors open them; a caseworker on her team does not.
    await openAs('counselling-notes', [sealed], caseworker).expect(403);
    await seal(counsellor, 'counselling-notes', '').expect(400);
    await seal(counsellor, 'address', 'first session').expect(400);

    // The shelter she stays in and her employer, each sealed for its own purpose by whom records it: never opened as notes.
    const shelter = (await seal(caseworker, 'shelter-name', 'Snehalaya Home').expect(200)).body;
    expect(JSON.stringify(shelter)).not.toContain('Snehalaya');
    const asNotes = await openAs('counselling-notes', [shelter]).expect(422);
    expect(asNotes.body.details.field).toBe('sealed');
    // Opened as what it is, for those who read where she stays: her caseworker and counsellor; not as notes, nor as an employer's name (which a counsellor does not read).
    expect((await openAs('shelter-name', [shelter], caseworker).expect(200)).body).toEqual({ texts: ['Snehalaya Home'] });
    expect((await openAs('shelter-name', [shelter]).expect(200)).body).toEqual({ texts: ['Snehalaya Home'] });
    expect((await openAs('shelter-name', [sealed], caseworker).expect(422)).body.details.field).toBe('sealed');
    expect((await openAs('employer', [shelter], caseworker).expect(422)).body.details.field).toBe('sealed');
    await openAs('employer', [shelter]).expect(403);
    await openAs('shelter-name', [shelter], await serviceBearer('caseworker', 'not-on-her-team')).expect(404);
    await seal(counsellor, 'shelter-name', 'Snehalaya Home').expect(403);
    await seal(caseworker, 'counselling-notes', 'what she said').expect(403);
    await seal(caseworker, 'shelter-name', 'x'.repeat(121)).expect(422);

    const admin = await serviceBearer('admin', 'root');
    await api().post(`/people/${personId}/erasure`).set('authorization', admin).set('x-access-reason', 'data-subject-request').send({ reason: 'her-request' }).expect(204);
    const afterErasure = await openAs('counselling-notes', [sealed]).expect(200);
    expect(afterErasure.body).toEqual({ texts: [null] });
    expect((await openAs('shelter-name', [shelter], caseworker).expect(200)).body).toEqual({ texts: [null] });
    await seal(counsellor, 'counselling-notes', 'again').expect(409);
  });

  // 20,000 characters of Hindi, sent as a client that escapes all but ASCII sends them (as Python's
  // json.dumps does): the body was over the 100 kB limit, and the sealed notes over the 40,000
  // characters a sealed value could have, so they could be sealed but never opened.
  it('seals and opens the longest notes in any script, however the client escapes them', async () => {
    const { body } = await api().post('/people').set('authorization', caseworker).send(survivor()).expect(201);
    const personId: string = body.id;
    await api().post(`/people/${personId}/assignments`).set('authorization', caseworker).send({ staffId: 'mira', staffRole: 'counsellor' }).expect(204);
    const counsellor = await serviceBearer('counsellor', 'mira');
    const notes = 'कर्ज़'.repeat(4000);
    const escaped = JSON.stringify({ kind: 'counselling-notes', text: notes }).replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(escaped.length).toBeGreaterThan(100 * 1024);
    const sealed = (
      await api().post(`/people/${personId}/identifying-text/sealed`).set('authorization', counsellor).set('content-type', 'application/json').send(escaped).expect(200)
    ).body;
    const opened = await api().post(`/people/${personId}/identifying-text/opened`).set('authorization', counsellor).send({ kind: 'counselling-notes', sealed: [sealed, sealed] }).expect(200);
    expect(opened.body.texts).toEqual([notes, notes]);
  });
});

describe('households', () => {
  const place = { state: 'West Bengal', district: 'South 24 Parganas', villageOrWard: 'Canning II, Ward 7' };
  const vault = () => new PersonalDataVault(mongo.db().collection('data_keys'), parseMasterKey(config.PERSONAL_DATA_MASTER_KEY));
  const person = async (authorization = caseworker) =>
    (await api().post('/people').set('authorization', authorization).send(survivor({ role: 'at-risk' })).expect(201)).body.id as string;

  it('registers one, adds a member, grades its assessment, and publishes each on the intake topic keyed by the household', async () => {
    const [mother, daughter, son] = [await person(), await person(), await person()];
    const registered = await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [mother, daughter] }).expect(201);
    const householdId: string = registered.body.id;
    expect(householdId).toMatch(/^[0-9a-f-]{36}$/);

    await api().post(`/households/${householdId}/members`).set('authorization', caseworker).send({ personId: son }).expect(204);
    // Adding her again changes nothing.
    await api().post(`/households/${householdId}/members`).set('authorization', caseworker).send({ personId: son }).expect(204);
    // debt 3 + school dropout 1; ₹3,000 for 3 members and 3 dependants (+2); owes more than 6 months of it (+2); 3 dependants (+1).
    const assessed = await api()
      .post(`/households/${householdId}/assessments`)
      .set('authorization', caseworker)
      .send({ factors: ['debt', 'school-dropout'], monthlyIncomeInr: 3000, debtInr: 40000, dependants: 3 })
      .expect(201);

    const messages = await readTopic(kafka, topics.intakeEvents, (seen) => seen.filter((message) => message.key === householdId).length >= 3);
    const ofHousehold = messages.filter((message) => message.key === householdId);
    expect(ofHousehold.map((message) => message.headers['ce_type'])).toEqual([
      intakeEventTypes.householdRegistered,
      intakeEventTypes.householdMemberAdded,
      intakeEventTypes.householdAssessed,
    ]);
    const [registration, addition, assessment] = ofHousehold.map((message) => JSON.parse(message.value!.toString()));
    expect(ofHousehold[0].headers).toMatchObject({ ce_subject: householdId, ce_source: '/mukti/intake', ce_actorid: 'asha' });
    // Its village or ward is sealed with the household's own key, on the topic and in the store alike.
    expect(registration).toEqual({
      householdId,
      place: { state: place.state, district: place.district },
      villageOrWard: expect.objectContaining({ keyId: householdId, algorithm: 'AES-256-GCM' }),
      memberIds: [mother, daughter],
      registeredAt: expect.any(String),
    });
    await expect(vault().open(registration.villageOrWard, 'household-place')).resolves.toEqual({ text: place.villageOrWard });
    expect(messages.filter((message) => message.key === householdId).map((message) => message.value?.toString()).join()).not.toContain('Canning');
    expect(JSON.stringify(await mongo.db().collection('households').find({ aggregateId: householdId }).toArray())).not.toContain('Canning');
    expect(addition).toMatchObject({ householdId, personId: son });
    expect(assessment).toMatchObject({ householdId, assessmentId: assessed.body.id, score: 9, level: 'high', dependants: 3 });

    await eventually(async () => {
      const pending = await mongo.db().collection('households').find({ aggregateId: householdId, pendingEvents: { $gt: 0 } }).toArray();
      expect(pending).toHaveLength(0);
    });
  });

  it('destroys the household\'s key when the last of its members still on record is erased, and not before', async () => {
    const [mother, daughter] = [await person(), await person()];
    const householdId: string = (await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [mother, daughter] }).expect(201)).body.id;
    const sealed = (await mongo.db().collection('households').findOne({ aggregateId: householdId, version: 1 }))?.['events'][0].data.villageOrWard;
    const admin = await serviceBearer('admin', 'root');
    const erase = (personId: string) => api().post(`/people/${personId}/erasure`).set('authorization', admin).set('x-access-reason', 'data-subject-request').send({ reason: 'her-request' }).expect(204);
    await erase(daughter);
    // Her mother is still on record: the village is still theirs to read.
    await expect(vault().open(sealed, 'household-place')).resolves.toEqual({ text: place.villageOrWard });
    await erase(mother);
    await expect(vault().open(sealed, 'household-place')).resolves.toBeUndefined();
  });

  it("destroys the household's key when its last two members on record are erased at the same moment", async () => {
    const admin = await serviceBearer('admin', 'root');
    const erase = (personId: string) => api().post(`/people/${personId}/erasure`).set('authorization', admin).set('x-access-reason', 'data-subject-request').send({ reason: 'her-request' }).expect(204);
    for (let round = 0; round < 3; round += 1) {
      const [mother, daughter] = [await person(), await person()];
      const householdId: string = (await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [mother, daughter] }).expect(201)).body.id;
      const sealed = (await mongo.db().collection('households').findOne({ aggregateId: householdId, version: 1 }))?.['events'][0].data.villageOrWard;
      // Each erasure saw the other member still on record, and both kept the key: the village outlived them.
      await Promise.all([erase(mother), erase(daughter)]);
      await expect(vault().open(sealed, 'household-place')).resolves.toBeUndefined();
    }
  });

  it("answers a member intake never registered exactly as one on others' case teams only: a household is no oracle", async () => {
    const [mother, ravis] = [await person(), await person(await serviceBearer('caseworker', 'ravi'))];
    const nobody = randomUUID();
    const neverRegistered = await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [mother, nobody] }).expect(404);
    const notHers = await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [mother, ravis] }).expect(404);
    expect(neverRegistered.body.message.replace(nobody, 'ID')).toBe(notHers.body.message.replace(ravis, 'ID'));

    const householdId = (await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [mother] }).expect(201)).body.id;
    const notAdded = await api().post(`/households/${householdId}/members`).set('authorization', caseworker).send({ personId: nobody }).expect(404);
    expect(notAdded.body.message).toBe(`person ${nobody} is not registered`);
  });

  it("answers 404 to a caseworker not on a member's case team, as if the member or the household did not exist; admins state a reason", async () => {
    const [mine, ravis] = [await person(), await person(await serviceBearer('caseworker', 'ravi'))];
    await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [mine, ravis] }).expect(404);
    const householdId = (await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [mine] }).expect(201)).body.id;
    await api().post(`/households/${householdId}/members`).set('authorization', caseworker).send({ personId: ravis }).expect(404);

    // Ravi is on no member's case team: the household is as unknown to him as one never registered.
    const ravi = await serviceBearer('caseworker', 'ravi');
    const assessment = { factors: [], monthlyIncomeInr: 10000, debtInr: 0, dependants: 0 };
    const hidden = await api().post(`/households/${householdId}/assessments`).set('authorization', ravi).send(assessment).expect(404);
    const nowhere = randomUUID();
    const unknown = await api().post(`/households/${nowhere}/assessments`).set('authorization', ravi).send(assessment).expect(404);
    expect(hidden.body.message.replace(householdId, 'ID')).toBe(unknown.body.message.replace(nowhere, 'ID'));
    expect(JSON.stringify(hidden.body)).not.toContain(mine);
    await api().post(`/households/${householdId}/members`).set('authorization', ravi).send({ personId: ravis }).expect(404);

    const admin = await serviceBearer('admin', 'root');
    const refused = await api().post(`/households/${householdId}/assessments`).set('authorization', admin).send(assessment).expect(403);
    expect(refused.body.details).toEqual([{ field: 'x-access-reason', reason: 'missing' }]);
    await api().post(`/households/${householdId}/assessments`).set('authorization', admin).set('x-access-reason', 'case-review').send(assessment).expect(201);
    await api().post(`/households/${householdId}/assessments`).set('authorization', await serviceBearer('counsellor', 'mira')).send(assessment).expect(403);
  });

  it('names every field that is wrong', async () => {
    const household = await api()
      .post('/households')
      .set('authorization', caseworker)
      .send({ place: { state: 'West Bengal', district: 'Kolkata' }, memberIds: [] })
      .expect(400);
    const fields = household.body.details.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['place.villageOrWard', 'memberIds']));

    const householdId = (await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [await person()] }).expect(201)).body.id;
    const assessment = await api()
      .post(`/households/${householdId}/assessments`)
      .set('authorization', caseworker)
      .send({ factors: ['poverty'], monthlyIncomeInr: -1, dependants: 2.5 })
      .expect(400);
    expect(assessment.body.details.map((problem: { field: string }) => problem.field)).toEqual(
      expect.arrayContaining(['factors', 'monthlyIncomeInr', 'debtInr', 'dependants']),
    );
    await api().post(`/households/${householdId}/members`).set('authorization', caseworker).send({ personId: 'someone' }).expect(400);
    await api().post('/households/12345/assessments').set('authorization', caseworker).send({ factors: [], monthlyIncomeInr: 0, debtInr: 0, dependants: 0 }).expect(400);
  });

  it('records nothing more about someone erased', async () => {
    const erased = await person();
    await api().post(`/people/${erased}/erasure`).set('authorization', await serviceBearer('admin', 'root')).set('x-access-reason', 'data-subject-request').send({ reason: 'her-request' }).expect(204);
    await api().post('/households').set('authorization', caseworker).send({ place, memberIds: [erased] }).expect(409);
  });
});
