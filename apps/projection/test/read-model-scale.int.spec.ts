/**
 * How the projection's reads and writes grow with the people: N summaries seeded straight into a
 * projection database, then one event applied, the indicators (every summary read, as before, and
 * the counters, as now) and a caseload page, timed at each size. Runs only when asked:
 * MUKTI_BENCH_SIZES=1000,20000 npx jest apps/projection/test/read-model-scale.int.spec.ts --forceExit
 */
import mongoose, { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { AnyPillarEventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { uniqueDatabaseUri } from '@mukti/testing';
import { indicatorsFromCells } from '../src/indicators/indicator-cells';
import { programmeIndicators } from '../src/indicators/indicators';
import { findPeople } from '../src/queries/find-people/find-people';
import { CaseloadIndex } from '../src/queries/caseload-index';
import type { PersonSummary } from '../src/timeline/person-summary';
import { StoredSummary, TimelineStore } from '../src/timeline/timeline.store';

/** Every summary a listing would read, collected (what a test compares with). */
async function collected(chunks: AsyncIterable<PersonSummary[]>): Promise<PersonSummary[]> {
  const all: PersonSummary[] = [];
  for await (const chunk of chunks) all.push(...chunk);
  return all;
}

const sizes = (process.env['MUKTI_BENCH_SIZES'] ?? '').split(',').filter(Boolean).map(Number);
const maybe = sizes.length > 0 ? it : it.skip;

const event = (personId: string, type: string, time: string, data: Record<string, unknown>) =>
  ({ id: randomUUID(), type, source: '/mukti/intake', subject: personId, time, data: { personId, ...data }, correlationId: 'c', actor: { id: 'asha', role: 'caseworker' } }) as AnyPillarEventEnvelope;
const registration = (personId: string, index: number) =>
  event(personId, intakeEventTypes.personRegistered, new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(), {
    role: 'survivor', gender: 'female', ageBand: '18-24', origin: { state: ['Bihar', 'Odisha', 'Assam'][index % 3], district: 'X' }, referralSource: 'police', languages: ['hi'],
  });

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const taken: number[] = [];
  for (let round = 0; round < times; round += 1) {
    const started = performance.now();
    await run();
    taken.push(performance.now() - started);
  }
  return taken.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

maybe('times one event, the indicators and a caseload page as the people grow', async () => {
  const rows: string[] = [];
  for (const size of sizes) {
    const connection: Connection = await mongoose.createConnection(uniqueDatabaseUri('projection-scale')).asPromise();
    const store = new TimelineStore(connection);
    await store.createIndexes();
    // One person through the store, the rest as copies of her summary under their own ids, her cells counted N times.
    const first = randomUUID();
    await store.project(registration(first, 0));
    await store.project(event(first, intakeEventTypes.staffAssigned, '2026-01-02T00:00:00.000Z', { staffId: 'asha', staffRole: 'caseworker', assignedAt: '2026-01-02T00:00:00.000Z' }));
    const template = (await store.summaries.findOne({ _id: first }).lean<StoredSummary>())!;
    for (let from = 1; from < size; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - from) }, (_, offset) => {
        const personId = randomUUID();
        // A hundred caseworkers, each on the case teams of one person in a hundred.
        const caseTeam = { [`cw-${(from + offset) % 100}`]: { role: 'caseworker', since: '2026-01-02T00:00:00.000Z' } };
        return { ...template, _id: personId, personId, caseTeam, view: { ...template.view, personId }, lastEventAt: new Date(Date.UTC(2026, 0, 2, 0, 0, from + offset)).toISOString() };
      });
      await store.summaries.collection.insertMany(batch as never[], { ordered: false });
    }
    for (const cell of template.counted) await store.cells.collection.updateOne({ _id: cell } as never, { $set: { count: size, inFlight: [] } }, { upsert: true });
    const someone = randomUUID();
    await store.project(registration(someone, 1));
    const apply = await median(5, () => store.project(event(someone, intakeEventTypes.vulnerabilityAssessed, new Date().toISOString(), { level: 'high', score: 7, factors: [] })));
    const indicatorsBefore = await median(3, async () => programmeIndicators(await collected(store.summariesInChunks())));
    const indicatorsAfter = await median(5, async () => indicatorsFromCells(await store.indicatorCells()));
    const caseworker = { id: 'cw-7', role: 'caseworker' };
    const caseload = await median(3, async () => findPeople(caseworker, await collected(store.summariesInChunks()), { limit: 50 }));
    const caseloads = new CaseloadIndex(connection.collection(`caseloads`), connection.collection('caseloads_meta'));
    await caseloads.createIndexes();
    await caseloads.buildOnce(store);
    const fromIndex = await median(5, async () => findPeople(caseworker, await collected(caseloads.summariesListedFor(caseworker, store)), { limit: 50 }));
    expect(findPeople(caseworker, await collected(caseloads.summariesListedFor(caseworker, store)), { limit: 50 })).toEqual(findPeople(caseworker, await collected(store.summariesInChunks()), { limit: 50 }));
    rows.push(`| ${size} | ${apply.toFixed(1)} ms | ${indicatorsBefore.toFixed(0)} ms | ${indicatorsAfter.toFixed(1)} ms | ${caseload.toFixed(0)} ms | ${fromIndex.toFixed(1)} ms |`);
    await connection.dropDatabase();
    await connection.close();
  }
  process.stdout.write(['', '| people | one event applied | indicators, every summary (before) | indicators, counters (after) | caseload page, every summary (before) | caseload page, caseload index (after) |', '| --- | --- | --- | --- | --- | --- |', ...rows, ''].join('\n'));
}, 3_600_000);
