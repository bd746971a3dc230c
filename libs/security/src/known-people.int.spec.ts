import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { uniqueDatabaseUri } from '@mukti/testing';
import { handlersOf } from '@mukti/messaging';
import { KnownPeople } from './known-people';
import { KnownPeopleFromIntake } from './known-people.event-handlers';

const databaseUri = uniqueDatabaseUri('known-people');
let mongo: MongoClient;

beforeAll(async () => {
  mongo = await MongoClient.connect(databaseUri);
});
afterAll(async () => {
  await mongo.db().dropDatabase();
  await mongo.close();
});

const envelope = <T extends keyof typeof intakeEventTypes>(type: T, data: EventEnvelope<(typeof intakeEventTypes)[T]>['data']) =>
  ({ id: randomUUID(), type: intakeEventTypes[type], source: '/mukti/intake', subject: (data as { personId: string }).personId, time: new Date().toISOString(), correlationId: randomUUID(), actor: { id: 'asha', role: 'caseworker' }, data }) as never;

it("keeps every service's copy of her age band current: an age determination and a birthday move it, so each child safeguard reads her band now", async () => {
  const people = new KnownPeople(mongo.db().collection('known_people'));
  const handlers = handlersOf(new KnownPeopleFromIntake(people));
  const position = { topic: 'mukti.intake.events.v1', partition: 0, offset: '0' };
  const personId = randomUUID();
  const sealed = { keyId: personId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' };
  await handlers[intakeEventTypes.personRegistered]!(
    envelope('personRegistered', { personId, role: 'survivor', personalData: sealed, gender: 'female', ageBand: '18-24', languages: [], referralSource: 'police', registeredAt: new Date().toISOString() }),
    position,
  );
  await handlers[intakeEventTypes.ageDetermined]!(
    envelope('ageDetermined', { personId, method: 'school-certificate', determinedOn: '2026-11-30', ageBand: '16-17', recordedAt: new Date().toISOString() }),
    position,
  );
  expect((await people.find(personId))?.ageBand).toBe('16-17');
  await handlers[intakeEventTypes.ageBandMoved]!(envelope('ageBandMoved', { personId, ageBand: '18-24', movedAt: new Date().toISOString() }), position);
  expect((await people.find(personId))?.ageBand).toBe('18-24');
});
