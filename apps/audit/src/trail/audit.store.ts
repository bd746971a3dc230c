import type { Collection, Document } from 'mongodb';
import type { EventEnvelope, auditEventTypes } from '@mukti/contracts';
import { isDuplicateKeyError } from '@mukti/persistence';
import type { AuditRecordView } from '@mukti/staff-api';

type AuditEvent = EventEnvelope<typeof auditEventTypes.personDataAccessed>;
type StoredRecord = AuditRecordView & { _id: string; personId: string };

/** The queryable copy of the audit trail: append-only, one document per record, keyed by its event id. */
export class AuditStore {
  constructor(private readonly records: Collection) {}

  async createIndexes(): Promise<void> {
    await this.records.createIndex({ personId: 1, at: -1 }, { name: 'person_time' });
  }

  async append(event: AuditEvent): Promise<void> {
    const { personId, ...record } = event.data;
    try {
      // A registration's request record has no person yet; its outcome record, with the same request id, has.
      await this.records.insertOne({ _id: event.id, id: event.id, personId: personId ?? null, ...record } as unknown as Document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async page(personId: string, page: number, pageSize: number): Promise<AuditRecordView[]> {
    const found = (await this.records
      .find({ personId })
      .sort({ at: -1, _id: -1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .toArray()) as unknown as StoredRecord[];
    return found.map(({ _id, personId: _person, ...record }) => record);
  }
}
