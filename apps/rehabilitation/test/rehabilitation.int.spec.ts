/**
 * The rehabilitation service against the real broker and store: it learns who is registered (and
 * who is on her case team) from intake's topic; a rescue on the rescue topic opens her care plan
 * by itself; a child stays on the child-protection path; a follow-up not held in time, by the
 * test's clock, is flagged missed on its topic.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { EventEnvelope, intakeEventTypes, rehabilitationEventTypes, rescueEventTypes, topics } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { EventPublisher } from '@mukti/messaging';
import {
  serviceBearer,
  startIntakeSealingStandIn,
  eventually,
  ManualClock,
  RawMessage,
  readTopic,
  testInfrastructure,
  testLogger,
  uniqueDatabaseUri,
  uniqueName,
  testKafka, superUserKafkaEnvironment,
} from '@mukti/testing';
import { rehabilitationConfig } from '../src/rehabilitation.config';
import { RehabilitationModule } from '../src/rehabilitation.module';

jest.setTimeout(60_000);

const databaseUri = uniqueDatabaseUri('rehabilitation');
const consumerGroup = uniqueName('rehabilitation');
const config = rehabilitationConfig.load({
  ...process.env,
  MONGODB_URI: databaseUri,
  ...superUserKafkaEnvironment(),
  REHABILITATION_CONSUMER_GROUP: consumerGroup,
  REHABILITATION_DEADLINE_SWEEP_MS: '200',
});
const clock = new ManualClock();
const kafka = testKafka('rehabilitation-int-test');
const publisher = new EventPublisher(kafka);
let app: NestExpressApplication;
let mongo: MongoClient;
let asha: string;
/** A child (16-17) and an adult, both rescued; and a woman referred another way, never rescued. */
const [child, adult, referred]: string[] = [randomUUID(), randomUUID(), randomUUID()];
const operationId = randomUUID();
const rescueOfChild = rescued(child, 'child');
const rescueOfAdult = rescued(adult, 'adult');

const iso = (at: number | Date = clock.now()) => new Date(at).toISOString();
const payload = (message: RawMessage) => JSON.parse(message.value!.toString());
const ofType = (type: string, personId: string) => (message: RawMessage) => message.key === personId && message.headers['ce_type'] === type;

function intakeEvent<T extends typeof intakeEventTypes.personRegistered | typeof intakeEventTypes.staffAssigned>(
  type: T,
  personId: string,
  data: EventEnvelope<T>['data'],
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    source: '/mukti/intake',
    subject: personId,
    time: new Date().toISOString(),
    correlationId: randomUUID(),
    actor: { id: 'asha', role: 'caseworker' },
    data,
  };
}

const registered = (personId: string, ageBand: '16-17' | '25-34') =>
  intakeEvent(intakeEventTypes.personRegistered, personId, {
    personId,
    role: 'survivor',
    personalData: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' },
    gender: 'female',
    ageBand,
    languages: [],
    referralSource: 'police',
    registeredAt: new Date().toISOString(),
  });

/** Asha, the caseworker, joins her case team (as intake records it). */
const ashaAssigned = (personId: string) =>
  intakeEvent(intakeEventTypes.staffAssigned, personId, { personId, staffId: 'asha', staffRole: 'caseworker', assignedAt: new Date().toISOString() });

function rescued(personId: string, jjAgeClass: 'child' | 'adult'): EventEnvelope<typeof rescueEventTypes.personRescued> {
  const rescuedAt = Date.now() - 3600_000;
  return {
    id: randomUUID(),
    type: rescueEventTypes.personRescued,
    source: '/mukti/rescue',
    subject: personId,
    time: new Date(rescuedAt).toISOString(),
    correlationId: randomUUID(),
    actor: { id: 'rekha', role: 'rescue-coordinator' },
    data: {
      personId,
      operationId,
      rescuedAt: new Date(rescuedAt).toISOString(),
      place: { state: 'Maharashtra', district: 'Mumbai City', kindOfPlace: 'brothel' },
      policeRecordedAs: 'victim',
      decriminalisationAlert: false,
      ageAtRescue: jjAgeClass === 'child' ? 16 : 27,
      itpaAgeClass: jjAgeClass === 'child' ? 'minor' : 'adult',
      jjAgeClass,
      stepsDue: [
        { step: 'medical-examination', dueAt: new Date(rescuedAt + 24 * 3600_000).toISOString() },
        ...(jjAgeClass === 'child'
          ? [{ step: 'production-before-child-welfare-committee' as const, dueAt: new Date(rescuedAt + 24 * 3600_000).toISOString() }]
          : [{ step: 'production-before-magistrate' as const, dueAt: new Date(rescuedAt + 24 * 3600_000).toISOString() }]),
      ],
    },
  };
}

