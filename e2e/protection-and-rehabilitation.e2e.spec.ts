/**
 * The protection and rehabilitation pillars as staff use them, through the gateway: a rescue of
 * three people (a minor, a woman, a woman the police recorded as accused) opens their care plans
 * by themselves; the minor's Child Welfare Committee step, due in 24 hours, becomes overdue when
 * the clock passes it; the accused record raises the decriminalisation alert; counselling notes
 * are sealed and read by counsellors only; all of it is on their timelines.
 *
 * Intake, projection, audit, legal, livelihood and the gateway run as processes; rescue and rehabilitation run in
 * this process with a clock the test moves (both against the same real broker and store).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MongoClient } from 'mongodb';
import { rehabilitationEventTypes, rescueEventTypes, topics } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { bearer, eventually, freePort, ManualClock, readWholeTopic, testInfrastructure, testLogger, uniqueName, healthDetailsOf, testKafka } from '@mukti/testing';
import { rescueConfig } from '../apps/rescue/src/rescue.config';
import { RescueModule } from '../apps/rescue/src/rescue.module';
import { rehabilitationConfig } from '../apps/rehabilitation/src/rehabilitation.config';
import { RehabilitationModule } from '../apps/rehabilitation/src/rehabilitation.module';
import { platformEnvironment, platformServices, provisionKafka, startService, ServiceHandle, ServiceName } from '../tools/run/service-processes.cjs';

jest.setTimeout(180_000);

const HOUR = 3600_000;
const databasePrefix = uniqueName('e2e-care');
const clock = new ManualClock();
const processes = new Map<ServiceName, ServiceHandle>();
const inProcess: INestApplication[] = [];
const logs: string[] = [];
let environment: ReturnType<typeof platformEnvironment>;
let gateway: string;
const api = () => request(gateway);

beforeAll(async () => {
  environment = platformEnvironment({
    kafkaBrokers: testInfrastructure.kafkaBrokers.join(','),
    mongodbUri: testInfrastructure.mongodbUri,
    ports: Object.fromEntries(await Promise.all(platformServices.map(async (name) => [name, await freePort()]))),
    databasePrefix,
    consumerGroupPrefix: databasePrefix,
    extra: {
      RESCUE_DEADLINE_SWEEP_MS: '250',
      REHABILITATION_DEADLINE_SWEEP_MS: '250',
      RATE_LIMIT_PER_USER: '100000',
      RATE_LIMIT_PER_ADDRESS: '100000',
    },
  });
  // Some services run in this process, not through startService: their topics and ACLs (this run's groups) first.
  await provisionKafka(environment.gateway);
  for (const name of ['intake', 'projection', 'audit', 'legal', 'livelihood'] as const) {
    processes.set(name, await startService(name, environment[name], { output: (line) => logs.push(line) }));
  }
  const rescue = await createServiceApp(RescueModule.register(rescueConfig.load(environment.rescue), testLogger(), clock), { logger: testLogger() });
  const rehabilitation = await createServiceApp(
    RehabilitationModule.register(rehabilitationConfig.load(environment.rehabilitation), testLogger(), clock),
    { logger: testLogger() },
  );
  for (const app of [rescue, rehabilitation]) {
    await app.init();
    await app.startAllMicroservices();
  }
  await rescue.listen(environment.ports.rescue, '127.0.0.1');
  await rehabilitation.listen(environment.ports.rehabilitation, '127.0.0.1');
  inProcess.push(rescue, rehabilitation);
  processes.set('gateway', await startService('gateway', environment.gateway, { output: (line) => logs.push(line) }));
  gateway = `http://127.0.0.1:${environment.ports.gateway}`;
  // New consumer groups first replay what earlier suites left on the shared topics: start once
  // they have caught up, so the test (and the latency it notes) sees the platform in its steady state.
  for (const name of ['projection', 'rescue', 'rehabilitation'] as const) {
    await eventually(async () => {
      const health = await healthDetailsOf(`http://127.0.0.1:${environment.ports[name]}`);
      expect(health.checks?.kafka?.lag?.total).toBe(0);
    }, 120_000, 250);
  }
});

afterAll(async () => {
  for (const app of inProcess) await app.close();
  for (const service of [...processes.values()].reverse()) await service.kill();
  const mongo = await MongoClient.connect(testInfrastructure.mongodbUri.replace(/\/?$/, '/'));
  for (const suffix of platformServices.filter((name) => name !== 'gateway')) await mongo.db(`${databasePrefix}-${suffix}`).dropDatabase();
  await mongo.close();
});

type Entry = { type: string; pillar: string; summary: string };
const timelineOf = async (personId: string, token: string): Promise<Entry[]> =>
  (await api().get(`/api/v1/people/${personId}/timeline?order=oldest-first`).set('authorization', token).expect(200)).body.entries;
const summaryOf = async (personId: string, token: string) => (await api().get(`/api/v1/people/${personId}/summary`).set('authorization', token).expect(200)).body;
const alertsFor = async (token: string) => (await api().get('/api/v1/alerts').set('authorization', token).expect(200)).body.alerts as { personId: string; kind: string; details: Record<string, string> }[];

let asha: string;
let rekha: string;
let mira: string;
const people: Record<'minor' | 'woman' | 'accused', string> = { minor: '', woman: '', accused: '' };
let operationId: string;
let carriedOutAt: string;
/** From the rescue's 204 to her care plan on her timeline, per person (ms). */
const carePlanLatencies: number[] = [];

