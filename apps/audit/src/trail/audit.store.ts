import type { Collection, Document } from 'mongodb';
import type { EventEnvelope, auditEventTypes } from '@mukti/contracts';
import { isDuplicateKeyError } from '@mukti/persistence';
import type { AuditRecordView } from '@mukti/staff-api';

type AuditEvent = EventEnvelope<typeof auditEventTypes.personDataAccessed>;
type StoredRecord = AuditRecordView & { _id: string; personId: string | null; recordId: string | null };

/** The queryable copy of the audit trail: append-only, one document per record, keyed by its event id. */
export class AuditStore {
  constructor(private readonly records: Collection) {}

  async createIndexes(): Promise<void> {
    await this.records.createIndex({ personId: 1, at: -1 }, { name: 'person_time' });
    await this.records.createIndex({ recordId: 1, at: -1 }, { name: 'record_time' });
  }

  async append(event: AuditEvent): Promise<void> {
    const { personId, ...record } = event.data;
    try {
      // A registration's request record has no person yet; its outcome record, with the same request id, has.
      // The record it opened (an operation, a case) is kept by its id too, so its trail is one indexed equality away.
      await this.records.insertOne({ _id: event.id, id: event.id, personId: personId ?? null, recordId: record.record?.id ?? null, ...record } as unknown as Document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** A page of the trail of one person, or of one record with a team of its own (an operation, a case...), newest first. */
  async page(about: { personId: string } | { recordId: string }, page: number, pageSize: number): Promise<AuditRecordView[]> {
    const found = (await this.records
      .find(about as Document)
      .sort({ at: -1, _id: -1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .toArray()) as unknown as StoredRecord[];
    return found.map(({ _id, personId, recordId: _record, ...record }) => ({ ...record, ...('recordId' in about && personId ? { personId } : {}) }));
  }
}