/** Intake's sealing of what identifies her (the service asks it before storing anything): a stand-in. */
let intake: Awaited<ReturnType<typeof startIntakeSealingStandIn>>;

beforeAll(async () => {
  await publisher.connect();
  intake = await startIntakeSealingStandIn();
  app = await createServiceApp(RehabilitationModule.register({ ...config, INTAKE_URL: intake.url }, testLogger(), clock), { logger: testLogger() });
  await app.init();
  // Its @EventPattern handlers start consuming, as startServiceApp starts them.
  await app.startAllMicroservices();
  mongo = await MongoClient.connect(databaseUri);
  asha = await serviceBearer('caseworker', 'asha');
  await publisher.publish([
    registered(child, '16-17'),
    registered(adult, '25-34'),
    registered(referred, '25-34'),
    ashaAssigned(child),
    ashaAssigned(adult),
    ashaAssigned(referred),
  ]);
  await eventually(async () => {
    for (const id of [child, adult, referred]) expect((await mongo.db().collection('known_people').findOne({ _id: id as never }))?.caseTeam).toHaveProperty('asha');
  });
});

afterAll(async () => {
  await app.close();
  await intake.close();
  await publisher.disconnect();
  await mongo.db().dropDatabase();
  await mongo.close();
});

const api = () => request(app.getHttpServer());
const post = (path: string, body: object, token = asha) => api().post(path).set('authorization', token).send(body);

it("opens each rescued survivor's care plan by itself, a child on the child-protection path, and only once", async () => {
  await publisher.publish([rescueOfChild, rescueOfAdult]);
  const messages = await readTopic(
    kafka,
    topics.rehabilitationEvents,
    (seen) => [child, adult].every((personId) => seen.some(ofType(rehabilitationEventTypes.carePlanOpened, personId))),
  );
  const opened = (personId: string) => messages.find(ofType(rehabilitationEventTypes.carePlanOpened, personId))!;
  expect(payload(opened(child))).toMatchObject({ personId: child, origin: 'rescued', operationId, child: true, goals: expect.arrayContaining(['education']) });
  expect(payload(opened(adult))).toMatchObject({ personId: adult, origin: 'rescued', operationId, child: false, goals: expect.arrayContaining(['livelihood']) });
  expect(opened(child).headers['ce_causationid']).toBe(rescueOfChild.id);
  expect(opened(adult).headers['ce_causationid']).toBe(rescueOfAdult.id);
  expect(opened(child).headers['ce_source']).toBe('/mukti/rehabilitation');

  // The same event delivered again, and a later rescue of her: her plan goes on, nothing new is opened.
  const rescuedAgain = { ...rescued(child, 'child'), data: { ...rescueOfChild.data, operationId: randomUUID() } };
  await publisher.publish([rescueOfChild, rescuedAgain]);
  await eventually(async () => expect(await mongo.db().collection('processed_events').findOne({ _id: `${consumerGroup}/${rescuedAgain.id}` as never })).not.toBeNull());
  expect(await mongo.db().collection('care_plans').countDocuments({ aggregateId: child })).toBe(1);
});

it('places a child only in a child care institution, one shelter at a time', async () => {
  const shelter = { name: 'Snehalaya Home, Barasat', state: 'West Bengal', district: 'North 24 Parganas' };
  const admittedAt = iso(Date.now() - 30 * 60_000);
  const refused = await post(`/people/${child}/shelter-admissions`, { shelter: { ...shelter, kind: 'ngo' }, admittedAt }).expect(422);
  expect(refused.body.details.field).toBe('shelter.kind');
  await post(`/people/${child}/shelter-admissions`, { shelter: { ...shelter, kind: 'child-care-institution' }, admittedAt }).expect(204);
  await post(`/people/${child}/shelter-admissions`, { shelter: { ...shelter, kind: 'child-care-institution' }, admittedAt }).expect(409);
  await post(`/people/${child}/shelter-discharges`, { dischargedAt: iso(Date.now() - 60_000), reason: 'transferred' }).expect(204);
  // Where she stays is sealed with her key by intake: the name is on no topic and in no document here.
  expect(intake.requests).toContainEqual({ personId: child, kind: 'shelter-name', text: shelter.name });
  const messages = await readTopic(kafka, topics.rehabilitationEvents, (seen) => seen.some(ofType(rehabilitationEventTypes.shelterDischarged, child)));
  expect(payload(messages.find(ofType(rehabilitationEventTypes.shelterAdmitted, child))!)).toMatchObject({ shelter: { name: { keyId: child }, kind: 'child-care-institution' } });
  for (const message of messages.filter((one) => one.key === child)) expect(message.value?.toString()).not.toContain('Snehalaya');
  expect(JSON.stringify(await mongo.db().collection('care_plans').find({ aggregateId: child }).toArray())).not.toContain('Snehalaya');
});

