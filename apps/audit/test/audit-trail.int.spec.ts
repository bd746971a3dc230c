import { randomUUID } from 'node:crypto';
import type { EventEnvelope, auditEventTypes } from '@mukti/contracts';
import { ServiceDatabase } from '@mukti/persistence';
import { uniqueDatabaseUri } from '@mukti/testing';
import type { AuditStore } from '../src/trail/audit.store';
import { auditStoreOf } from '../src/trail/verify-audit-trail';

type AuditEvent = EventEnvelope<typeof auditEventTypes.personDataAccessed>;

const personId = randomUUID();
let at = Date.parse('2026-12-02T10:00:00Z');

function accessed(): AuditEvent {
  at += 1000;
  return {
    id: randomUUID(),
    type: 'org.mukti.audit.person-data-accessed.v1',
    source: '/mukti/gateway',
    subject: personId,
    time: new Date(at).toISOString(),
    data: { personId, staffId: 'caseworker-1', staffRole: 'caseworker', action: 'readPerson', method: 'GET', outcome: 'succeeded', status: 200, requestId: randomUUID(), at: new Date(at).toISOString() },
  } as unknown as AuditEvent;
}

describe('the audit trail is tamper-evident (real store)', () => {
  let database: ServiceDatabase;
  let store: AuditStore;

  beforeEach(async () => {
    database = await ServiceDatabase.connect(uniqueDatabaseUri('audit-chain'));
    store = auditStoreOf(database);
    await store.createIndexes();
  });
  afterEach(() => database.onApplicationShutdown());

  const records = () => database.collection('audit_records');

  it('chains every record of a partition, once each, however often an event is delivered', async () => {
    const events = [accessed(), accessed(), accessed()];
    for (const event of events) await store.append(event, { partition: 0 });
    await store.append(events[1]!, { partition: 0 });
    await store.append(accessed(), { partition: 1 });

    await expect(store.verify()).resolves.toEqual({
      partitions: [
        { partition: 0, records: 3, intact: true },
        { partition: 1, records: 1, intact: true },
      ],
      unchained: 0,
    });
    expect(await records().countDocuments({})).toBe(4);
    // Nothing of the chain reaches an admin's page of the trail.
    const [newest] = await store.page({ personId }, 1, 10);
    expect(Object.keys(newest!).sort()).not.toEqual(expect.arrayContaining(['hash']));
  });

  it('names a record changed in the store', async () => {
    const events = [accessed(), accessed(), accessed()];
    for (const event of events) await store.append(event, { partition: 0 });
    await records().updateOne({ _id: events[1]!.id as never }, { $set: { reason: 'nothing to see here' } });

    const { partitions } = await store.verify();
    expect(partitions[0]).toMatchObject({ intact: false, records: 1, problem: `partition 0: record 2 (${events[1]!.id}) does not match its hash: it was changed after it was written` });
  });

  it('names a record deleted from the store, and a tail cut off', async () => {
    const events = [accessed(), accessed(), accessed(), accessed()];
    for (const event of events) await store.append(event, { partition: 0 });
    await records().deleteOne({ _id: events[3]!.id as never });
    expect((await store.verify()).partitions[0]).toMatchObject({ intact: false, problem: expect.stringContaining('its tail was deleted or rewritten') });

    await records().deleteOne({ _id: events[1]!.id as never });
    expect((await store.verify()).partitions[0]).toMatchObject({ intact: false, problem: 'partition 0: record 2 is missing: it was deleted' });
  });

  it('carries on after a writer stopped between writing a record and moving the head', async () => {
    const [first, second, third] = [accessed(), accessed(), accessed()];
    await store.append(first!, { partition: 0 });
    await store.append(second!, { partition: 0 });
    // As if killed after its insert: the head is put back one record.
    const heads = database.collection('audit_chain_heads');
    const stored = await records().findOne({ _id: first!.id as never });
    await heads.updateOne({ _id: 'partition-0' as never }, { $set: { seq: 1, hash: stored!['hash'] } });

    await store.append(third!, { partition: 0 });
    await store.append(second!, { partition: 0 });

    await expect(store.verify()).resolves.toEqual({ partitions: [{ partition: 0, records: 3, intact: true }], unchained: 0 });
  });

  it('keeps one chain when two writers append to the same partition at once (a rebalance overlap)', async () => {
    const second = auditStoreOf(database);
    const events = Array.from({ length: 12 }, accessed);
    await Promise.all([
      (async () => { for (const event of events.slice(0, 6)) await store.append(event, { partition: 0 }); })(),
      (async () => { for (const event of events.slice(6)) await second.append(event, { partition: 0 }); })(),
    ]);
    await expect(store.verify()).resolves.toEqual({ partitions: [{ partition: 0, records: 12, intact: true }], unchained: 0 });
  });
});
