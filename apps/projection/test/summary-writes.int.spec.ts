/**
 * Her summary against the real store: two writers of the same summary at once (a rebalance, a
 * rollout) lose no fact, and an event applied twice (a redelivery) counts once in the indicators.
 */
import mongoose, { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { AnyPillarEventEnvelope, intakeEventTypes, livelihoodEventTypes } from '@mukti/contracts';
import { uniqueDatabaseUri } from '@mukti/testing';
import { HOUSEHOLDS_SUPPORTED } from '../src/indicators/indicator-cells';
import { TimelineStore } from '../src/timeline/timeline.store';

// Building an application and talking to the store take seconds on a loaded machine (jest's default is 5 s).
jest.setTimeout(60_000);

let connection: Connection;
let store: TimelineStore;
let otherWriter: TimelineStore;

beforeAll(async () => {
  connection = await mongoose.createConnection(uniqueDatabaseUri('projection-writes')).asPromise();
  store = new TimelineStore(connection);
  await store.createIndexes();
  // A second writer: its own models on the same database (as a second replica would have).
  otherWriter = new TimelineStore(connection.useDb(connection.name, { useCache: false }));
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const personId = randomUUID();
const event = (type: string, time: string, data: Record<string, unknown>) =>
  ({ id: randomUUID(), type, source: '/mukti/intake', subject: personId, time, data: { personId, ...data }, correlationId: 'c', actor: { id: 'asha', role: 'caseworker' } }) as AnyPillarEventEnvelope;

it('keeps every fact when two writers apply her events at once, and counts a redelivered event once', async () => {
  const registered = event(intakeEventTypes.personRegistered, '2026-01-01T00:00:00.000Z', { role: 'survivor', gender: 'female', ageBand: '18-24', origin: { state: 'Bihar', district: 'Araria' }, referralSource: 'police', languages: ['hi'] });
  await store.project(registered);
  const assignments = Array.from({ length: 6 }, (_, index) =>
    event(intakeEventTypes.staffAssigned, `2026-01-02T00:00:0${index}.000Z`, { staffId: `staff-${index}`, staffRole: 'caseworker', assignedAt: '2026-01-02T00:00:00.000Z' }),
  );
  // Each event by both writers at once, and all of them at the same time.
  await Promise.all(assignments.flatMap((assigned) => [store.project(assigned), otherWriter.project(assigned)]));
  const summary = await store.summary(personId);
  expect(Object.keys(summary!.caseTeam).sort()).toEqual(assignments.map((_, index) => `staff-${index}`));
  expect(summary!.entryCount).toBe(7);
  // Redelivered: the same registration again changes nothing, and she is registered once in the counters.
  await store.project(registered);
  await otherWriter.project(registered);
  expect((await store.summary(personId))!.entryCount).toBe(7);
  const cells = await store.indicatorCells();
  expect(cells['registered']).toBe(1);
  expect(cells['registered.byState:Bihar']).toBe(1);
  // She withdraws her consent to research: she leaves every cell she counted in.
  await store.project(event(intakeEventTypes.consentRecorded, '2026-01-03T00:00:00.000Z', { scope: 'research', decision: 'withdrawn', givenBy: 'self' }));
  expect((await store.indicatorCells())['registered']).toBe(0);
});

it('refuses to start on summaries stored before they were kept as views, saying how to rebuild, and starts on current ones', async () => {
  await expect(store.assertSummariesCurrent()).resolves.toBeUndefined();
  const old = await mongoose.createConnection(uniqueDatabaseUri('projection-old-shape')).asPromise();
  try {
    await old.collection('person_summaries').insertOne({ _id: randomUUID() as never, facts: [], caseTeam: {} });
    await expect(new TimelineStore(old).assertSummariesCurrent()).rejects.toThrow(/npm run replay -- --service projection/);
  } finally {
    await old.dropDatabase();
    await old.close();
  }
});

it('leaves no token in flight on any cell once her household is counted as supported, so no cell grows with use', async () => {
  const sister = randomUUID();
  const planId = randomUUID();
  const registration = { role: 'at-risk', gender: 'female', ageBand: '18-24', origin: { state: 'Bihar', district: 'Araria' }, referralSource: 'community', languages: ['hi'] };
  const atRisk = (id: string) => ({ ...event(intakeEventTypes.personRegistered, '2026-02-01T00:00:00.000Z', {}), subject: id, data: { personId: id, ...registration } }) as AnyPillarEventEnvelope;
  const ofPlan = { preventionPlanId: planId, subject: 'household', personIds: [sister] };
  const planned = (type: string, time: string, data: Record<string, unknown>) =>
    ({ id: randomUUID(), type, source: '/mukti/livelihood', subject: planId, time, data: { ...ofPlan, ...data }, correlationId: 'c', actor: { id: 'kiran', role: 'livelihood-officer' } }) as AnyPillarEventEnvelope;
  await store.project(atRisk(sister));
  await store.project(planned(livelihoodEventTypes.preventionPlanOpened, '2026-02-02T00:00:00.000Z', { openedAt: '2026-02-02T00:00:00.000Z' }));
  const support = planned(livelihoodEventTypes.preventionSupportRecorded, '2026-02-03T00:00:00.000Z', { supportId: randomUUID(), kind: 'education-support', status: 'ongoing', startedAt: '2026-02-03T00:00:00.000Z' });
  await store.project(support);
  await otherWriter.project(support);
  expect((await store.indicatorCells())[HOUSEHOLDS_SUPPORTED]).toBe(1);
  const inFlight = async (collection: string) =>
    (await connection.collection(collection).find({ 'inFlight.0': { $exists: true } }).toArray()).map((cell) => `${String(cell._id)}: ${(cell['inFlight'] as string[]).length}`);
  expect([...(await inFlight('indicator_cells')), ...(await inFlight('indicator_households'))]).toEqual([]);
});

it('loses none of her events when two writers apply different events of hers at once, however stale a read (found by the two-replica e2e)', async () => {
  const herId = randomUUID();
  const ofHer = (type: string, time: string, data: Record<string, unknown>) => ({ ...event(type, time, {}), subject: herId, data: { personId: herId, ...data } }) as AnyPillarEventEnvelope;
  await store.project(ofHer(intakeEventTypes.personRegistered, '2026-03-01T00:00:00.000Z', { role: 'survivor', gender: 'female', ageBand: '18-24', origin: { state: 'Bihar', district: 'Araria' }, referralSource: 'police', languages: ['hi'] }));
  const assigned = (index: number) =>
    ofHer(intakeEventTypes.staffAssigned, `2026-03-02T00:00:${String(index).padStart(2, '0')}.000Z`, { staffId: `staff-${index}`, staffRole: 'caseworker', assignedAt: '2026-03-02T00:00:00.000Z' });
  // A slow writer (a loaded machine, a pause): its read is two versions old by the time it claims the next one.
  const slow = new TimelineStore(connection.useDb(connection.name, { useCache: false }));
  const claims = (slow as unknown as { claims: { insertOne: (...args: unknown[]) => Promise<unknown> } }).claims;
  const claim = claims.insertOne.bind(claims);
  claims.insertOne = async (...args: unknown[]) => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return claim(...args);
  };
  // Each writer its own twelve events, in order, both at once.
  const twelve = (from: number) => Array.from({ length: 12 }, (_, index) => assigned(from + index));
  const inOrder = async (writer: TimelineStore, events: AnyPillarEventEnvelope[]) => {
    for (const one of events) await writer.project(one);
  };
  await Promise.all([inOrder(slow, twelve(0)), inOrder(otherWriter, twelve(12))]);
  const summary = await store.summary(herId);
  expect(Object.keys(summary!.caseTeam).length).toBe(24);
  expect(summary!.entryCount).toBe(25);
});

it('counts each person once when two members apply the events of different partitions at once, and again on a redelivery (found by the two-replica e2e)', async () => {
  const before = (await store.indicatorCells())['registered.byState:Assam'] ?? 0;
  const registrations = Array.from({ length: 20 }, () => {
    const herId = randomUUID();
    return { ...event(intakeEventTypes.personRegistered, '2026-04-01T00:00:00.000Z', {}), subject: herId, data: { personId: herId, role: 'survivor', gender: 'female', ageBand: '18-24', origin: { state: 'Assam', district: 'Cachar' }, referralSource: 'police', languages: ['as'] } } as AnyPillarEventEnvelope;
  });
  // One member reads partition 0, the other partition 1, each its events one at a time, both at once.
  const member = async (writer: TimelineStore, partition: number) => {
    for (const registered of registrations.filter((_, index) => index % 2 === partition)) await writer.project(registered, registered.subject, { topic: 'mukti.intake.events.v1', partition });
  };
  await Promise.all([member(store, 0), member(otherWriter, 1)]);
  // A rebalance: the other member reads each partition again from the last commit.
  await Promise.all([member(otherWriter, 0), member(store, 1)]);
  expect((await store.indicatorCells())['registered.byState:Assam']).toBe(before + 20);
  const inFlight = await connection.collection('indicator_cells').find({ 'inFlight.0': { $exists: true } }).toArray();
  expect(inFlight.map((cell) => String(cell._id))).toEqual([]);
});

it('counts each person once when two members apply at once the events of the same partition number of two topics', async () => {
  const before = (await store.indicatorCells())['registered.byState:Tripura'] ?? 0;
  const registrations = Array.from({ length: 40 }, () => {
    const herId = randomUUID();
    return { ...event(intakeEventTypes.personRegistered, '2026-05-01T00:00:00.000Z', {}), subject: herId, data: { personId: herId, role: 'survivor', gender: 'female', ageBand: '18-24', origin: { state: 'Tripura', district: 'Dhalai' }, referralSource: 'police', languages: ['bn'] } } as AnyPillarEventEnvelope;
  });
  // Partition 0 of one topic with one member, partition 0 of another with the other: a group shares partitions topic by topic.
  const member = async (writer: TimelineStore, topic: string, half: number) => {
    for (const registered of registrations.filter((_, index) => index % 2 === half)) await writer.project(registered, registered.subject, { topic, partition: 0 });
  };
  await Promise.all([member(store, 'mukti.intake.events.v1', 0), member(otherWriter, 'mukti.rescue.events.v1', 1)]);
  expect((await store.indicatorCells())['registered.byState:Tripura']).toBe(before + 40);
});

it("counts a household supported once, and every member in its cell, when two members apply its members' events at once", async () => {
  const before = (await store.indicatorCells())[HOUSEHOLDS_SUPPORTED] ?? 0;
  const planId = randomUUID();
  const members = Array.from({ length: 20 }, () => randomUUID());
  const registration = { role: 'at-risk', gender: 'female', ageBand: '18-24', origin: { state: 'Odisha', district: 'Ganjam' }, referralSource: 'community', languages: ['or'] };
  for (const member of members) await store.project({ ...event(intakeEventTypes.personRegistered, '2026-06-01T00:00:00.000Z', {}), subject: member, data: { personId: member, ...registration } } as AnyPillarEventEnvelope);
  const ofPlan = { preventionPlanId: planId, subject: 'household', personIds: members };
  const planned = (type: string, time: string, data: Record<string, unknown>) =>
    ({ id: randomUUID(), type, source: '/mukti/livelihood', subject: planId, time, data: { ...ofPlan, ...data }, correlationId: 'c', actor: { id: 'kiran', role: 'livelihood-officer' } }) as AnyPillarEventEnvelope;
  const opened = planned(livelihoodEventTypes.preventionPlanOpened, '2026-06-02T00:00:00.000Z', { openedAt: '2026-06-02T00:00:00.000Z' });
  for (const member of members) await store.project(opened, member);
  const support = planned(livelihoodEventTypes.preventionSupportRecorded, '2026-06-03T00:00:00.000Z', { supportId: randomUUID(), kind: 'education-support', status: 'ongoing', startedAt: '2026-06-03T00:00:00.000Z' });
  // The support reaches each member's summary; two members of the group apply it for different members at once.
  const member = async (writer: TimelineStore, half: number) => {
    for (const [index, herId] of members.entries()) if (index % 2 === half) await writer.project(support, herId, { topic: 'mukti.livelihood.events.v1', partition: half });
  };
  await Promise.all([member(store, 0), member(otherWriter, 1)]);
  const household = await connection.collection('indicator_households').findOne({ _id: `household:${planId}` as never });
  expect(household?.['count']).toBe(20);
  expect((await store.indicatorCells())[HOUSEHOLDS_SUPPORTED]).toBe(before + 1);
});
