/**
 * The rescue service against the real broker and store: it learns who is registered (and who is
 * on her case team) from intake's topic; a recorded rescue puts each person on the path the law
 * sets, on its topic; a step past its due time, by the test's clock, is flagged overdue.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { EventEnvelope, intakeEventTypes, rescueEventTypes, topics } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { EventPublisher } from '@mukti/messaging';
import { serviceBearer, eventually, ManualClock, readTopic, testInfrastructure, testLogger, uniqueDatabaseUri, uniqueName, testKafka, superUserKafkaEnvironment } from '@mukti/testing';
import { rescueConfig } from '../src/rescue.config';
import { RescueModule } from '../src/rescue.module';

jest.setTimeout(30_000);

const databaseUri = uniqueDatabaseUri('rescue');
const config = rescueConfig.load({
  ...process.env,
  MONGODB_URI: databaseUri,
  ...superUserKafkaEnvironment(),
  RESCUE_CONSUMER_GROUP: uniqueName('rescue'),
  RESCUE_DEADLINE_SWEEP_MS: '200',
});
const clock = new ManualClock();
const kafka = testKafka('rescue-int-test');
const publisher = new EventPublisher(kafka);
let app: NestExpressApplication;
let mongo: MongoClient;
let coordinator: string;
const [minor, accused, unregistered]: string[] = [randomUUID(), randomUUID(), randomUUID()];

/** Rekha, the rescue coordinator, joins her case team (as intake records it). */
function rekhaAssigned(personId: string): EventEnvelope<typeof intakeEventTypes.staffAssigned> {
  const time = new Date().toISOString();
  return {
    id: randomUUID(),
    type: intakeEventTypes.staffAssigned,
    source: '/mukti/intake',
    subject: personId,
    time,
    correlationId: randomUUID(),
    actor: { id: 'asha', role: 'caseworker' },
    data: { personId, staffId: 'rekha', staffRole: 'rescue-coordinator', assignedAt: time },
  };
}

function registered(personId: string): EventEnvelope<typeof intakeEventTypes.personRegistered> {
  const time = new Date().toISOString();
  return {
    id: randomUUID(),
    type: intakeEventTypes.personRegistered,
    source: '/mukti/intake',
    subject: personId,
    time,
    correlationId: randomUUID(),
    actor: { id: 'asha', role: 'caseworker' },
    data: {
      personId,
      role: 'survivor',
      personalData: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' },
      gender: 'female',
      ageBand: '16-17',
      languages: [],
      referralSource: 'police',
      registeredAt: time,
    },
  };
}

const plan = {
  kind: 'raid-on-information',
  place: { state: 'Maharashtra', district: 'Mumbai City', kindOfPlace: 'brothel' },
  agencies: ['anti-human-trafficking-unit', 'ngo'],
  legalBasis: 'itpa-s15',
  leadOfficer: 'Inspector, AHTU Mumbai',
  plannedFor: new Date(Date.now() - 3 * 3600_000).toISOString(),
};

beforeAll(async () => {
  await publisher.connect();
  app = await createServiceApp(RescueModule.register(config, testLogger(), clock), { logger: testLogger() });
  await app.init();
  // Its @EventPattern handlers start consuming, as startServiceApp starts them.
  await app.startAllMicroservices();
  mongo = await MongoClient.connect(databaseUri);
  coordinator = await serviceBearer('rescue-coordinator', 'rekha');
  await publisher.publish([registered(minor), registered(accused), rekhaAssigned(minor), rekhaAssigned(accused)]);
  await eventually(async () => {
    for (const id of [minor, accused]) expect((await mongo.db().collection('known_people').findOne({ _id: id as never }))?.caseTeam).toHaveProperty('rekha');
  });
});

afterAll(async () => {
  await app.close();
  await publisher.disconnect();
  await mongo.db().dropDatabase();
  await mongo.close();
});

const api = () => request(app.getHttpServer());

