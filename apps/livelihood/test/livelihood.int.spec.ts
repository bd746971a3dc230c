/**
 * The livelihood service against the real broker and store: it learns people, case teams and
 * households from intake's topic; a care plan with a livelihood goal opens her livelihood plan by
 * itself; her pay is compared with the minimum wage on file; a household's people at risk are
 * followed from the first support and counted as entries prevented 12 months later by the test's
 * clock, unless a rescue shows one entered exploitation.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { EventEnvelope, EventType, intakeEventTypes, livelihoodEventTypes, rehabilitationEventTypes, rescueEventTypes, topics } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { fencedCollection } from '@mukti/persistence';
import { EventPublisher } from '@mukti/messaging';
import { serviceBearer, startIntakeSealingStandIn, eventually, ManualClock, RawMessage, readTopic, testInfrastructure, testLogger, uniqueDatabaseUri, uniqueName, testKafka, superUserKafkaEnvironment } from '@mukti/testing';
import { livelihoodConfig } from '../src/livelihood.config';
import { LivelihoodModule } from '../src/livelihood.module';
import { PreventionPlanStore } from '../src/prevention-plan/prevention-plan.store';
import { EntryOnRescue } from '../src/prevention-plan/reactions/record-entry-on-rescue';

jest.setTimeout(60_000);

const DAY = 24 * 3600_000;
const databaseUri = uniqueDatabaseUri('livelihood');
const config = livelihoodConfig.load({
  ...process.env,
  MONGODB_URI: databaseUri,
  ...superUserKafkaEnvironment(),
  LIVELIHOOD_CONSUMER_GROUP: uniqueName('livelihood'),
  LIVELIHOOD_DEADLINE_SWEEP_MS: '200',
});
const clock = new ManualClock();
const kafka = testKafka('livelihood-int-test');
const publisher = new EventPublisher(kafka);
let app: NestExpressApplication;
let mongo: MongoClient;
let kiran: string;
/** Sita, a survivor; a household of two at risk, Puja and Raju; Raju is later rescued. */
const [sita, puja, raju, householdId]: string[] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

const iso = (at: number | Date = clock.now()) => new Date(at).toISOString();
const payload = (message: RawMessage) => JSON.parse(message.value!.toString());
const ofType = (type: string, key: string) => (message: RawMessage) => message.key === key && message.headers['ce_type'] === type;

function event<T extends EventType>(type: T, subject: string, data: EventEnvelope<T>['data'], source = '/mukti/intake'): EventEnvelope<T> {
  return { id: randomUUID(), type, source, subject, time: iso(), correlationId: randomUUID(), actor: { id: 'asha', role: 'caseworker' }, data };
}
const registered = (personId: string, role: 'survivor' | 'at-risk') =>
  event(intakeEventTypes.personRegistered, personId, {
    personId,
    role,
    personalData: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' },
    gender: 'female',
    ageBand: '25-34',
    languages: [],
    referralSource: 'community',
    registeredAt: iso(),
  });
/** Her rescue from a brothel, now by the test's clock, as the rescue service publishes it. */
const rescuedNow = (personId: string) =>
  event(
    rescueEventTypes.personRescued,
    personId,
    {
      personId,
      operationId: randomUUID(),
      rescuedAt: iso(),
      place: { state: 'Maharashtra', district: 'Mumbai City', kindOfPlace: 'brothel' },
      policeRecordedAs: 'victim',
      decriminalisationAlert: false,
      ageAtRescue: 27,
      itpaAgeClass: 'adult',
      jjAgeClass: 'adult',
      stepsDue: [{ step: 'medical-examination', dueAt: iso(clock.now().getTime() + DAY) }],
    },
    '/mukti/rescue',
  );
const kiranAssigned = (personId: string) =>
  event(intakeEventTypes.staffAssigned, personId, { personId, staffId: 'kiran', staffRole: 'livelihood-officer', assignedAt: iso() });

/** Intake's sealing of what identifies her (the service asks it before storing anything): a stand-in. */
let intake: Awaited<ReturnType<typeof startIntakeSealingStandIn>>;

