/**
 * Staff list their caseload from an index kept from the summaries (real store): one indexed
 * equality per listing, bounded by her caseload; a member who leaves her case team loses her from
 * it, an old version written late never comes back, and a database from before is indexed once.
 */
import mongoose, { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { AnyPillarEventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { uniqueDatabaseUri } from '@mukti/testing';
import { PageInOrder } from '@mukti/staff-api';
import { CaseloadIndex } from '../src/queries/caseload-index';
import { byRecentActivity, findPeople, peopleFound } from '../src/queries/find-people/find-people';
import type { PersonSummary } from '../src/timeline/person-summary';
import { TimelineStore } from '../src/timeline/timeline.store';

/** Every summary a listing would read, collected (what a test compares with). */
async function collected(chunks: AsyncIterable<PersonSummary[]>): Promise<PersonSummary[]> {
  const all: PersonSummary[] = [];
  for await (const chunk of chunks) all.push(...chunk);
  return all;
}

jest.setTimeout(60_000);

let connection: Connection;
let timeline: TimelineStore;
let caseloads: CaseloadIndex;

const event = (personId: string, type: string, data: Record<string, unknown>) =>
  ({ id: randomUUID(), type, source: '/mukti/intake', subject: personId, time: new Date().toISOString(), data: { personId, ...data }, correlationId: 'c', actor: { id: 'asha', role: 'caseworker' } }) as AnyPillarEventEnvelope;
const registered = (personId: string) =>
  event(personId, intakeEventTypes.personRegistered, { role: 'survivor', gender: 'female', ageBand: '18-24', referralSource: 'police', languages: ['hi'], registeredAt: new Date().toISOString() });
const assigned = (personId: string, staffId: string) => event(personId, intakeEventTypes.staffAssigned, { staffId, staffRole: 'caseworker', assignedAt: new Date().toISOString() });
const unassigned = (personId: string, staffId: string) => event(personId, intakeEventTypes.staffUnassigned, { staffId, unassignedAt: new Date().toISOString() });
const listed = async (staffId: string) => (await collected(caseloads.summariesListedFor({ id: staffId, role: 'caseworker' }, timeline))).map((summary) => summary.personId).sort();

beforeEach(async () => {
  connection = await mongoose.createConnection(uniqueDatabaseUri('caseloads')).asPromise();
  timeline = new TimelineStore(connection);
  await timeline.createIndexes();
  caseloads = new CaseloadIndex(connection.collection('caseloads'), connection.collection('caseloads_meta'));
  await caseloads.createIndexes();
  // As the projection module wires it: told whether her case team may have changed.
  timeline.follow((summary, version, teamChanged) => (crashBeforeListing ? Promise.reject(new Error('killed')) : caseloads.follow(summary, version, teamChanged)));
});
let crashBeforeListing = false;
afterEach(async () => {
  await connection.dropDatabase();
  await connection.close();
});

it("lists a caseworker's caseload from the index, follows her case team as it changes, and lists the same as filtering every summary", async () => {
  const [priya, lata, sunita] = [randomUUID(), randomUUID(), randomUUID()].sort();
  for (const personId of [priya!, lata!, sunita!]) await timeline.project(registered(personId));
  await timeline.project(assigned(priya!, 'asha'));
  await timeline.project(assigned(priya!, 'meera'));
  await timeline.project(assigned(lata!, 'asha'));
  await timeline.project(assigned(sunita!, 'ravi'));
  expect(await listed('asha')).toEqual([priya, lata].sort());
  expect(await listed('meera')).toEqual([priya]);
  expect(await listed('nobody')).toEqual([]);

  await timeline.project(unassigned(priya!, 'asha'));
  expect(await listed('asha')).toEqual([lata]);
  expect(await listed('meera')).toEqual([priya]);

  for (const staffId of ['asha', 'meera', 'ravi']) {
    const actor = { id: staffId, role: 'caseworker' };
    expect(findPeople(actor, await collected(caseloads.summariesListedFor(actor, timeline)))).toEqual(findPeople(actor, await collected(timeline.summariesInChunks())));
  }
  // An admin lists everyone, from every summary.
  expect((await collected(caseloads.summariesListedFor({ id: 'root', role: 'admin' }, timeline))).length).toBe(3);
});

it('never takes back an older version of her summary written late, nor lists her for a member who left in a newer one', async () => {
  const priya = randomUUID();
  await timeline.project(registered(priya));
  await timeline.project(assigned(priya, 'asha'));
  const withAsha = (await timeline.summary(priya))!;
  await timeline.project(unassigned(priya, 'asha'));
  const now = await connection.collection('person_summaries').findOne({ _id: priya as never });
  // A late write of the version that had her on the team (a redelivery, a slow writer).
  await caseloads.follow(withAsha, (now!['version'] as number) - 1);
  expect(await listed('asha')).toEqual([]);
});

it('indexes once, at start, the summaries of a database written before it existed', async () => {
  const priya = randomUUID();
  // Written by a projection that kept no caseloads (its own connection to the same database).
  const unfollowed = new TimelineStore(connection.useDb(connection.name, { useCache: false }));
  await unfollowed.project(registered(priya));
  await unfollowed.project(assigned(priya, 'asha'));
  expect(await listed('asha')).toEqual([]);
  await caseloads.buildOnce(timeline);
  expect(await listed('asha')).toEqual([priya]);
  await connection.collection('caseloads').deleteMany({});
  await caseloads.buildOnce(timeline);
  expect(await listed('asha')).toEqual([]);
});

it('takes her off the caseload of a member who left even when the write of that change died before the listings, once the event is delivered again', async () => {
  const personId = randomUUID();
  await timeline.project(registered(personId));
  await timeline.project(assigned(personId, 'asha'));
  await timeline.project(assigned(personId, 'bela'));
  expect(await listed('bela')).toEqual([personId]);
  // Her summary is written without Bela, then the process dies before the listings are told.
  const leaving = unassigned(personId, 'bela');
  crashBeforeListing = true;
  await expect(timeline.project(leaving)).rejects.toThrow('killed');
  crashBeforeListing = false;
  // Another event of hers (another topic) comes first: her case team is the same as in the summary it was applied to.
  await timeline.project(event(personId, intakeEventTypes.consentRecorded, { scope: 'research', decision: 'granted', givenBy: 'self' }));
  expect(await listed('asha')).toEqual([personId]);
  // Then the redelivery of the one that died: found applied, its listings completed, Bela's entry marked left.
  await timeline.project(leaving);
  expect(await listed('bela')).toEqual([]);
  expect(await listed('asha')).toEqual([personId]);
});

it("gives an admin a page of everyone's summaries read a chunk at a time, the page a sort of all of them gives", async () => {
  const first = randomUUID();
  await timeline.project(registered(first));
  await timeline.project(assigned(first, 'asha'));
  const template = (await timeline.summaries.findOne({ _id: first }).lean<Record<string, unknown>>())!;
  const copies = Array.from({ length: 1_200 }, (_, index) => {
    const personId = randomUUID();
    return { ...template, _id: personId, personId, lastEventAt: new Date(Date.UTC(2026, 0, 1, 0, 0, (index * 7) % 1_200)).toISOString() };
  });
  await timeline.summaries.collection.insertMany(copies as never[], { ordered: false });
  let chunks = 0;
  for await (const chunk of timeline.summariesInChunks()) {
    chunks += 1;
    expect(chunk.length).toBeLessThanOrEqual(500);
  }
  expect(chunks).toBe(3);
  const admin = { id: 'root', role: 'admin' };
  const everyone = await collected(timeline.summariesInChunks());
  for (const page of [{ limit: 50 }, { limit: 200, offset: 1_000 }]) {
    const listing = new PageInOrder(byRecentActivity, page);
    for await (const summaries of caseloads.summariesListedFor(admin, timeline)) listing.add(peopleFound(admin, summaries, page));
    expect(listing.page()).toEqual((({ people, total }) => ({ items: people, total }))(findPeople(admin, everyone, page)));
  }
});