it('rescues three people: their care plans open by themselves, on their timelines', async () => {
  [asha, rekha, mira] = [await bearer('caseworker', 'asha'), await bearer('rescue-coordinator', 'rekha'), await bearer('counsellor', 'mira')];
  const register = async (name: string, age: number) =>
    (
      await api()
        .post('/api/v1/people')
        .set('authorization', asha)
        .send({ role: 'survivor', name: `${name} ${databasePrefix}`, gender: 'female', age, referralSource: 'police' })
        .expect(201)
    ).body.id as string;
  people.minor = await register('Mina Rescued', 16);
  people.woman = await register('Sita Rescued', 26);
  people.accused = await register('Lata Rescued', 23);
  for (const personId of Object.values(people)) {
    for (const [staffId, staffRole] of [['rekha', 'rescue-coordinator'], ['mira', 'counsellor']]) {
      await api().post(`/api/v1/people/${personId}/assignments`).set('authorization', asha).send({ staffId, staffRole }).expect(204);
    }
  }

  operationId = (
    await api()
      .post('/api/v1/rescue-operations')
      .set('authorization', rekha)
      .send({
        kind: 'raid-on-information',
        place: { state: 'Maharashtra', district: 'Mumbai City', kindOfPlace: 'brothel' },
        agencies: ['anti-human-trafficking-unit', 'child-welfare-committee', 'ngo'],
        legalBasis: 'itpa-s15',
        leadOfficer: 'Inspector, AHTU Mumbai',
        plannedFor: new Date(clock.now().getTime() - 3 * HOUR).toISOString(),
      })
      .expect(201)
  ).body.id;
  carriedOutAt = new Date(clock.now().getTime() - HOUR).toISOString();
  // The rescue service learns of registrations and case teams from intake's topic: until it has, they are unknown (404).
  await eventually(() =>
    api()
      .post(`/api/v1/rescue-operations/${operationId}/rescue`)
      .set('authorization', rekha)
      .send({
        carriedOutAt,
        searchWitnesses: { total: 2, women: 1 },
        persons: [
          { personId: people.minor, policeRecordedAs: 'victim', ageAtRescue: 16 },
          { personId: people.woman, policeRecordedAs: 'witness', ageAtRescue: 26 },
          { personId: people.accused, policeRecordedAs: 'accused', ageAtRescue: 23 },
        ],
      })
      .expect(204),
  );
  const rescuedAt = Date.now();
  await Promise.all(
    Object.values(people).map(async (personId) => {
      await eventually(async () => expect((await timelineOf(personId, asha)).map((entry) => entry.type)).toContain(rehabilitationEventTypes.carePlanOpened), 30_000, 25);
      carePlanLatencies.push(Date.now() - rescuedAt);
    }),
  );

  const minor = await summaryOf(people.minor, asha);
  expect(minor.pillars.rescue).toMatchObject({ status: 'rescued', operationId, jjAgeClass: 'child', itpaAgeClass: 'minor', policeRecordedAs: 'victim' });
  expect(minor.pillars.rehabilitation).toMatchObject({ status: 'care-plan-open', origin: 'rescued' });
  expect(minor.pillars.rehabilitation.goals).toMatchObject({ safety: 'open', education: 'open' });
  expect((await summaryOf(people.woman, asha)).pillars.rehabilitation.goals).toMatchObject({ livelihood: 'open' });
  const minorTimeline = await timelineOf(people.minor, asha);
  expect(minorTimeline.map((entry) => entry.pillar)).toEqual(expect.arrayContaining(['intake', 'rescue', 'rehabilitation']));
});

