/**
 * A person's age is not frozen at registration (real broker and store): an age determination
 * moves her band, a birthday moves it on the day (intake's watch, driven by the test's clock),
 * and every child safeguard in intake follows the band she has now. Only the band leaves intake.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { MongoClient } from 'mongodb';
import { intakeEventTypes, topics } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { ManualClock, readTopic, RawMessage, serviceBearer, superUserKafkaEnvironment, testKafka, testLogger, uniqueDatabaseUri } from '@mukti/testing';
import { intakeConfig } from '../src/intake.config';
import { IntakeModule } from '../src/intake.module';
import { AGE_BAND_WATCH, AgeBandWatch } from '../src/person/age-band-watch/age-band-watch';

jest.setTimeout(60_000);

const DAY = 24 * 3600_000;
const databaseUri = uniqueDatabaseUri('intake-age');
const config = intakeConfig.load({ ...process.env, MONGODB_URI: databaseUri, ...superUserKafkaEnvironment() });
const kafka = testKafka('intake-age-int-test');
const clock = new ManualClock();
let app: NestExpressApplication;
let mongo: MongoClient;
let asha: string;

const api = () => request(app.getHttpServer());
const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const ofType = (type: string, key: string) => (message: RawMessage) => message.key === key && message.headers['ce_type'] === type;
const register = async (age: Record<string, unknown>) =>
  (
    await api()
      .post('/people')
      .set('authorization', asha)
      .send({ role: 'survivor', name: `Lata ${Math.random().toString(36).slice(2, 8)}`, gender: 'female', languages: ['hi'], referralSource: 'police', ...age })
      .expect(201)
  ).body.id as string;
const bandOf = async (personId: string) => (await api().get(`/people/${personId}`).set('authorization', asha).expect(200)).body.ageBand;
const ownConsent = (personId: string) =>
  api().post(`/people/${personId}/consents`).set('authorization', asha).send({ scope: 'share-with-police', decision: 'granted', givenBy: 'self' });

beforeAll(async () => {
  app = await createServiceApp(IntakeModule.register(config, testLogger(), clock), { logger: testLogger() });
  await app.init();
  mongo = await MongoClient.connect(databaseUri);
  asha = await serviceBearer('caseworker', 'asha');
});

afterAll(async () => {
  await app.close();
  await mongo.db().dropDatabase();
  await mongo.close();
});

it('moves her band when her age is determined: registered as 19, found to be 15, her own consent is a guardian\'s again', async () => {
  const lata = await register({ age: 19 });
  expect(await bandOf(lata)).toBe('18-24');
  await ownConsent(lata).expect(201);

  const determination = { method: 'medical-examination', determinedOn: day(Date.now() - DAY), age: 15 };
  const stranger = await serviceBearer('caseworker', 'kiran');
  await api().post(`/people/${lata}/age-determinations`).set('authorization', stranger).send(determination).expect(404);
  const missing = await api().post(`/people/${lata}/age-determinations`).set('authorization', asha).send({ method: 'medical-examination', determinedOn: day(Date.now()) }).expect(422);
  expect(missing.body).toMatchObject({ message: 'an age determination gives one of birthDate, birthYear or age', details: { field: 'birthDate' } });
  const future = await api().post(`/people/${lata}/age-determinations`).set('authorization', asha).send({ ...determination, determinedOn: day(Date.now() + 3 * DAY) }).expect(422);
  expect(future.body.details).toMatchObject({ field: 'determinedOn' });

  await api().post(`/people/${lata}/age-determinations`).set('authorization', asha).send(determination).expect(204);
  expect(await bandOf(lata)).toBe('12-15');
  const refused = await ownConsent(lata).expect(422);
  expect(refused.body.details).toMatchObject({ field: 'givenBy' });

  const messages = await readTopic(kafka, topics.intakeEvents, (seen) => seen.some(ofType(intakeEventTypes.ageDetermined, lata)));
  const published = JSON.parse(messages.find(ofType(intakeEventTypes.ageDetermined, lata))!.value!.toString());
  expect(published).toEqual({ personId: lata, method: 'medical-examination', determinedOn: determination.determinedOn, ageBand: '12-15', recordedAt: expect.any(String) });
});

it('moves her band on the birthday that makes her 18, and her own consent counts from that day', async () => {
  const eighteenTomorrow = new Date(clock.now().getTime() + DAY);
  const birthDate = `${eighteenTomorrow.getUTCFullYear() - 18}-${day(eighteenTomorrow.getTime()).slice(5)}`;
  const sita = await register({ birthDate });
  expect(await bandOf(sita)).toBe('16-17');
  await ownConsent(sita).expect(422);

  const watch = app.get<AgeBandWatch>(AGE_BAND_WATCH);
  await watch.sweep();
  expect(await bandOf(sita)).toBe('16-17');
  clock.advance(2 * DAY);
  await watch.sweep();
  expect(await bandOf(sita)).toBe('18-24');
  await ownConsent(sita).expect(201);

  const messages = await readTopic(kafka, topics.intakeEvents, (seen) => seen.some(ofType(intakeEventTypes.ageBandMoved, sita)));
  expect(JSON.parse(messages.find(ofType(intakeEventTypes.ageBandMoved, sita))!.value!.toString())).toMatchObject({ personId: sita, ageBand: '18-24' });
  // The next move (25) is watched; no birth date is on any topic.
  expect(await mongo.db().collection('age_band_watch').findOne({ _id: `${sita}:age-band` as never })).toMatchObject({ dueAt: new Date(`${Number(birthDate.slice(0, 4)) + 25}-${birthDate.slice(5)}T00:00:00.000Z`) });
  expect(messages.filter((message) => message.key === sita).map((message) => message.value!.toString()).join()).not.toContain(birthDate);
});

it('keeps nothing of her age once she is erased, and a watch left by a registration that failed does nothing', async () => {
  const meena = await register({ birthYear: 2010 });
  const admin = await serviceBearer('admin', 'root');
  await api().post(`/people/${meena}/erasure`).set('authorization', admin).set('x-access-reason', 'data-subject-request').send({ reason: 'her-request' }).expect(204);
  expect(await mongo.db().collection('age_band_watch').findOne({ _id: `${meena}:age-band` as never })).toBeNull();

  const neverRegistered = '5f0c7a52-3c1e-4f7a-9d3b-2b8e4a6c9d10';
  // As the watch writes it (due today, passed), left behind when the registration that wrote it failed.
  const dueAt = clock.now();
  await mongo.db().collection('age_band_watch').insertOne({
    _id: `${neverRegistered}:age-band` as never,
    dueAt,
    dueDay: dueAt.toISOString().slice(0, 10),
    details: { personId: neverRegistered, evidence: JSON.stringify({ birthYear: 2010 }) },
  });
  await app.get<AgeBandWatch>(AGE_BAND_WATCH).sweep();
  expect(await mongo.db().collection('people').countDocuments({ aggregateId: neverRegistered })).toBe(0);
  expect(await mongo.db().collection('age_band_watch').findOne({ _id: `${neverRegistered}:age-band` as never })).toBeNull();
});