it('records a rescue: a minor on the child-protection path, the police calling a survivor accused raising the alert', async () => {
  const { body } = await api().post('/rescue-operations').set('authorization', coordinator).send(plan).expect(201);
  const operationId: string = body.id;
  const carriedOutAt = new Date(Date.now() - 3600_000).toISOString();
  const rescue = (persons: object[]) => ({ carriedOutAt, searchWitnesses: { total: 2, women: 0 }, persons });

  const refused = await api()
    .post(`/rescue-operations/${operationId}/rescue`)
    .set('authorization', coordinator)
    .send(rescue([{ personId: minor, policeRecordedAs: 'victim', ageAtRescue: 16 }, { personId: unregistered, policeRecordedAs: 'victim' }]))
    .expect(404);
  expect(refused.body.message).toBe(`person ${unregistered} is not registered`);

  await api()
    .post(`/rescue-operations/${operationId}/rescue`)
    .set('authorization', coordinator)
    .send(rescue([{ personId: minor, policeRecordedAs: 'victim', ageAtRescue: 16 }, { personId: accused, policeRecordedAs: 'accused', ageAtRescue: 22 }]))
    .expect(204);

  // Her events are keyed by her, the operation's by the operation: different partitions, so read until all three are in.
  const messages = await readTopic(
    kafka,
    topics.rescueEvents,
    (seen) =>
      seen.filter((message) => [minor, accused].includes(message.key ?? '')).length >= 2 &&
      seen.some((message) => message.key === operationId && message.headers['ce_type'] === rescueEventTypes.operationCarriedOut),
  );
  const ofType = (key: string) => messages.find((message) => message.key === key && message.headers['ce_type'] === rescueEventTypes.personRescued)!;
  const rescuedMinor = JSON.parse(ofType(minor).value!.toString());
  const rescuedAccused = JSON.parse(ofType(accused).value!.toString());
  expect(rescuedMinor).toMatchObject({ itpaAgeClass: 'minor', jjAgeClass: 'child', decriminalisationAlert: false });
  expect(rescuedMinor.stepsDue).toContainEqual({
    step: 'production-before-child-welfare-committee',
    dueAt: new Date(Date.parse(carriedOutAt) + 24 * 3600_000).toISOString(),
  });
  expect(rescuedAccused).toMatchObject({ policeRecordedAs: 'accused', decriminalisationAlert: true, jjAgeClass: 'adult' });
  const carriedOut = messages.find((message) => message.key === operationId && message.headers['ce_type'] === rescueEventTypes.operationCarriedOut);
  expect(JSON.parse(carriedOut!.value!.toString())).toMatchObject({ personsRescued: 2, searchWithoutRequiredWitnesses: true });

  const step = { step: 'production-before-child-welfare-committee', doneAt: new Date().toISOString() };
  await api().post(`/rescue-operations/${operationId}/persons/${minor}/steps`).set('authorization', coordinator).send(step).expect(204);
  await api().post(`/rescue-operations/${operationId}/persons/${minor}/steps`).set('authorization', coordinator).send(step).expect(204);
  await api()
    .post(`/rescue-operations/${operationId}/persons/${accused}/steps`)
    .set('authorization', coordinator)
    .send(step)
    .expect(422);
  // Not on her case team: she does not exist, as far as Bela can tell.
  await api().post(`/rescue-operations/${operationId}/persons/${minor}/steps`).set('authorization', await serviceBearer('rescue-coordinator', 'bela')).send(step).expect(404);
});

it("flags a step overdue when the clock passes its due time, and shows it on the operation", async () => {
  const { body } = await api().post('/rescue-operations').set('authorization', coordinator).send(plan).expect(201);
  const operationId: string = body.id;
  const carriedOutAt = clock.now().toISOString();
  await api()
    .post(`/rescue-operations/${operationId}/rescue`)
    .set('authorization', coordinator)
    .send({ carriedOutAt, searchWitnesses: { total: 2, women: 1 }, persons: [{ personId: minor, policeRecordedAs: 'victim', ageAtRescue: 16 }] })
    .expect(204);
  await api()
    .post(`/rescue-operations/${operationId}/persons/${minor}/steps`)
    .set('authorization', coordinator)
    .send({ step: 'medical-examination', doneAt: carriedOutAt })
    .expect(204);
  // The deadlines are watched from the service's own events.
  await eventually(async () => expect(await mongo.db().collection('step_deadlines').countDocuments({ 'details.operationId': operationId })).toBe(4));
  const stepsOf = async () => (await api().get(`/rescue-operations/${operationId}`).set('authorization', coordinator).expect(200)).body.persons[0].steps;
  expect((await stepsOf()).filter((step: { overdue: boolean }) => step.overdue)).toEqual([]);

  clock.advance(24 * 3600_000 + 60_000);
  const overdue = await eventually(async () => {
    const steps = (await stepsOf()).filter((step: { overdue: boolean }) => step.overdue).map((step: { step: string }) => step.step);
    expect(steps).toHaveLength(3);
    return steps;
  });
  expect(overdue.sort()).toEqual(['care-arrangements', 'production-before-child-welfare-committee', 'shelter-placement-requested']);
  const messages = await readTopic(kafka, topics.rescueEvents, (seen) =>
    seen.filter((message) => message.headers['ce_type'] === rescueEventTypes.postRescueStepOverdue && JSON.parse(message.value!.toString()).operationId === operationId).length >= 3,
  );
  expect(messages.length).toBeGreaterThan(0);
  expect(await mongo.db().collection('step_deadlines').countDocuments({ 'details.operationId': operationId })).toBe(1);
});