it("puts the minor's Child Welfare Committee step due 24 hours after the rescue, overdue once the clock passes it", async () => {
  const dueAt = new Date(Date.parse(carriedOutAt) + 24 * HOUR).toISOString();
  const stepOf = async () => {
    const summary = await summaryOf(people.minor, asha);
    return { step: summary.pillars.rescue.steps.find((step: { step: string }) => step.step === 'production-before-child-welfare-committee'), summary };
  };
  const before = await stepOf();
  expect(before.step).toMatchObject({ dueAt, overdue: false });
  expect(before.summary.nextDueSteps).toContainEqual(expect.objectContaining({ pillar: 'rescue', what: 'production-before-child-welfare-committee', dueAt }));
  expect((await alertsFor(asha)).filter((alert) => alert.kind === 'post-rescue-step-overdue' && alert.personId === people.minor)).toEqual([]);

  clock.set(new Date(Date.parse(dueAt) + 60_000));
  await eventually(async () => expect((await stepOf()).step).toMatchObject({ overdue: true }), 30_000, 100);
  // The alert listing is kept from her summary a moment after it is written.
  await eventually(async () => {
    const overdue = (await alertsFor(asha)).filter((alert) => alert.kind === 'post-rescue-step-overdue' && alert.personId === people.minor);
    expect(overdue.map((alert) => alert.details.step)).toContain('production-before-child-welfare-committee');
  });
  await eventually(async () => expect((await timelineOf(people.minor, asha)).map((entry) => entry.type)).toContain(rescueEventTypes.postRescueStepOverdue));

  // Done late: the alert closes, and the timeline says it was late.
  await api()
    .post(`/api/v1/rescue-operations/${operationId}/persons/${people.minor}/steps`)
    .set('authorization', rekha)
    .send({ step: 'production-before-child-welfare-committee', doneAt: clock.now().toISOString() })
    .expect(204);
  await eventually(async () => expect((await stepOf()).step).toMatchObject({ overdue: false }), 30_000, 100);
  await eventually(async () =>
    expect((await alertsFor(asha)).filter((alert) => alert.personId === people.minor && alert.details.step === 'production-before-child-welfare-committee')).toEqual([]),
  );
});

