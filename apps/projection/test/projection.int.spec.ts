/**
 * The projection against the real broker and store: events published to the intake topic (out
 * of order, and one twice) become one ordered timeline and a right summary; rescue and
 * rehabilitation events raise alerts and show in the listings of her case team; a case's events,
 * keyed by the case, go on its victim's timeline and summary and into the prosecution indicators;
 * a survivor's livelihood events and a household's prevention plan, keyed by the household, go on
 * the timelines and summaries of the people they concern and into the programme indicators.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { EventEnvelope, eventCatalog, intakeEventTypes, legalEventTypes, livelihoodEventTypes, rehabilitationEventTypes, rescueEventTypes, topicProducers } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { EventPublisher } from '@mukti/messaging';
import { serviceBearer, eventually, testInfrastructure, testLogger, uniqueDatabaseUri, uniqueName, testKafka, superUserKafkaEnvironment } from '@mukti/testing';
import { LivelihoodIndicators, livelihoodIndicators } from '../src/indicators/indicators';
import { projectionConfig } from '../src/projection.config';
import { ProjectionModule } from '../src/projection.module';
import type { PersonSummary } from '../src/timeline/person-summary';

jest.setTimeout(30_000);

const databaseUri = uniqueDatabaseUri('projection');
const config = projectionConfig.load({
  ...process.env,
  MONGODB_URI: databaseUri,
  ...superUserKafkaEnvironment(),
  PROJECTION_CONSUMER_GROUP: uniqueName('projection'),
});
const kafka = testKafka('projection-int-test');
const publisher = new EventPublisher(kafka);
let app: NestExpressApplication;
let mongo: MongoClient;
let caseworker: string;

const actor = { id: 'asha', role: 'caseworker' };
function event<T extends EventEnvelope['type']>(type: T, personId: string, time: string, data: EventEnvelope<T>['data']): EventEnvelope<T> {
  // From the producer that owns its topic, as consumers insist.
  return { id: randomUUID(), type, source: topicProducers[eventCatalog[type].topic], subject: personId, time, data, correlationId: randomUUID(), actor };
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
  // Its @EventPattern handlers start consuming, as startServiceApp starts them.
  await app.startAllMicroservices();
  mongo = await MongoClient.connect(databaseUri);
  caseworker = await serviceBearer('caseworker', 'asha');
  // Its group is new, so it reads the shared topics from offset 0: let it catch up with what other
  // suites published before this one's events, so each test waits for its own events only.
  await eventually(async () => {
    // A fresh service token each time: they live a minute.
    const details = await request(app.getHttpServer()).get('/health/details').set('authorization', await serviceBearer('admin')).expect(200);
    expect(details.body.checks.kafka.lag.total).toBe(0);
  }, 240_000, 500);
}, 300_000);

afterAll(async () => {
  await app.close();
  await publisher.disconnect();
  await mongo.db().dropDatabase();
  await mongo.close();
});

const api = () => request(app.getHttpServer());

/**
 * Her summary once these events are on her timeline (they come on several topics, in no order
 * between them): an entry is written last, after her summary and the listings kept from it
 * (caseloads, alerts), so a listing read after this has them too.
 */
const summaryOnceProjected = (personId: string, bearer: string, ...events: { id: string }[]) =>
  eventually(async () => {
    const timeline = await api().get(`/people/${personId}/timeline?limit=200`).set('authorization', bearer).expect(200);
    expect(timeline.body.entries.map((entry: { eventId: string }) => entry.eventId)).toEqual(expect.arrayContaining(events.map((event) => event.id)));
    return (await api().get(`/people/${personId}/summary`).set('authorization', bearer).expect(200)).body;
  });