it('records a voter ID obtained as her voter registration too', async () => {
  await post(`/people/${adult}/identity-documents`, { document: 'voter-id', status: 'obtained', recordedAt: iso(Date.now() - 60_000) }).expect(204);
  const messages = await readTopic(
    kafka,
    topics.rehabilitationEvents,
    (seen) => seen.some(ofType(rehabilitationEventTypes.identityDocumentRecorded, adult)) && seen.some(ofType(rehabilitationEventTypes.voterRegistered, adult)),
  );
  expect(payload(messages.find(ofType(rehabilitationEventTypes.identityDocumentRecorded, adult))!)).toMatchObject({ document: 'voter-id', status: 'obtained' });
  expect(messages.some(ofType(rehabilitationEventTypes.voterRegistered, adult))).toBe(true);
});

it('sends a child home only after a favourable home investigation, and only to the Child Welfare Committee', async () => {
  const home = { state: 'West Bengal', district: 'Murshidabad' };
  const step = (body: object) => post(`/people/${child}/repatriation-steps`, { at: iso(Date.now() - 60_000), home, ...body });
  expect((await step({ step: 'handover', handedOverTo: 'child-welfare-committee' }).expect(422)).body.details.field).toBe('step');
  await step({ step: 'home-investigation-report', homeInvestigationOutcome: 'favourable' }).expect(204);
  expect((await step({ step: 'handover', handedOverTo: 'family' }).expect(422)).body.details.field).toBe('handedOverTo');
  await step({ step: 'handover', handedOverTo: 'child-welfare-committee' }).expect(204);
});

it('flags a follow-up not held by the end of its grace period, and a follow-up recorded answers it', async () => {
  const from = clock.now();
  await post(`/people/${adult}/follow-up-schedule`, { everyMonths: 3, forMonths: 6, from: iso(from) }).expect(204);
  const scheduledMessages = await readTopic(kafka, topics.rehabilitationEvents, (seen) => seen.some(ofType(rehabilitationEventTypes.followUpsScheduled, adult)));
  const { dueDates }: { dueDates: string[] } = payload(scheduledMessages.find(ofType(rehabilitationEventTypes.followUpsScheduled, adult))!);
  expect(dueDates).toHaveLength(2);
  // Three calendar months on (89 to 92 days, the day kept or the month's last day).
  const firstDueInDays = (Date.parse(dueDates[0]) - from.getTime()) / (24 * 3600_000);
  expect(firstDueInDays).toBeGreaterThanOrEqual(89);
  expect(firstDueInDays).toBeLessThanOrEqual(92);
  // The deadlines are watched from the service's own events.
  await eventually(async () => expect(await mongo.db().collection('follow_up_deadlines').countDocuments({ 'details.personId': adult })).toBe(2));

  // Past the first one's 14-day grace period, not the second's.
  clock.advance(Date.parse(dueDates[0]) - from.getTime() + 15 * 24 * 3600_000);
  const missedMessages = await readTopic(kafka, topics.rehabilitationEvents, (seen) => seen.some(ofType(rehabilitationEventTypes.followUpMissed, adult)));
  const missed = missedMessages.filter(ofType(rehabilitationEventTypes.followUpMissed, adult)).map(payload);
  expect(missed).toEqual([{ personId: adult, dueAt: dueDates[0], flaggedAt: clock.now().toISOString() }]);
  await eventually(async () => expect(await mongo.db().collection('follow_up_deadlines').countDocuments({ 'details.personId': adult })).toBe(1));

  await post(`/people/${adult}/follow-ups`, { heldAt: iso(), status: 'settled', retraffickingRisk: 'low' }).expect(204);
  const recordedMessages = await readTopic(kafka, topics.rehabilitationEvents, (seen) => seen.some(ofType(rehabilitationEventTypes.followUpRecorded, adult)));
  expect(payload(recordedMessages.find(ofType(rehabilitationEventTypes.followUpRecorded, adult))!)).toMatchObject({
    dueAt: missed[0].dueAt,
    status: 'settled',
    retraffickingRisk: 'low',
  });
});