it('raises the decriminalisation alert for the woman the police recorded as accused, for her case team', async () => {
  const alerts = await eventually(async () => {
    const listed = await alertsFor(asha);
    expect(listed).toContainEqual(expect.objectContaining({ personId: people.accused, kind: 'decriminalisation' }));
    return listed;
  });
  expect(alerts.filter((alert) => alert.kind === 'decriminalisation').map((alert) => alert.personId)).not.toContain(people.woman);
  // Someone on no one's case team sees none of these people's alerts.
  const stranger = await alertsFor(await bearer('caseworker', 'bela'));
  expect(stranger.map((alert) => alert.personId)).not.toContain(people.accused);
  const timeline = await timelineOf(people.accused, asha);
  expect(timeline.find((entry) => entry.type === rescueEventTypes.personRescued)?.summary).toMatch(/ALERT/);

  // The organisation gets the police to record her as the victim she is: the alert closes.
  await api()
    .post(`/api/v1/rescue-operations/${operationId}/persons/${people.accused}/police-record`)
    .set('authorization', rekha)
    .send({ policeRecordedAs: 'victim', changedAt: clock.now().toISOString() })
    .expect(204);
  await eventually(async () =>
    expect((await alertsFor(asha)).filter((alert) => alert.personId === people.accused && alert.kind === 'decriminalisation')).toEqual([]),
  );
});

it('records her trafficking profile, and staff find her by it', async () => {
  await api()
    .post(`/api/v1/rescue-operations/${operationId}/persons/${people.woman}/trafficking-profile`)
    .set('authorization', rekha)
    .send({
      traffickingStatus: 'actual',
      exploitationTypes: ['sexual-exploitation'],
      recruitmentMethod: 'false-job-offer',
      meansOfControl: ['debt-bondage', 'withheld-documents'],
      relationshipToTrafficker: 'acquaintance',
      source: { country: 'NP' },
      transit: [{ country: 'IN', state: 'Bihar', district: 'Araria' }],
      destination: { country: 'IN', state: 'Maharashtra', district: 'Mumbai City' },
      recordedAt: clock.now().toISOString(),
    })
    .expect(204);
  const found = await eventually(async () => {
    const response = await api().get('/api/v1/people').query({ meansOfControl: 'debt-bondage' }).set('authorization', asha).expect(200);
    expect(response.body.people.map((person: { personId: string }) => person.personId)).toContain(people.woman);
    return response.body.people as { personId: string }[];
  });
  expect(found.map((person) => person.personId)).not.toContain(people.minor);
});

it('seals counselling notes with her key: counsellors read them, admins see only that a session took place, they are on no topic', async () => {
  const notes = `She spoke of the debt the keeper says she owes ${databasePrefix}`;
  const recorded = await api()
    .post(`/api/v1/people/${people.woman}/counselling-sessions`)
    .set('authorization', mira)
    .send({ heldAt: clock.now().toISOString(), kind: 'individual', notes })
    .expect(201);
  const read = (await api().get(`/api/v1/people/${people.woman}/counselling-sessions`).set('authorization', mira).expect(200)).body;
  expect(read.sessions).toEqual([expect.objectContaining({ sessionId: recorded.body.id, kind: 'individual', counsellorId: 'mira', notes })]);
  const admin = await bearer('admin', 'root');
  const asAdmin = (await api().get(`/api/v1/people/${people.woman}/counselling-sessions`).set('authorization', admin).set('x-access-reason', 'case-review').expect(200)).body;
  expect(asAdmin.sessions[0].notes).toBeUndefined();
  await api().get(`/api/v1/people/${people.woman}/counselling-sessions`).set('authorization', asha).expect(403);
  await api().post(`/api/v1/people/${people.woman}/counselling-sessions`).set('authorization', await bearer('counsellor', 'nobody')).send({ heldAt: clock.now().toISOString(), kind: 'individual', notes }).expect(404);

  const entries = await eventually(async () => {
    const timeline = await timelineOf(people.woman, mira);
    expect(timeline.map((entry) => entry.type)).toContain(rehabilitationEventTypes.counsellingSessionRecorded);
    return timeline;
  });
  expect(JSON.stringify(entries)).not.toContain(notes);
  const raw = await readWholeTopic(testKafka('e2e-care'), topics.rehabilitationEvents);
  expect(raw.some((message) => message.value?.toString().includes(databasePrefix))).toBe(false);
});