it("records her trafficking profile and closes the operation with its counts", async () => {
  const { body } = await api().post('/rescue-operations').set('authorization', coordinator).send(plan).expect(201);
  const operationId: string = body.id;
  await api()
    .post(`/rescue-operations/${operationId}/rescue`)
    .set('authorization', coordinator)
    .send({ carriedOutAt: clock.now().toISOString(), searchWitnesses: { total: 2, women: 1 }, persons: [{ personId: accused, policeRecordedAs: 'accused', ageAtRescue: 22 }] })
    .expect(204);
  const profile = {
    traffickingStatus: 'actual',
    exploitationTypes: ['sexual-exploitation'],
    recruitmentMethod: 'false-job-offer',
    meansOfControl: ['debt-bondage', 'withheld-documents'],
    relationshipToTrafficker: 'acquaintance',
    source: { country: 'NP' },
    transit: [{ country: 'IN', state: 'Bihar', district: 'Araria' }],
    destination: { country: 'IN', state: 'Maharashtra', district: 'Mumbai City' },
    recordedAt: clock.now().toISOString(),
  };
  const bad = await api()
    .post(`/rescue-operations/${operationId}/persons/${accused}/trafficking-profile`)
    .set('authorization', coordinator)
    .send({ ...profile, exploitationTypes: ['sightseeing'], source: { country: 'Nepal' } })
    .expect(400);
  expect(bad.body.details.map((problem: { field: string }) => problem.field)).toEqual(expect.arrayContaining(['exploitationTypes', 'source.country']));
  await api().post(`/rescue-operations/${operationId}/persons/${accused}/trafficking-profile`).set('authorization', coordinator).send(profile).expect(204);
  await api().post(`/rescue-operations/${operationId}/closure`).set('authorization', coordinator).send({ closedAt: clock.now().toISOString() }).expect(204);
  await api().post(`/rescue-operations/${operationId}/closure`).set('authorization', coordinator).send({ closedAt: clock.now().toISOString() }).expect(409);
  const operation = (await api().get(`/rescue-operations/${operationId}`).set('authorization', coordinator).expect(200)).body;
  expect(operation.persons[0].profile).toMatchObject({ traffickingStatus: 'actual', meansOfControl: ['debt-bondage', 'withheld-documents'] });
  expect(operation.closedAt).toBeDefined();
  const messages = await readTopic(kafka, topics.rescueEvents, (seen) => seen.some((message) => message.key === operationId && message.headers['ce_type'] === rescueEventTypes.operationClosed));
  const closed = messages.find((message) => message.key === operationId && message.headers['ce_type'] === rescueEventTypes.operationClosed)!;
  expect(JSON.parse(closed.value!.toString())).toMatchObject({ outcome: 'carried-out', counts: { personsRescued: 1, adults: 1, recordedAsAccused: 1, stepsDone: 0, stepsOpen: 4 } });
});

it('names the fields of a bad request, and is for rescue coordinators and admins', async () => {
  const bad = await api()
    .post('/rescue-operations')
    .set('authorization', coordinator)
    .send({ ...plan, place: { ...plan.place, kindOfPlace: 'street' }, agencies: [], legalBasis: 'itpa-s99' })
    .expect(400);
  expect(bad.body.details.map((problem: { field: string }) => problem.field)).toEqual(expect.arrayContaining(['place.kindOfPlace', 'agencies', 'legalBasis']));
  const { body } = await api().post('/rescue-operations').set('authorization', coordinator).send(plan).expect(201);
  const badPerson = await api()
    .post(`/rescue-operations/${body.id}/rescue`)
    .set('authorization', coordinator)
    .send({ carriedOutAt: new Date().toISOString(), searchWitnesses: { total: 2, women: 1 }, persons: [{ personId: 'x', policeRecordedAs: 'suspect' }] })
    .expect(400);
  expect(badPerson.body.details.map((problem: { field: string }) => problem.field)).toEqual(
    expect.arrayContaining(['persons.0.personId', 'persons.0.policeRecordedAs']),
  );
  await api().post('/rescue-operations').set('authorization', await serviceBearer('caseworker')).send(plan).expect(403);
  await api().post(`/rescue-operations/${randomUUID()}/rescue`).set('authorization', coordinator).send({ carriedOutAt: new Date().toISOString(), searchWitnesses: { total: 0, women: 0 }, persons: [{ personId: minor, policeRecordedAs: 'victim' }] }).expect(404);
});