it('builds one timeline in the order things happened, whatever the order and number of deliveries', async () => {
  const personId = randomUUID();
  const { registered, consented, assessed, assigned } = herEvents(personId);
  // Late arrivals and a redelivery: the assessment first, the consent twice, the registration last.
  await publisher.publish([assessed, consented, consented, registered, assigned]);

  const timeline = await eventually(async () => {
    const response = await api().get(`/people/${personId}/timeline?order=oldest-first`).set('authorization', caseworker).expect(200);
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
  await api().get(`/people/${personId}/timeline?order=oldest-first`).set('authorization', await serviceBearer('caseworker', 'ravi')).expect(404);
  await api().get(`/people/${personId}/summary`).set('authorization', await serviceBearer('counsellor', 'meera')).expect(404);
  await api().get(`/people/${personId}/timeline?order=oldest-first`).set('authorization', await serviceBearer('admin')).expect(403);
  await api().get(`/people/${personId}/timeline?order=oldest-first`).set('authorization', await serviceBearer('admin')).set('x-access-reason', 'audit').expect(200);
});

it('pages her timeline newest first by a cursor, however long it is, without skipping or repeating an entry', async () => {
  const personId = randomUUID();
  const { registered, assigned } = herEvents(personId);
  // Seven consents, two of them at the same moment: a page boundary may fall between them.
  const at = (minute: number) => `2026-03-0${minute < 6 ? 2 : 3}T10:0${minute % 6}:00.000Z`;
  const consents = [0, 1, 2, 3, 3, 4, 5].map((minute) => {
    const event = herEvents(personId).consented;
    return { ...event, id: randomUUID(), time: at(minute), data: { ...event.data, consentId: randomUUID(), decidedAt: at(minute) } };
  });
  await publisher.publish([registered, assigned, ...consents]);
  const all = await eventually(async () => {
    const response = await api().get(`/people/${personId}/timeline?order=oldest-first&limit=500`).set('authorization', caseworker).expect(200);
    expect(response.body.entries).toHaveLength(9);
    expect(response.body.nextCursor).toBeUndefined();
    return response.body.entries.map((entry: { eventId: string }) => entry.eventId) as string[];
  });
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const response = await api()
      .get(`/people/${personId}/timeline`)
      .query({ limit: 2, ...(cursor ? { cursor } : {}) })
      .set('authorization', caseworker)
      .expect(200);
    pages.push(response.body.entries.map((entry: { eventId: string }) => entry.eventId));
    cursor = response.body.nextCursor;
  } while (cursor && pages.length < 10);
  expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 2, 1]);
  expect(pages.flat()).toEqual([...all].reverse());
  // A cursor this service did not write is refused, naming the field.
  const refused = await api().get(`/people/${personId}/timeline`).query({ cursor: 'bm90LWEtY3Vyc29y' }).set('authorization', caseworker).expect(400);
  expect(refused.body.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
});

it('reports how far behind the topics it is, and is refused to analysts and strangers', async () => {
  const health = await eventually(async () => {
    const response = await api().get('/health/details').set('authorization', await serviceBearer('admin')).expect(200);
    expect(response.body.checks.kafka.lag.total).toBe(0);
    return response.body;
  });
  expect(health.checks.kafka.consumerGroup).toBe(config.PROJECTION_CONSUMER_GROUP);

  await api().get(`/people/${randomUUID()}/timeline?order=oldest-first`).set('authorization', caseworker).expect(404);
  await api().get(`/people/${randomUUID()}/timeline?order=oldest-first`).set('authorization', await serviceBearer('analyst')).expect(403);
  await api().get(`/people/${randomUUID()}/timeline?order=oldest-first`).expect(401);
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
  const published = [registered, assign(caseworkerId, 'caseworker'), assign(counsellorId, 'counsellor'), rescued, overdue, carePlan];
  await publisher.publish(published);
  const herCaseworker = await serviceBearer('caseworker', caseworkerId);
  const herCounsellor = await serviceBearer('counsellor', counsellorId);

  const summary = await summaryOnceProjected(personId, herCaseworker, ...published);
  expect(summary.entryCount).toBe(6);
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
  expect((await api().get('/alerts').set('authorization', await serviceBearer('caseworker', `caseworker-${randomUUID()}`)).expect(200)).body).toEqual({ alerts: [], total: 0 });
  await api().get('/alerts?kind=everything').set('authorization', herCaseworker).expect(400);
  await api().get('/alerts?limit=201').set('authorization', herCaseworker).expect(400);
  await api().get('/people?hasOpenAlerts=maybe').set('authorization', herCaseworker).expect(400);
  await api().get('/alerts').set('authorization', await serviceBearer('analyst')).expect(403);
  await api().get('/people').set('authorization', await serviceBearer('analyst')).expect(403);
});