// The longest notes, in Hindi, sent as a client that escapes all but ASCII sends them: over the
// old 100 kB body limit, and, sealed, over what one request to intake could open.
it('keeps and reads back the longest notes a counsellor may write, in any script, across sessions', async () => {
  const notes = ['कर्ज़', 'डर', 'घर'].map((word) => word.repeat(Math.floor(20000 / word.length)));
  for (const text of notes) {
    const body = JSON.stringify({ heldAt: clock.now().toISOString(), kind: 'individual', notes: text }).replace(
      /[\u0080-\uffff]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    await api().post(`/api/v1/people/${people.woman}/counselling-sessions`).set('authorization', mira).set('content-type', 'application/json').send(body).expect(201);
  }
  const read = (await api().get(`/api/v1/people/${people.woman}/counselling-sessions`).set('authorization', mira).expect(200)).body;
  expect(read.sessions.slice(-3).map((session: { notes?: string }) => session.notes)).toEqual(notes);
});

it('follows her through shelter, documents and repatriation, all on her timeline', async () => {
  const child = await api()
    .post(`/api/v1/people/${people.minor}/shelter-admissions`)
    .set('authorization', asha)
    .send({ shelter: { name: 'Asha Sadan', kind: 'ngo', state: 'Maharashtra', district: 'Mumbai City' }, admittedAt: clock.now().toISOString() })
    .expect(422);
  expect(child.body.details.field).toBe('shelter.kind');
  await api()
    .post(`/api/v1/people/${people.minor}/shelter-admissions`)
    .set('authorization', asha)
    .send({ shelter: { name: 'Government Children Home, Umerkhadi', kind: 'child-care-institution', state: 'Maharashtra', district: 'Mumbai City' }, admittedAt: clock.now().toISOString() })
    .expect(204);
  await api()
    .post(`/api/v1/people/${people.woman}/identity-documents`)
    .set('authorization', asha)
    .send({ document: 'voter-id', status: 'obtained', recordedAt: clock.now().toISOString() })
    .expect(204);
  await api()
    .post(`/api/v1/people/${people.woman}/repatriation-steps`)
    .set('authorization', asha)
    .send({ step: 'handover', at: clock.now().toISOString(), home: { state: 'West Bengal', district: 'Nadia' }, handedOverTo: 'family' })
    .expect(422);
  // Where she stays: sealed on the topic and in the store, opened by intake for her case team.
  const stays = (await api().get(`/api/v1/people/${people.minor}/shelter-stays`).set('authorization', asha).expect(200)).body;
  expect(stays).toEqual({
    stays: [{ admittedAt: expect.any(String), kind: 'child-care-institution', state: 'Maharashtra', district: 'Mumbai City', name: 'Government Children Home, Umerkhadi' }],
  });
  await api().get(`/api/v1/people/${people.minor}/shelter-stays`).set('authorization', await bearer('caseworker', 'bela')).expect(404);
  await api().get(`/api/v1/people/${people.minor}/shelter-stays`).set('authorization', await bearer('admin', 'root')).expect(403);
  await api().get(`/api/v1/people/${people.minor}/shelter-stays`).set('authorization', rekha).expect(403);
  await eventually(async () => {
    expect((await summaryOf(people.minor, asha)).pillars.rehabilitation).toMatchObject({ status: 'in-shelter', shelter: { kind: 'child-care-institution' } });
    expect((await summaryOf(people.woman, asha)).pillars.rehabilitation).toMatchObject({ voterRegistered: true, documents: { 'voter-id': 'obtained' } });
  });
  // Her summary is written before her entry: the entry may come a moment later.
  await eventually(async () =>
    expect((await timelineOf(people.woman, asha)).map((entry) => entry.type)).toEqual(
      expect.arrayContaining([rehabilitationEventTypes.identityDocumentRecorded, rehabilitationEventTypes.voterRegistered]),
    ),
  );
});

it('closes the operation with its counts', async () => {
  await api().post(`/api/v1/rescue-operations/${operationId}/closure`).set('authorization', rekha).send({ closedAt: clock.now().toISOString() }).expect(204);
  const operation = (await api().get(`/api/v1/rescue-operations/${operationId}`).set('authorization', rekha).expect(200)).body;
  expect(operation.closedAt).toBeDefined();
  expect(operation.persons).toHaveLength(3);
});

it('names the field of bad input on every new endpoint, at the gateway', async () => {
  const person = people.woman;
  const cases: [string, string, object, string][] = [
    [rekha, `/api/v1/rescue-operations/${operationId}/persons/${person}/trafficking-profile`, { traffickingStatus: 'maybe' }, 'traffickingStatus'],
    [rekha, `/api/v1/rescue-operations/${operationId}/persons/${person}/police-record`, { policeRecordedAs: 'suspect', changedAt: clock.now().toISOString() }, 'policeRecordedAs'],
    [rekha, `/api/v1/rescue-operations/${operationId}/closure`, { closedAt: 'yesterday' }, 'closedAt'],
    [asha, `/api/v1/people/${person}/care-plan`, { goals: ['happiness'], openedAt: clock.now().toISOString() }, 'goals'],
    [asha, `/api/v1/people/${person}/care-plan/goals`, { domain: 'safety', status: 'done', setAt: clock.now().toISOString() }, 'status'],
    [asha, `/api/v1/people/${person}/shelter-admissions`, { shelter: { name: 'X', kind: 'ngo', state: 'Maharashtra', district: 'Pune' }, admittedAt: clock.now().toISOString() }, 'shelter.name'],
    [asha, `/api/v1/people/${person}/shelter-discharges`, { dischargedAt: clock.now().toISOString(), reason: 'bored' }, 'reason'],
    [mira, `/api/v1/people/${person}/counselling-sessions`, { heldAt: clock.now().toISOString(), kind: 'individual', notes: '' }, 'notes'],
    [asha, `/api/v1/people/${person}/health-services`, { service: 'medical-examination', providedAt: clock.now().toISOString(), provider: 'quack' }, 'provider'],
    [asha, `/api/v1/people/${person}/education-enrolments`, { programme: 'finishing-school', enrolledAt: clock.now().toISOString() }, 'programme'],
    [asha, `/api/v1/people/${person}/identity-documents`, { document: 'passport', status: 'applied', recordedAt: clock.now().toISOString() }, 'document'],
    [asha, `/api/v1/people/${person}/repatriation-steps`, { step: 'escort', at: clock.now().toISOString(), home: { state: 'W', district: 'Nadia' } }, 'home.state'],
    [asha, `/api/v1/people/${person}/follow-up-schedule`, { everyMonths: 13, forMonths: 24, from: clock.now().toISOString() }, 'everyMonths'],
    [asha, `/api/v1/people/${person}/follow-ups`, { heldAt: clock.now().toISOString(), status: 'settled', retraffickingRisk: 'extreme' }, 'retraffickingRisk'],
    [asha, `/api/v1/people/${person}/compensation`, { stage: 'awarded', scheme: 'court-ordered', at: clock.now().toISOString(), amountInr: -5 }, 'amountInr'],
  ];
  for (const [token, path, body, field] of cases) {
    const response = await api().post(path).set('authorization', token).send(body).expect(400);
    expect({ path, fields: response.body.details.map((problem: { field: string }) => problem.field) }).toEqual({ path, fields: expect.arrayContaining([field]) });
  }
  await api().get('/api/v1/alerts').query({ kind: 'everything' }).set('authorization', asha).expect(400);
  await api().get('/api/v1/people').query({ exploitationType: 'tourism' }).set('authorization', asha).expect(400);
});

afterAll(() => {
  const sorted = [...carePlanLatencies].sort((a, b) => a - b);
  mkdirSync(join(__dirname, '../.cache'), { recursive: true });
  writeFileSync(join(__dirname, '../.cache/e2e-care-plan-latency.json'), JSON.stringify({ rescueToCarePlanOnTimelineMs: sorted }, null, 2));
});