it('pays compensation only once awarded', async () => {
  const compensation = (body: object) => post(`/people/${adult}/compensation`, { scheme: 'state-victim-compensation-scheme', at: iso(Date.now() - 60_000), ...body });
  expect((await compensation({ stage: 'paid', amountInr: 50_000 }).expect(422)).body.details.field).toBe('stage');
  await compensation({ stage: 'awarded', amountInr: 200_000 }).expect(204);
  await compensation({ stage: 'paid', amountInr: 50_000 }).expect(204);
});

it('keeps her plan to her case team, admins with a reason, and the roles of each endpoint', async () => {
  const health = { service: 'medical-examination', providedAt: iso(Date.now() - 60_000), provider: 'government' };
  await post(`/people/${child}/health-services`, health, await serviceBearer('caseworker', 'bela')).expect(404);
  const admin = await serviceBearer('admin');
  const forbidden = await post(`/people/${child}/health-services`, health, admin).expect(403);
  expect(forbidden.body.details).toEqual([expect.objectContaining({ field: 'x-access-reason' })]);
  await api().post(`/people/${child}/health-services`).set('authorization', admin).set('x-access-reason', 'case-review').send(health).expect(204);
  await post(`/people/${child}/care-plan/goals`, { domain: 'education', status: 'achieved', setAt: iso() }, await serviceBearer('counsellor', 'asha')).expect(403);

  // Registered and on Asha's case team, but never rescued: no plan until one is opened by hand.
  const shelter = { name: 'Shakti Sadan, Howrah', kind: 'shakti-sadan', state: 'West Bengal', district: 'Howrah' };
  await post(`/people/${referred}/shelter-admissions`, { shelter, admittedAt: iso(Date.now() - 60_000) }).expect(404);
  await post(`/people/${referred}/care-plan`, { goals: ['safety', 'livelihood'], openedAt: iso(Date.now() - 60_000) }).expect(204);
  await post(`/people/${referred}/care-plan`, { goals: ['safety'], openedAt: iso(Date.now() - 60_000) }).expect(409);
  await post(`/people/${referred}/shelter-admissions`, { shelter, admittedAt: iso(Date.now() - 30_000) }).expect(204);
});

describe('names the field of a bad request on every command endpoint', () => {
  const at = new Date().toISOString();
  const badRequests: [string, object, string][] = [
    ['care-plan', { goals: [], openedAt: at }, 'goals'],
    ['care-plan/goals', { domain: 'happiness', status: 'open', setAt: at }, 'domain'],
    ['shelter-admissions', { shelter: { name: 'Snehalaya Home', kind: 'hotel', state: 'West Bengal', district: 'Howrah' }, admittedAt: at }, 'shelter.kind'],
    ['shelter-discharges', { dischargedAt: at, reason: 'bored' }, 'reason'],
    ['counselling-sessions', { heldAt: at, kind: 'chat', notes: 'she slept well' }, 'kind'],
    ['health-services', { service: 'medical-examination', providedAt: at, provider: 'quack' }, 'provider'],
    ['education-enrolments', { programme: 'school', enrolledAt: 'last monday' }, 'enrolledAt'],
    ['identity-documents', { document: 'passport', status: 'applied', recordedAt: at }, 'document'],
    ['repatriation-steps', { step: 'escort', at, home: { state: 'West Bengal' } }, 'home.district'],
    ['follow-up-schedule', { everyMonths: 0, forMonths: 6, from: at }, 'everyMonths'],
    ['follow-ups', { heldAt: at, status: 'fine', retraffickingRisk: 'low' }, 'status'],
    ['compensation', { stage: 'paid', scheme: 'court-ordered', at, amountInr: 0 }, 'amountInr'],
  ];

  it.each(badRequests)('POST /people/:personId/%s', async (path, body, field) => {
    // Counselling sessions are for counsellors; their body is checked before intake is called.
    const token = path === 'counselling-sessions' ? await serviceBearer('counsellor', 'asha') : asha;
    const { body: answer } = await post(`/people/${child}/${path}`, body, token).expect(400);
    expect(answer.details.map((problem: { field: string }) => problem.field)).toContain(field);
  });
});