it('puts a case on its victim\'s timeline and summary, raises its alerts, and counts it in the prosecution indicators, without a perpetrator\'s data', async () => {
  const personId = randomUUID();
  const caseId = randomUUID();
  const [keeperId, lodgeOwnerId, buyerId] = [randomUUID(), randomUUID(), randomUUID()];
  // A state no other run uses: the indicators count every case on the topic, and this one alone in it.
  const state = `Teststate ${randomUUID().slice(0, 8)}`;
  const legalOfficerId = `legal-officer-${randomUUID()}`;
  const lawyer = { id: legalOfficerId, role: 'legal-officer' };
  const legal = <T extends EventEnvelope['type']>(type: T, subject: string, time: string, data: EventEnvelope<T>['data']): EventEnvelope<T> => ({
    id: randomUUID(),
    type,
    source: '/mukti/legal',
    subject,
    time,
    data,
    correlationId: randomUUID(),
    actor: lawyer,
  });
  const sealedName = 'U2VjcmV0IFNoYW5rYXI=';
  const profiled = (perpetratorId: string, category: 'brothel-keeper' | 'hotel-or-lodge-owner' | 'buyer', beneficiary: 'direct' | 'indirect') =>
    legal(legalEventTypes.perpetratorProfiled, perpetratorId, '2026-03-01T08:00:00.000Z', {
      perpetratorId,
      category,
      beneficiary,
      personalData: { keyId: perpetratorId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: sealedName, authTag: 'dGFn' },
      knownPlaces: [{ state, district: 'Mumbai' }],
      profiledAt: '2026-03-01T08:00:00.000Z',
    });
  const ofCase = { caseId, victimIds: [personId] };
  const { registered } = herEvents(personId);
  const assign = (staffId: string, staffRole: 'caseworker' | 'legal-officer') =>
    event(intakeEventTypes.staffAssigned, personId, '2026-03-01T09:00:00.000Z', { personId, staffId, staffRole, assignedAt: '2026-03-01T09:00:00.000Z' });
  // Registered before the FIR was sealed (v1, already on the topic): its number and station are never copied.
  const fir = legal(legalEventTypes.firRegisteredV1, caseId, '2026-03-02T10:00:00.000Z', {
    ...ofCase,
    fir: { policeStation: 'Kamathipura', district: 'Mumbai', state, number: '123/2026', registeredAt: '2026-03-02T10:00:00.000Z' },
    sections: [
      { act: 'itpa', section: '3' },
      { act: 'itpa', section: '4' },
      { act: 'itpa', section: '5' },
    ],
    accusedIds: [keeperId, lodgeOwnerId, buyerId],
    mainAccusedId: keeperId,
  });
  // The police listed her as accused too (soliciting, ITPA s.8): a survivor is never an offender.
  const assignment = assign(legalOfficerId, 'legal-officer');
  const namedAsAccused = legal(legalEventTypes.survivorNamedAsAccused, personId, '2026-03-02T10:00:00.000Z', { personId, caseId, namedAt: '2026-03-02T10:00:00.000Z' });
  const arrested = legal(legalEventTypes.accusedArrested, caseId, '2026-03-03T06:00:00.000Z', { ...ofCase, perpetratorId: keeperId, arrestedAt: '2026-03-03T06:00:00.000Z' });
  const missing = legal(legalEventTypes.chargeSheetMissing, caseId, '2026-05-01T10:05:00.000Z', {
    ...ofCase,
    daysAfterFir: 60,
    dueAt: '2026-05-01T10:00:00.000Z',
    flaggedAt: '2026-05-01T10:05:00.000Z',
  });
  const chargeSheet = legal(legalEventTypes.chargeSheetFiled, caseId, '2026-05-16T10:00:00.000Z', {
    ...ofCase,
    filedAt: '2026-05-16T10:00:00.000Z',
    sections: [
      { act: 'itpa', section: '3' },
      { act: 'itpa', section: '5' },
    ],
    accusedIds: [keeperId, lodgeOwnerId, buyerId],
    daysAfterFir: 75,
  });
  const hearing = legal(legalEventTypes.hearingRecorded, caseId, '2026-06-10T06:00:00.000Z', {
    ...ofCase,
    heldAt: '2026-06-10T06:00:00.000Z',
    court: 'sessions-court',
    stage: 'prosecution-evidence',
    nextHearingAt: '2026-07-01T05:30:00.000Z',
  });
  const support = legal(legalEventTypes.witnessSupportRecorded, caseId, '2026-07-01T05:30:00.000Z', {
    ...ofCase,
    personId,
    at: '2026-07-01T05:30:00.000Z',
    testimony: 'deposition-in-court',
    inCamera: true,
    supportPerson: true,
    protectionMeasures: ['screen-in-court'],
    travelSupported: true,
  });
  const convicted = legal(legalEventTypes.verdictRecorded, caseId, '2026-11-02T06:00:00.000Z', {
    ...ofCase,
    perpetratorId: keeperId,
    outcome: 'convicted',
    decidedAt: '2026-11-02T06:00:00.000Z',
    court: 'sessions-court',
    sentenceMonths: 84,
  });
  const acquitted = legal(legalEventTypes.verdictRecorded, caseId, '2026-11-02T06:01:00.000Z', {
    ...ofCase,
    perpetratorId: buyerId,
    outcome: 'acquitted',
    decidedAt: '2026-11-02T06:01:00.000Z',
    court: 'sessions-court',
  });
  // The lodge owner's trial goes on.
  const nextHearing = legal(legalEventTypes.hearingRecorded, caseId, '2026-11-20T06:00:00.000Z', {
    ...ofCase,
    heldAt: '2026-11-20T06:00:00.000Z',
    court: 'sessions-court',
    stage: 'defence-evidence',
    nextHearingAt: '2027-01-12T05:30:00.000Z',
  });
  await publisher.publish([
    registered,
    assignment,
    profiled(keeperId, 'brothel-keeper', 'direct'),
    profiled(lodgeOwnerId, 'hotel-or-lodge-owner', 'indirect'),
    profiled(buyerId, 'buyer', 'direct'),
    fir,
    namedAsAccused,
    arrested,
    missing,
    chargeSheet,
    hearing,
    support,
    convicted,
    acquitted,
    nextHearing,
  ]);
  const herLegalOfficer = await serviceBearer('legal-officer', legalOfficerId);
  const caseEvents = [fir, arrested, missing, chargeSheet, hearing, support, convicted, acquitted, nextHearing];

  const summary = await summaryOnceProjected(personId, herLegalOfficer, registered, assignment, namedAsAccused, ...caseEvents);
  expect(summary.entryCount).toBe(2 + 1 + caseEvents.length);
  expect(summary.pillars.legal).toEqual({
    status: 'verdict',
    cases: [
      {
        caseId,
        firRegisteredAt: '2026-03-02T10:00:00.000Z',
        stage: 'verdict',
        accusedCount: 3,
        arrested: 1,
        absconding: 0,
        convictions: 1,
        acquittals: 1,
        witnessSupport: { count: 1, inCamera: 1 },
        compensationOrderedInr: 0,
        nextHearingAt: '2027-01-12T05:30:00.000Z',
      },
    ],
  });
  // A legal officer sees the intake and legal pillars; the charge sheet closed the charge-sheet-missing alert.
  expect(Object.keys(summary.pillars).sort()).toEqual(['intake', 'legal']);
  const decriminalisation = { kind: 'decriminalisation', pillar: 'legal', raisedAt: '2026-03-02T10:00:00.000Z', details: { caseId } };
  expect(summary.openAlerts).toEqual([decriminalisation]);
  expect(summary.nextDueSteps).toEqual([{ pillar: 'legal', what: 'next-hearing', dueAt: '2027-01-12T05:30:00.000Z' }]);
  const alerts = await api().get('/alerts').set('authorization', herLegalOfficer).expect(200);
  expect(alerts.body).toEqual({ alerts: [{ personId, ...decriminalisation }], total: 1 });

  // Her timeline: every event of her case under its own id, in the order things happened; no perpetrator's profile.
  const timeline = await api().get(`/people/${personId}/timeline?order=oldest-first`).set('authorization', herLegalOfficer).expect(200);
  const legalEntries = timeline.body.entries.filter((entry: { pillar: string }) => entry.pillar === 'legal');
  expect(legalEntries.map((entry: { eventId: string }) => entry.eventId)).toEqual(
    [fir.id, namedAsAccused.id].sort().concat([arrested.id, missing.id, chargeSheet.id, hearing.id, support.id, convicted.id, acquitted.id, nextHearing.id]),
  );
  const summaries = Object.fromEntries(legalEntries.map((entry: { eventId: string; summary: string }) => [entry.eventId, entry.summary]));
  expect(summaries[fir.id]).toBe(`FIR registered (case ${caseId}) in Mumbai, ${state}: ITPA s.3, s.4, s.5; 3 accused`);
  // Nothing of the FIR's number or police station in the projection's store: her team reads them from the case.
  for (const name of ['timeline_entries', 'person_summaries', 'prosecution_cases']) {
    const stored = JSON.stringify(await mongo.db().collection(name).find().toArray());
    expect(stored).not.toContain('123/2026');
    expect(stored).not.toContain('Kamathipura');
  }
  expect(summaries[arrested.id]).toBe('Accused arrested');
  expect(summaries[convicted.id]).toBe('Verdict: convicted, 84 months (the sessions court)');
  expect(summaries[support.id]).toBe('Supported as a witness: deposition in court; in camera; with a support person; protection: screen in court; travel supported');
  expect(legalEntries.find((entry: { eventId: string }) => entry.eventId === fir.id)).toMatchObject({ type: legalEventTypes.firRegisteredV1, actor: lawyer });
  // One entry per (event, victim), keyed by both; nothing of a perpetrator anywhere in the projection's store.
  expect(await mongo.db().collection('timeline_entries').countDocuments({ eventId: fir.id })).toBe(1);
  expect(await mongo.db().collection('timeline_entries').findOne({ eventId: fir.id })).toMatchObject({ _id: `${fir.id}:${personId}`, personId });
  for (const collection of ['timeline_entries', 'person_summaries', 'prosecution_cases', 'prosecution_perpetrators']) {
    const stored = JSON.stringify(await mongo.db().collection(collection).find({}).toArray());
    expect(stored).not.toContain(sealedName);
  }
  expect(await mongo.db().collection('prosecution_perpetrators').findOne({ _id: keeperId as never })).toEqual({
    _id: keeperId,
    perpetratorId: keeperId,
    category: 'brothel-keeper',
    beneficiary: 'direct',
  });

  // The prosecution indicators: numbers only, for admins only.
  const admin = await serviceBearer('admin');
  const indicators = await eventually(async () => {
    const response = await api().get('/prosecution-indicators').set('authorization', admin).expect(200);
    expect(response.body.byState[state]?.accused.byBeneficiary.unknown).toBe(0);
    return response.body;
  });
  const none = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0]));
  expect(indicators.byState[state]).toEqual({
    cases: { registered: 1, byStage: { ...none(['fir-registered', 'charge-sheet-filed', 'trial', 'closed']), verdict: 1 } },
    chargeSheets: { filed: 1, casesRegistered: 1, rate: 1 },
    convictions: { convicted: 1, acquitted: 1, accusedWithVerdict: 2, rate: 0.5 },
    accused: {
      total: 3,
      byBeneficiary: { direct: 1, buyers: 1, indirect: 1, unknown: 0 },
      byCategory: expect.objectContaining({ 'brothel-keeper': 1, 'hotel-or-lodge-owner': 1, buyer: 1, trafficker: 0, unknown: 0 }),
    },
    mainAccusedNotArrested: { total: 0, neverNamed: 0, absconding: 0, notArrested: 0 },
  });
  expect(indicators.cases.registered).toBeGreaterThanOrEqual(1);
  const wire = JSON.stringify(indicators);
  for (const leak of [caseId, personId, keeperId, lodgeOwnerId, buyerId, '123/2026', 'Kamathipura']) expect(wire).not.toContain(leak);
  await api().get('/prosecution-indicators').set('authorization', herLegalOfficer).expect(403);
  await api().get('/prosecution-indicators').set('authorization', await serviceBearer('analyst')).expect(403);
});