beforeAll(async () => {
  await publisher.connect();
  intake = await startIntakeSealingStandIn();
  app = await createServiceApp(LivelihoodModule.register({ ...config, INTAKE_URL: intake.url }, testLogger(), clock), { logger: testLogger() });
  await app.init();
  // Its @EventPattern handlers start consuming, as startServiceApp starts them.
  await app.startAllMicroservices();
  mongo = await MongoClient.connect(databaseUri);
  kiran = await serviceBearer('livelihood-officer', 'kiran');
  await publisher.publish([
    registered(sita, 'survivor'),
    registered(puja, 'at-risk'),
    registered(raju, 'at-risk'),
    ...[sita, puja, raju].map(kiranAssigned),
    // Registered before the village or ward was sealed (v1, already on the topic): its members are read the same.
    event(intakeEventTypes.householdRegisteredV1, householdId, {
      householdId,
      place: { state: 'West Bengal', district: 'South 24 Parganas', villageOrWard: 'Canning II' },
      memberIds: [puja, raju],
      registeredAt: iso(),
    }),
  ]);
  // Its group is new, so it reads the shared topics from offset 0: other suites' events come first.
  await eventually(async () => {
    for (const id of [sita, puja, raju]) expect((await mongo.db().collection('known_people').findOne({ _id: id as never }))?.caseTeam).toHaveProperty('kiran');
    expect((await mongo.db().collection('known_households').findOne({ _id: householdId as never }))?.memberIds).toEqual([puja, raju]);
  }, 240_000, 500);
}, 300_000);

afterAll(async () => {
  await app.close();
  await intake.close();
  await publisher.disconnect();
  await mongo.db().dropDatabase();
  await mongo.close();
});

const api = () => request(app.getHttpServer());
const post = (path: string, body: object = {}, token = kiran) => api().post(path).set('authorization', token).send(body);
let placementId: string;

it('opens her livelihood plan when her care plan sets a livelihood goal, once', async () => {
  const goal = event(rehabilitationEventTypes.goalSet, sita, { personId: sita, domain: 'livelihood', status: 'open', setAt: iso() }, '/mukti/rehabilitation');
  await publisher.publish([goal, goal]);
  const messages = await readTopic(kafka, topics.livelihoodEvents, (seen) => seen.some(ofType(livelihoodEventTypes.livelihoodPlanOpened, sita)));
  const opened = messages.filter(ofType(livelihoodEventTypes.livelihoodPlanOpened, sita));
  expect(opened).toHaveLength(1);
  expect(payload(opened[0])).toMatchObject({ personId: sita, origin: 'care-plan' });
  expect(opened[0].headers['ce_causationid']).toBe(goal.id);
});

it('compares her pay with the minimum wage on file for the state and skill level', async () => {
  const placement = { kind: 'wage-employment', employerOrEnterprise: 'Sonar Tailoring Unit', sector: 'garments-and-tailoring', skillLevel: 'semi-skilled', state: 'West Bengal' };
  placementId = (await post(`/people/${sita}/placements`, { ...placement, startedAt: iso(), monthlyIncomeInr: 4000 }).expect(201)).body.id;
  await post(`/people/${sita}/placements/${placementId}/income-follow-ups`, { at: iso(), monthlyIncomeInr: 30000 }).expect(204);
  const messages = await readTopic(kafka, topics.livelihoodEvents, (seen) => seen.some(ofType(livelihoodEventTypes.incomeFollowedUp, sita)));
  const started = payload(messages.find(ofType(livelihoodEventTypes.placementStarted, sita))!);
  // Where she works is sealed with her key by intake: the name is on no topic and in no document here.
  expect(intake.requests).toContainEqual({ personId: sita, kind: 'employer', text: 'Sonar Tailoring Unit' });
  expect(started).toMatchObject({ employerOrEnterprise: { keyId: sita } });
  for (const message of messages.filter((one) => one.key === sita)) expect(message.value?.toString()).not.toContain('Sonar');
  expect(JSON.stringify(await mongo.db().collection('livelihood_plans').find({ aggregateId: sita }).toArray())).not.toContain('Sonar');
  expect(started).toMatchObject({ placementId, monthlyIncomeInr: 4000, sustainableWage: false, minimumWage: { state: 'West Bengal', skillLevel: 'semi-skilled' } });
  expect(started.minimumWage.monthlyInr).toBeGreaterThan(4000);
  expect(started.minimumWage.source.length).toBeGreaterThan(0);
  expect(payload(messages.find(ofType(livelihoodEventTypes.incomeFollowedUp, sita))!)).toMatchObject({ monthlyIncomeInr: 30000, sustainableWage: true });

  const nowhere = await post(`/people/${sita}/placements`, { ...placement, state: 'Atlantis', startedAt: iso(), monthlyIncomeInr: 9000 }).expect(422);
  expect(nowhere.body.details).toMatchObject({ field: 'state' });
  await post(`/people/${sita}/placements`, { ...placement, monthlyIncomeInr: -1, startedAt: iso() }).expect(400);
  // Not on her case team: the 404 of a stranger.
  await post(`/people/${sita}/financial-inclusion`, { kind: 'bank-account', at: iso() }, await serviceBearer('livelihood-officer', 'someone-else')).expect(404);
});

