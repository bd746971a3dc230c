/**
 * The projection against the real broker and store: events published to the intake topic (out
 * of order, and one twice) become one ordered timeline and a right summary; rescue and
 * rehabilitation events raise alerts and show in the listings of her case team.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { EventEnvelope, intakeEventTypes, rehabilitationEventTypes, rescueEventTypes } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { EventPublisher } from '@mukti/messaging';
import { bearer, eventually, testInfrastructure, testLogger, uniqueDatabaseUri, uniqueName } from '@mukti/testing';
import { projectionConfig } from '../src/projection.config';
import { ProjectionModule } from '../src/projection.module';

jest.setTimeout(30_000);

const databaseUri = uniqueDatabaseUri('projection');
const config = projectionConfig.load({
  ...process.env,
  MONGODB_URI: databaseUri,
  KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
  PROJECTION_CONSUMER_GROUP: uniqueName('projection'),
});
const kafka = new Kafka({ clientId: 'projection-int-test', brokers: testInfrastructure.kafkaBrokers, logLevel: 0 });
const publisher = new EventPublisher(kafka);
let app: NestExpressApplication;
let mongo: MongoClient;
let caseworker: string;

const actor = { id: 'asha', role: 'caseworker' };
function event<T extends EventEnvelope['type']>(type: T, personId: string, time: string, data: EventEnvelope<T>['data']): EventEnvelope<T> {
  return { id: randomUUID(), type, source: '/mukti/intake', subject: personId, time, data, correlationId: randomUUID(), actor };
}
function herEvents(personId: string) {
  const registered = event(intakeEventTypes.personRegistered, personId, '2026-03-01T09:00:00.000Z', {
    personId,
    role: 'survivor',
    personalData: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' },
    gender: 'female',
    ageBand: '16-17',
    origin: { state: 'Bihar', district: 'Araria' },
    languages: ['hi'],
    referralSource: 'police',
    registeredAt: '2026-03-01T09:00:00.000Z',
  });
  const consented = event(intakeEventTypes.consentRecorded, personId, '2026-03-01T10:00:00.000Z', {
    personId,
    consentId: randomUUID(),
    scope: 'share-with-courts',
    decision: 'granted',
    givenBy: 'child-welfare-committee',
    decidedAt: '2026-03-01T10:00:00.000Z',
  });
  const assessed = event(intakeEventTypes.vulnerabilityAssessed, personId, '2026-03-02T09:00:00.000Z', {
    personId,
    assessmentId: randomUUID(),
    factors: ['debt', 'previous-trafficking'],
    score: 7,
    level: 'high',
    assessedAt: '2026-03-02T09:00:00.000Z',
  });
  const assigned = event(intakeEventTypes.staffAssigned, personId, '2026-03-01T09:00:00.000Z', {
    personId,
    staffId: 'asha',
    staffRole: 'caseworker',
    assignedAt: '2026-03-01T09:00:00.000Z',
  });
  return { registered, consented, assessed, assigned };
}

beforeAll(async () => {
  await publisher.connect();
  app = await createServiceApp(ProjectionModule.register(config, testLogger()), { logger: testLogger() });
  await app.init();
  mongo = await MongoClient.connect(databaseUri);
  caseworker = await bearer('caseworker', 'asha');
});

afterAll(async () => {
  await app.close();
  await publisher.disconnect();
  await mongo.db().dropDatabase();
  await mongo.close();
});

const api = () => request(app.getHttpServer());

it('builds one timeline in the order things happened, whatever the order and number of deliveries', async () => {
  const personId = randomUUID();
  const { registered, consented, assessed, assigned } = herEvents(personId);
  // Late arrivals and a redelivery: the assessment first, the consent twice, the registration last.
  await publisher.publish([assessed, consented, consented, registered, assigned]);

  const timeline = await eventually(async () => {
    const response = await api().get(`/people/${personId}/timeline`).set('authorization', caseworker).expect(200);
    expect(response.body.entries).toHaveLength(4);
    return response.body;
  });
  expect(timeline.entries.map((entry: { eventId: string }) => entry.eventId)).toEqual(
    [registered.id, assigned.id].sort().concat([consented.id, assessed.id]),
  );
  expect(timeline.entries.find((entry: { eventId: string }) => entry.eventId === registered.id)).toMatchObject({
    pillar: 'intake',
    type: intakeEventTypes.personRegistered,
    summary: 'Registered as a survivor (female, age 16-17) from Araria, Bihar; referred by police',
    actor,
  });
  expect(timeline.entries[2].summary).toBe('Consent to share with courts granted (given by the Child Welfare Committee)');

  const summary = await api().get(`/people/${personId}/summary`).set('authorization', caseworker).expect(200);
  expect(summary.body.pillars.intake).toMatchObject({
    status: 'registered',
    ageBand: '16-17',
    consents: { 'share-with-courts': 'granted' },
    vulnerability: { level: 'high', score: 7 },
  });
  expect(summary.body.caseTeam).toEqual({ asha: { role: 'caseworker', since: '2026-03-01T09:00:00.000Z' } });
  expect(summary.body.entryCount).toBe(4);
  expect(await mongo.db().collection('timeline_entries').countDocuments({ personId })).toBe(4);

  // Need-to-know: not on her team is 404; an admin needs a reason.
  await api().get(`/people/${personId}/timeline`).set('authorization', await bearer('caseworker', 'ravi')).expect(404);
  await api().get(`/people/${personId}/summary`).set('authorization', await bearer('counsellor', 'meera')).expect(404);
  await api().get(`/people/${personId}/timeline`).set('authorization', await bearer('admin')).expect(403);
  await api().get(`/people/${personId}/timeline`).set('authorization', await bearer('admin')).set('x-access-reason', 'audit').expect(200);
});

it('reports how far behind the topics it is, and is refused to analysts and strangers', async () => {
  const health = await eventually(async () => {
    const response = await api().get('/health').expect(200);
    expect(response.body.checks.kafka.lag.total).toBe(0);
    return response.body;
  });
  expect(health.checks.kafka.consumerGroup).toBe(config.PROJECTION_CONSUMER_GROUP);

  await api().get(`/people/${randomUUID()}/timeline`).set('authorization', caseworker).expect(404);
  await api().get(`/people/${randomUUID()}/timeline`).set('authorization', await bearer('analyst')).expect(403);
  await api().get(`/people/${randomUUID()}/timeline`).expect(401);
});

it('raises the alerts of her rescue on her summary and in the alert and people listings of her case team', async () => {
  const personId = randomUUID();
  const operationId = randomUUID();
  // Staff ids of their own: the listings show only the people on the caller's case teams.
  const caseworkerId = `caseworker-${randomUUID()}`;
  const counsellorId = `counsellor-${randomUUID()}`;
  const { registered } = herEvents(personId);
  const assign = (staffId: string, staffRole: 'caseworker' | 'counsellor') =>
    event(intakeEventTypes.staffAssigned, personId, '2026-03-01T09:00:00.000Z', { personId, staffId, staffRole, assignedAt: '2026-03-01T09:00:00.000Z' });
  const rescued = event(rescueEventTypes.personRescued, personId, '2026-03-02T02:00:00.000Z', {
    personId,
    operationId,
    rescuedAt: '2026-03-02T01:30:00.000Z',
    place: { state: 'Maharashtra', district: 'Mumbai', kindOfPlace: 'brothel' },
    policeRecordedAs: 'accused',
    decriminalisationAlert: true,
    ageAtRescue: 17,
    itpaAgeClass: 'minor',
    jjAgeClass: 'child',
    stepsDue: [
      { step: 'medical-examination', dueAt: '2026-03-03T01:30:00.000Z' },
      { step: 'production-before-child-welfare-committee', dueAt: '2026-03-03T01:30:00.000Z' },
    ],
  });
  const overdue = event(rescueEventTypes.postRescueStepOverdue, personId, '2026-03-03T02:00:00.000Z', {
    personId,
    operationId,
    step: 'medical-examination',
    dueAt: '2026-03-03T01:30:00.000Z',
    flaggedAt: '2026-03-03T02:00:00.000Z',
  });
  const carePlan = event(rehabilitationEventTypes.carePlanOpened, personId, '2026-03-02T03:00:00.000Z', {
    personId,
    openedAt: '2026-03-02T03:00:00.000Z',
    origin: 'rescued',
    operationId,
    child: true,
    goals: ['safety', 'mental-health'],
  });
  await publisher.publish([registered, assign(caseworkerId, 'caseworker'), assign(counsellorId, 'counsellor'), rescued, overdue, carePlan]);
  const herCaseworker = await bearer('caseworker', caseworkerId);
  const herCounsellor = await bearer('counsellor', counsellorId);

  const summary = await eventually(async () => {
    const response = await api().get(`/people/${personId}/summary`).set('authorization', herCaseworker).expect(200);
    expect(response.body.entryCount).toBe(6);
    return response.body;
  });
  expect(summary.pillars.rescue).toEqual({
    status: 'rescued',
    operationId,
    rescuedAt: '2026-03-02T01:30:00.000Z',
    policeRecordedAs: 'accused',
    itpaAgeClass: 'minor',
    jjAgeClass: 'child',
    steps: [
      { step: 'medical-examination', dueAt: '2026-03-03T01:30:00.000Z', overdue: true },
      { step: 'production-before-child-welfare-committee', dueAt: '2026-03-03T01:30:00.000Z', overdue: false },
    ],
  });
  expect(summary.pillars.rehabilitation).toMatchObject({ status: 'care-plan-open', origin: 'rescued', goals: { safety: 'open', 'mental-health': 'open' } });
  const decriminalisation = { kind: 'decriminalisation', pillar: 'rescue', raisedAt: '2026-03-02T02:00:00.000Z', details: { operationId, policeRecordedAs: 'accused' } };
  const stepOverdue = {
    kind: 'post-rescue-step-overdue',
    pillar: 'rescue',
    raisedAt: '2026-03-03T02:00:00.000Z',
    details: { operationId, step: 'medical-examination', dueAt: '2026-03-03T01:30:00.000Z' },
  };
  expect(summary.openAlerts).toEqual([decriminalisation, stepOverdue]);
  expect(summary.nextDueSteps.map((due: { what: string }) => due.what)).toEqual(['medical-examination', 'production-before-child-welfare-committee']);

  // Her caseworker sees both alerts, oldest first, and can narrow them down.
  const alerts = await api().get('/alerts').set('authorization', herCaseworker).expect(200);
  expect(alerts.body).toEqual({ alerts: [{ personId, ...decriminalisation }, { personId, ...stepOverdue }], total: 2 });
  const overdueOnly = await api().get('/alerts?kind=post-rescue-step-overdue&limit=1').set('authorization', herCaseworker).expect(200);
  expect(overdueOnly.body).toEqual({ alerts: [{ personId, ...stepOverdue }], total: 1 });
  const secondPage = await api().get('/alerts?limit=1&offset=1').set('authorization', herCaseworker).expect(200);
  expect(secondPage.body).toEqual({ alerts: [{ personId, ...stepOverdue }], total: 2 });

  // Her counsellor does not see the rescue pillar: neither its alerts nor its summary.
  expect((await api().get('/alerts').set('authorization', herCounsellor).expect(200)).body).toEqual({ alerts: [], total: 0 });
  const counsellorSummary = await api().get(`/people/${personId}/summary`).set('authorization', herCounsellor).expect(200);
  expect(Object.keys(counsellorSummary.body.pillars).sort()).toEqual(['intake', 'rehabilitation']);
  expect(counsellorSummary.body.openAlerts).toEqual([]);

  // Finding people: on her caseworker's case team, by profile and alerts.
  const withAlerts = await api().get('/people?hasOpenAlerts=true').set('authorization', herCaseworker).expect(200);
  expect(withAlerts.body.total).toBe(1);
  expect(withAlerts.body.people[0]).toMatchObject({
    personId,
    openAlerts: [decriminalisation, stepOverdue],
    lastEventAt: '2026-03-03T02:00:00.000Z',
    pillars: { rescue: { status: 'rescued' }, rehabilitation: { status: 'care-plan-open' } },
  });
  expect((await api().get('/people?hasOpenAlerts=false').set('authorization', herCaseworker).expect(200)).body).toEqual({ people: [], total: 0 });
  // No trafficking profile recorded yet: no one matches one.
  expect((await api().get('/people?exploitationType=forced-labour').set('authorization', herCaseworker).expect(200)).body.total).toBe(0);
  const asCounsellor = await api().get('/people').set('authorization', herCounsellor).expect(200);
  expect(asCounsellor.body.people).toEqual([expect.objectContaining({ personId, openAlerts: [] })]);
  expect(Object.keys(asCounsellor.body.people[0].pillars).sort()).toEqual(['intake', 'rehabilitation']);

  // Strangers to her case see nothing of her; bad filters are refused; analysts get no listing.
  expect((await api().get('/alerts').set('authorization', await bearer('caseworker', `caseworker-${randomUUID()}`)).expect(200)).body).toEqual({ alerts: [], total: 0 });
  await api().get('/alerts?kind=everything').set('authorization', herCaseworker).expect(400);
  await api().get('/alerts?limit=201').set('authorization', herCaseworker).expect(400);
  await api().get('/people?hasOpenAlerts=maybe').set('authorization', herCaseworker).expect(400);
  await api().get('/alerts').set('authorization', await bearer('analyst')).expect(403);
  await api().get('/people').set('authorization', await bearer('analyst')).expect(403);
});