it('puts a survivor\'s livelihood and a household\'s prevention plan on the timelines and summaries of the people concerned, with the wage alert, and counts them in the indicators', async () => {
  const survivorId = randomUUID();
  const [daughterId, sonId] = [randomUUID(), randomUUID()];
  const householdId = randomUUID();
  const [trainingId, placementId, supportId] = [randomUUID(), randomUUID(), randomUUID()];
  const officerId = `livelihood-officer-${randomUUID()}`;
  const kiran = { id: officerId, role: 'livelihood-officer' };
  const livelihood = <T extends EventEnvelope['type']>(type: T, subject: string, time: string, data: EventEnvelope<T>['data']): EventEnvelope<T> => ({
    id: randomUUID(),
    type,
    source: '/mukti/livelihood',
    subject,
    time,
    data,
    correlationId: randomUUID(),
    actor: kiran,
  });
  const registration = (personId: string, role: 'survivor' | 'at-risk', ageBand: '25-34' | '18-24') =>
    event(intakeEventTypes.personRegistered, personId, '2026-01-02T09:00:00.000Z', {
      personId,
      role,
      personalData: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' },
      gender: 'female',
      ageBand,
      origin: { state: 'West Bengal', district: 'South 24 Parganas' },
      languages: ['bn'],
      referralSource: 'community',
      registeredAt: '2026-01-02T09:00:00.000Z',
    });
  const assignKiran = (personId: string) =>
    event(intakeEventTypes.staffAssigned, personId, '2026-01-02T09:30:00.000Z', { personId, staffId: officerId, staffRole: 'livelihood-officer', assignedAt: '2026-01-02T09:30:00.000Z' });
  const minimumWage = {
    monthlyInr: 11000,
    state: 'West Bengal',
    skillLevel: 'semi-skilled' as const,
    source: 'Labour Department, Government of West Bengal, minimum wages notification',
    effectiveFrom: '2025-01-01',
  };
  const codedWage = { monthlyInr: 11000, state: 'West Bengal', skillLevel: 'semi-skilled', effectiveFrom: '2025-01-01' };

  // The survivor: her plan, a training, a placement below the minimum wage.
  const planOpened = livelihood(livelihoodEventTypes.livelihoodPlanOpened, survivorId, '2026-01-10T00:00:00.000Z', {
    personId: survivorId,
    origin: 'care-plan',
    openedAt: '2026-01-10T00:00:00.000Z',
  });
  // Recorded before the trade and the provider were sealed (v1, already on the topic): never copied.
  const trainingStarted = livelihood(livelihoodEventTypes.skillTrainingStartedV1, survivorId, '2026-01-15T00:00:00.000Z', {
    personId: survivorId,
    trainingId,
    trade: 'Tailoring and garment making',
    provider: 'Jan Shikshan Sansthan, Kolkata',
    skillLevel: 'semi-skilled',
    startedAt: '2026-01-15T00:00:00.000Z',
    plannedEndAt: '2026-04-15T00:00:00.000Z',
  });
  const trainingEnded = livelihood(livelihoodEventTypes.skillTrainingEnded, survivorId, '2026-04-15T00:00:00.000Z', {
    personId: survivorId,
    trainingId,
    outcome: 'completed',
    endedAt: '2026-04-15T00:00:00.000Z',
    certified: true,
  });
  // Recorded before the employer's name was sealed (v1, already on the topic): the name is never copied.
  const placed = livelihood(livelihoodEventTypes.placementStartedV1, survivorId, '2026-05-01T00:00:00.000Z', {
    personId: survivorId,
    placementId,
    kind: 'wage-employment',
    employerOrEnterprise: 'Sonar Tailoring Unit',
    sector: 'garments-and-tailoring',
    skillLevel: 'semi-skilled',
    state: 'West Bengal',
    startedAt: '2026-05-01T00:00:00.000Z',
    monthlyIncomeInr: 9500,
    minimumWage,
    sustainableWage: false,
  });
  // The household: two people at risk, a plan keyed by the household, a support, and one of them counted as an entry prevented.
  const householdRegistered = event(intakeEventTypes.householdRegisteredV1, householdId, '2026-01-03T09:00:00.000Z', {
    householdId,
    place: { state: 'West Bengal', district: 'South 24 Parganas', villageOrWard: 'Canning' },
    memberIds: [daughterId, sonId],
    registeredAt: '2026-01-03T09:00:00.000Z',
  });
  const ofPlan = { preventionPlanId: householdId, subject: 'household' as const, personIds: [daughterId, sonId] };
  const preventionPlanOpened = livelihood(livelihoodEventTypes.preventionPlanOpened, householdId, '2026-01-05T00:00:00.000Z', {
    ...ofPlan,
    openedAt: '2026-01-05T00:00:00.000Z',
  });
  const supported = livelihood(livelihoodEventTypes.preventionSupportRecorded, householdId, '2026-01-10T00:00:00.000Z', {
    ...ofPlan,
    supportId,
    kind: 'education-support',
    status: 'ongoing',
    startedAt: '2026-01-10T00:00:00.000Z',
  });
  const prevented = livelihood(livelihoodEventTypes.entryPrevented, householdId, '2027-01-10T00:05:00.000Z', {
    ...ofPlan,
    personId: daughterId,
    followedSince: '2026-01-10T00:00:00.000Z',
    countedAt: '2027-01-10T00:05:00.000Z',
  });

  const herOfficer = await serviceBearer('livelihood-officer', officerId);
  await publisher.publish([
    registration(survivorId, 'survivor', '25-34'),
    assignKiran(survivorId),
    registration(daughterId, 'at-risk', '18-24'),
    registration(sonId, 'at-risk', '18-24'),
    assignKiran(daughterId),
    assignKiran(sonId),
    householdRegistered,
    planOpened,
    trainingStarted,
    trainingEnded,
    placed,
    preventionPlanOpened,
    supported,
    prevented,
  ]);

  // Placed below the minimum wage: the alert is open, on her summary and in her officer's alert listing.
  const below = await summaryOnceProjected(survivorId, herOfficer, planOpened, trainingStarted, trainingEnded, placed);
  expect(below.entryCount).toBe(6);
  const belowMinimumWage = {
    kind: 'below-minimum-wage',
    pillar: 'livelihood',
    raisedAt: '2026-05-01T00:00:00.000Z',
    details: { placementId, monthlyIncomeInr: '9500', minimumWageInr: '11000' },
  };
  expect(below.openAlerts).toEqual([belowMinimumWage]);
  expect(below.pillars.livelihood.placements.current).toEqual([expect.objectContaining({ placementId, monthlyIncomeInr: 9500, sustainableWage: false })]);
  expect((await api().get('/alerts?kind=below-minimum-wage').set('authorization', herOfficer).expect(200)).body).toEqual({
    alerts: [{ personId: survivorId, ...belowMinimumWage }],
    total: 1,
  });

  // A follow-up finds her above it: the alert closes.
  const followedUp = livelihood(livelihoodEventTypes.incomeFollowedUp, survivorId, '2026-08-01T00:00:00.000Z', {
    personId: survivorId,
    placementId,
    at: '2026-08-01T00:00:00.000Z',
    monthlyIncomeInr: 12000,
    minimumWage,
    sustainableWage: true,
  });
  await publisher.publish([followedUp]);
  const above = await summaryOnceProjected(survivorId, herOfficer, followedUp);
  expect(above.entryCount).toBe(7);
  expect(above.openAlerts).toEqual([]);
  expect(Object.keys(above.pillars).sort()).toEqual(['intake', 'livelihood', 'prevention']);
  expect(above.pillars.livelihood).toEqual({
    status: 'plan-open',
    origin: 'care-plan',
    planOpenedAt: '2026-01-10T00:00:00.000Z',
    trainings: { inTraining: 0, completed: 1, certified: 1, droppedOut: 0 },
    placements: {
      current: [
        {
          placementId,
          kind: 'wage-employment',
          sector: 'garments-and-tailoring',
          skillLevel: 'semi-skilled',
          state: 'West Bengal',
          startedAt: '2026-05-01T00:00:00.000Z',
          monthlyIncomeInr: 12000,
          minimumWage: codedWage,
          sustainableWage: true,
          incomeKnownAt: '2026-08-01T00:00:00.000Z',
        },
      ],
      lost: 0,
    },
    financialInclusion: { bankAccount: false, selfHelpGroup: false },
    schemes: {},
  });
  expect(above.pillars.prevention).toEqual({ status: 'not-covered', outcome: 'not-followed', plans: [] });
  expect((await api().get('/alerts').set('authorization', herOfficer).expect(200)).body).toEqual({ alerts: [], total: 0 });

  const timeline = await api().get(`/people/${survivorId}/timeline?order=oldest-first`).set('authorization', herOfficer).expect(200);
  const livelihoodEntries = timeline.body.entries.filter((entry: { pillar: string }) => entry.pillar === 'livelihood');
  expect(livelihoodEntries.map((entry: { eventId: string; summary: string }) => [entry.eventId, entry.summary])).toEqual([
    [planOpened.id, "Livelihood plan opened from her care plan's livelihood goal"],
    [trainingStarted.id, 'Skill training started (for semi-skilled work), to end 2026-04-15'],
    [trainingEnded.id, 'Skill training completed, certified'],
    [placed.id, 'Placed in a job (garments and tailoring) at ₹9,500 a month: BELOW the minimum wage of ₹11,000 for semi-skilled work in West Bengal'],
    [followedUp.id, 'Income followed up: ₹12,000 a month, at or above the minimum wage'],
  ]);
  expect(livelihoodEntries[3]).toMatchObject({ type: livelihoodEventTypes.placementStartedV1, actor: kiran });
  // Her summary keeps codes: no employer, trade or provider.
  expect(JSON.stringify(await mongo.db().collection('person_summaries').findOne({ _id: survivorId as never }))).not.toMatch(/Sonar|Tailoring and garment|Sansthan/);
  // Nor do her timeline's sentences: where she works and trains is where she can be found.
  expect(JSON.stringify(await mongo.db().collection('timeline_entries').find({ personId: survivorId }).toArray())).not.toMatch(/Sonar|Tailoring and garment|Sansthan/);

  // The household's plan: on both of its people's timelines, one entry each keyed by the event and her; the household itself on no one's.
  const summaries = await Promise.all(
    [daughterId, sonId].map((personId) =>
      eventually(async () => {
        const response = await api().get(`/people/${personId}/summary`).set('authorization', herOfficer).expect(200);
        expect(response.body.entryCount).toBe(5);
        return response.body;
      }),
    ),
  );
  const planView = (outcome: string) => ({
    status: 'covered',
    outcome,
    plans: [
      {
        planId: householdId,
        subject: 'household',
        openedAt: '2026-01-05T00:00:00.000Z',
        supports: { 'education-support': { ongoing: 1 } },
        followedSince: '2026-01-10T00:00:00.000Z',
        outcome,
      },
    ],
  });
  expect(summaries[0].pillars.prevention).toEqual(planView('entry-prevented'));
  expect(summaries[1].pillars.prevention).toEqual(planView('followed'));
  for (const [personId, preventedWords] of [
    [daughterId, 'Counted as an entry prevented: followed 12 months with no entry into exploitation'],
    [sonId, 'Another person her prevention plan covers counted as an entry prevented'],
  ]) {
    const entries = (await api().get(`/people/${personId}/timeline?order=oldest-first`).set('authorization', herOfficer).expect(200)).body.entries.filter(
      (entry: { pillar: string }) => entry.pillar === 'livelihood',
    );
    expect(entries.map((entry: { eventId: string; summary: string }) => [entry.eventId, entry.summary])).toEqual([
      [preventionPlanOpened.id, 'Prevention plan opened for her household: 2 people at risk followed'],
      [supported.id, 'Prevention support for her household: education support, ongoing'],
      [prevented.id, preventedWords],
    ]);
  }
  expect(await mongo.db().collection('timeline_entries').find({ eventId: prevented.id }).sort({ _id: 1 }).map((entry) => entry._id).toArray()).toEqual(
    [`${prevented.id}:${daughterId}`, `${prevented.id}:${sonId}`].sort(),
  );
  expect(await mongo.db().collection('timeline_entries').countDocuments({ eventId: householdRegistered.id })).toBe(0);
  expect(await mongo.db().collection('person_summaries').countDocuments({ _id: householdId as never })).toBe(0);

  // The indicators: what these three people add, counted from the summaries; served as counts, every count under k suppressed.
  const stored = async () => mongo.db().collection('person_summaries').find({}).project({ facts: 0 }).toArray() as unknown as Promise<PersonSummary[]>;
  const ours = (await stored()).filter((summary) => ([survivorId, daughterId, sonId] as string[]).includes(summary.personId));
  expect(livelihoodIndicators(ours, 1)).toEqual({
    peopleInTraining: 0,
    peoplePlaced: 1,
    peoplePlacedAtMinimumWage: 1,
    householdsSupported: 1,
    peopleFollowedByPrevention: 2,
    entriesPrevented: 1,
    entriesIntoExploitation: 0,
  });
  const admin = await serviceBearer('admin');
  const served = await eventually(async () => {
    const response = await api().get('/indicators').set('authorization', admin).expect(200);
    // The topics hold other runs' people too: the same numbers as counted from everyone's summaries.
    expect(response.body.livelihood).toEqual(livelihoodIndicators(await stored(), 11));
    return response.body.livelihood as LivelihoodIndicators;
  });
  // Where a number is shown (not suppressed), it is at least k and counts these people: zero only when they add nothing.
  for (const [indicator, added] of Object.entries(livelihoodIndicators(ours, 1)) as [keyof LivelihoodIndicators, number][]) {
    const count = served[indicator];
    if (count === 0) expect(added).toBe(0);
    else if (count !== null) expect(count).toBeGreaterThanOrEqual(Math.max(added, 11));
  }
  const wire = JSON.stringify(served);
  for (const leak of [survivorId, daughterId, sonId, householdId, 'Sonar']) expect(wire).not.toContain(leak);
  expect(Object.keys((await api().get('/indicators').set('authorization', await serviceBearer('analyst')).expect(200)).body.livelihood).sort()).toEqual(Object.keys(served).sort());
  await api().get('/indicators').set('authorization', herOfficer).expect(403);
});