it('counts her rescue as an entry when it is handled before the opening of the plan that follows her (either end of the join), once', async () => {
  const meera = randomUUID();
  await publisher.publish([registered(meera, 'at-risk'), kiranAssigned(meera)]);
  await eventually(async () => expect((await mongo.db().collection('known_people').findOne({ _id: meera as never }))?.caseTeam).toHaveProperty('kiran'));
  await post('/prevention-plans', { personId: meera }).expect(201);
  const opened = ((await mongo.db().collection('prevention_plans').findOne({ _id: `${meera}:1` as never }))!.events as EventEnvelope[])[0]!;
  clock.advance(DAY);
  const rescued = rescuedNow(meera);
  // Her rescue reaches the service before its own plan-opened event: no plan is known for her yet.
  const reaction = new EntryOnRescue(app.get(PreventionPlanStore), fencedCollection(mongo.db(), uniqueName('plans-by-person')), fencedCollection(mongo.db(), uniqueName('rescues-by-person')));
  await reaction.personRescued(rescued);
  await reaction.preventionPlanOpened(opened as EventEnvelope<typeof livelihoodEventTypes.preventionPlanOpened>);
  // Redeliveries of both change nothing more.
  await reaction.personRescued(rescued);
  await reaction.preventionPlanOpened(opened as EventEnvelope<typeof livelihoodEventTypes.preventionPlanOpened>);
  const commits = await mongo.db().collection('prevention_plans').find({ aggregateId: meera }).toArray();
  const entries = commits.flatMap((commit) => (commit['events'] as EventEnvelope[]).filter((fact) => fact.type === livelihoodEventTypes.entryIntoExploitationRecorded));
  expect(entries.map((fact) => fact.data)).toEqual([expect.objectContaining({ personId: meera, source: 'rescued', enteredAt: rescued.data.rescuedAt })]);
});

it('follows a household at risk from its first support, counts its people as entries prevented after 12 months, and a rescue as an entry', async () => {
  const opened = await post('/prevention-plans', { householdId }).expect(201);
  expect(opened.body.id).toBe(householdId);
  await post('/prevention-plans', { personId: sita }).expect(422);
  await post('/prevention-plans', { householdId, personId: puja }).expect(422);
  await post(`/prevention-plans/${householdId}/supports`, { kind: 'education-support', status: 'ongoing', startedAt: iso() }).expect(201);

  // Raju is rescued three months on: he entered exploitation, and is counted so.
  clock.advance(90 * DAY);
  const rescued = rescuedNow(raju);
  await publisher.publish([rescued]);
  await readTopic(kafka, topics.livelihoodEvents, (seen) => seen.some((message) => message.headers['ce_type'] === livelihoodEventTypes.entryIntoExploitationRecorded && payload(message).personId === raju));

  clock.advance(280 * DAY);
  const messages = await readTopic(kafka, topics.livelihoodEvents, (seen) => seen.some(ofType(livelihoodEventTypes.entryPrevented, householdId)));
  const prevented = messages.filter(ofType(livelihoodEventTypes.entryPrevented, householdId)).map(payload);
  expect(prevented.map((fact) => fact.personId)).toEqual([puja]);
  expect(prevented[0]).toMatchObject({ preventionPlanId: householdId, subject: 'household', personIds: [puja, raju] });
  const entered = payload(messages.find(ofType(livelihoodEventTypes.entryIntoExploitationRecorded, householdId))!);
  expect(entered).toMatchObject({ personId: raju, source: 'rescued' });

  const read = await api().get(`/prevention-plans/${householdId}`).set('authorization', kiran).expect(200);
  expect(read.body).toMatchObject({ preventionPlanId: householdId });
});
