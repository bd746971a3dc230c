import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { uniqueDatabaseUri } from '@mukti/testing';
import { handlersOf } from '@mukti/messaging';
import { fencedCollection } from '@mukti/persistence';
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
  const people = new KnownPeople(fencedCollection(mongo.db(), 'known_people'));
  const handlers = handlersOf(new KnownPeopleFromIntake(people));
  const position = (offset: number) => ({ topic: 'mukti.intake.events.v1', partition: 0, offset: String(offset) });
  const personId = randomUUID();
  const sealed = { keyId: personId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' };
  await handlers[intakeEventTypes.personRegistered]!(
    envelope('personRegistered', { personId, role: 'survivor', personalData: sealed, gender: 'female', ageBand: '18-24', languages: [], referralSource: 'police', registeredAt: new Date().toISOString() }),
    position(0),
  );
  await handlers[intakeEventTypes.ageDetermined]!(
    envelope('ageDetermined', { personId, method: 'school-certificate', determinedOn: '2026-11-30', ageBand: '16-17', recordedAt: new Date().toISOString() }),
    position(1),
  );
  expect((await people.find(personId))?.ageBand).toBe('16-17');
  await handlers[intakeEventTypes.ageBandMoved]!(envelope('ageBandMoved', { personId, ageBand: '18-24', movedAt: new Date().toISOString() }), position(2));
  expect((await people.find(personId))?.ageBand).toBe('18-24');
});

it('loses no change and applies no older event over a newer one when two members of the group apply her events at once (a rebalance)', async () => {
  const collection = fencedCollection(mongo.db(), 'known_people');
  // Two replicas: the one the partition moved to, and the one still finishing its batch.
  const [moved, finishing] = [new KnownPeople(collection), new KnownPeople(collection)].map((people) => handlersOf(new KnownPeopleFromIntake(people)));
  const at = (offset: number) => ({ topic: 'mukti.intake.events.v1', partition: 3, offset: String(offset) });
  const personId = randomUUID();
  const sealed = { keyId: personId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' };
  const registered = envelope('personRegistered', { personId, role: 'survivor', personalData: sealed, gender: 'female', ageBand: '18-24', languages: [], referralSource: 'police', registeredAt: new Date().toISOString() });
  const assigned = Array.from({ length: 6 }, (_, index) => envelope('staffAssigned', { personId, staffId: `staff-${index}`, staffRole: 'caseworker', assignedAt: new Date().toISOString() } as never));
  const consent = (decision: 'granted' | 'withdrawn') =>
    envelope('consentRecorded', { personId, consentId: randomUUID(), scope: 'share-with-police', decision, givenBy: 'self', decidedAt: new Date().toISOString() } as never);
  const [granted, withdrawn] = [consent('granted'), consent('withdrawn')];

  await moved[intakeEventTypes.personRegistered]!(registered, at(10));
  // Both apply the same six assignments, each in order, at the same time: none is lost.
  const inOrder = async (member: typeof moved) => {
    for (const [index, event] of assigned.entries()) await member[intakeEventTypes.staffAssigned]!(event, at(11 + index));
  };
  await Promise.all([inOrder(moved), inOrder(finishing)]);
  // Her grant, then her withdrawal; the member finishing its batch applies the grant again, late.
  await moved[intakeEventTypes.consentRecorded]!(granted, at(17));
  await moved[intakeEventTypes.consentRecorded]!(withdrawn, at(18));
  await finishing[intakeEventTypes.consentRecorded]!(granted, at(17));
  await finishing[intakeEventTypes.personRegistered]!(registered, at(10));

  const person = await new KnownPeople(collection).find(personId);
  expect(Object.keys(person!.caseTeam).sort()).toEqual(assigned.map((_, index) => `staff-${index}`));
  expect(person!.consents).toEqual({ 'share-with-police': 'withdrawn' });
  expect(person!.appliedAt).toEqual({ partition: 3, offset: '18' });
});