describe('an operation is a door of its own: its team reads it and acts on it', () => {
  const carriedOutAt = () => new Date(Date.now() - 3600_000).toISOString();
  const rescueOf = (personId: string) => ({ carriedOutAt: carriedOutAt(), searchWitnesses: { total: 2, women: 1 }, persons: [{ personId, policeRecordedAs: 'victim', ageAtRescue: 30 }] });

  it('answers another coordinator, not on its team, exactly as for an operation never planned, on reads and commands alike', async () => {
    const operationId: string = (await api().post('/rescue-operations').set('authorization', coordinator).send(plan).expect(201)).body.id;
    const stranger = await serviceBearer('rescue-coordinator', 'ravi');
    const neverPlanned = randomUUID();
    const calls = (id: string) => [
      () => api().get(`/rescue-operations/${id}`).set('authorization', stranger),
      () => api().post(`/rescue-operations/${id}/rescue`).set('authorization', stranger).send(rescueOf(minor)),
      () => api().post(`/rescue-operations/${id}/closure`).set('authorization', stranger).send({ closedAt: new Date().toISOString() }),
      () => api().post(`/rescue-operations/${id}/team`).set('authorization', stranger).send({ staffId: 'ravi' }),
    ];
    const [theirs, random] = [calls(operationId), calls(neverPlanned)];
    for (const [index, call] of theirs.entries()) {
      const [seen, unseen] = [await call(), await random[index]!()];
      expect(seen.status).toBe(404);
      expect(unseen.status).toBe(404);
      expect(seen.body.message.replace(operationId, 'ID')).toBe(unseen.body.message.replace(neverPlanned, 'ID'));
    }
  });

  it('shows a coordinator who joined it only the persons on whose case team she is, and an admin everyone, with a reason', async () => {
    const operationId: string = (await api().post('/rescue-operations').set('authorization', coordinator).send(plan).expect(201)).body.id;
    await api().post(`/rescue-operations/${operationId}/rescue`).set('authorization', coordinator).send(rescueOf(accused)).expect(204);
    await api().post(`/rescue-operations/${operationId}/team`).set('authorization', coordinator).send({ staffId: 'ravi' }).expect(204);
    await api().post(`/rescue-operations/${operationId}/team`).set('authorization', coordinator).send({ staffId: 'ravi' }).expect(204);

    const ravi = (await api().get(`/rescue-operations/${operationId}`).set('authorization', await serviceBearer('rescue-coordinator', 'ravi')).expect(200)).body;
    expect(ravi).toMatchObject({ personsRescued: 1, persons: [], team: ['rekha', 'ravi'] });
    const rekha = (await api().get(`/rescue-operations/${operationId}`).set('authorization', coordinator).expect(200)).body;
    expect(rekha.persons.map((person: { personId: string }) => person.personId)).toEqual([accused]);

    const admin = await serviceBearer('admin', 'root');
    await api().get(`/rescue-operations/${operationId}`).set('authorization', admin).expect(403);
    const opened = (await api().get(`/rescue-operations/${operationId}`).set('authorization', admin).set('x-access-reason', 'handover').expect(200)).body;
    expect(opened.persons).toHaveLength(1);
  });

  it('lets no coordinator put on a raid someone whose case team she is not on: the same 404 as someone never registered', async () => {
    const ravi = await serviceBearer('rescue-coordinator', 'ravi');
    const operationId: string = (await api().post('/rescue-operations').set('authorization', ravi).send(plan).expect(201)).body.id;
    const onRekhasTeam = await api().post(`/rescue-operations/${operationId}/rescue`).set('authorization', ravi).send(rescueOf(minor)).expect(404);
    const neverRegistered = await api().post(`/rescue-operations/${operationId}/rescue`).set('authorization', ravi).send(rescueOf(unregistered)).expect(404);
    expect(onRekhasTeam.body.message.replace(minor, 'ID')).toBe(neverRegistered.body.message.replace(unregistered, 'ID'));
  });
});
