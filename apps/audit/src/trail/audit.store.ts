import type { Collection, Document } from 'mongodb';
import type { EventEnvelope, auditEventTypes } from '@mukti/contracts';
import type { MessagePosition } from '@mukti/messaging';
import { isDuplicateKeyError } from '@mukti/persistence';
import type { AuditRecordView } from '@mukti/staff-api';
import { ChainedRecord, describeBreak, firstBreak, link } from './hash-chain';

type AuditEvent = EventEnvelope<typeof auditEventTypes.personDataAccessed>;
type StoredRecord = AuditRecordView & ChainedRecord & { _id: string; personId: string | null; recordId: string | null };
type ChainHead = { _id: string; partition: number; seq: number; hash: string };

/** What `verify` found for one partition's chain. */
export interface PartitionVerdict {
  partition: number;
  records: number;
  intact: boolean;
  problem?: string;
}

/**
 * The queryable copy of the audit trail: append-only, one document per record, keyed by its event
 * id, and chained per partition of the audit topic (see hash-chain.ts). The partition's head is a
 * small document of its own, so appending costs two lookups by id and two writes, whatever the
 * trail's length. One consumer owns a partition at a time; should two overlap in a rebalance, the
 * unique (partition, seq) index lets only one record take each place, and the other re-reads the head.
 */
export class AuditStore {
  constructor(
    private readonly records: Collection,
    private readonly heads: Collection,
  ) {}

  async createIndexes(): Promise<void> {
    await this.records.createIndex({ personId: 1, at: -1 }, { name: 'person_time' });
    await this.records.createIndex({ recordId: 1, at: -1 }, { name: 'record_time' });
    await this.records.createIndex({ partition: 1, seq: 1 }, { name: 'chain_place', unique: true });
  }

  async append(event: AuditEvent, delivery: Pick<MessagePosition, 'partition'>): Promise<void> {
    const { personId, ...record } = event.data;
    // A registration's request record has no person yet; its outcome record, with the same request id, has.
    // The record it opened (an operation, a case) is kept by its id too, so its trail is one indexed equality away.
    const content = { id: event.id, personId: personId ?? null, recordId: record.record?.id ?? null, ...record };
    const headId = `partition-${delivery.partition}`;
    for (;;) {
      const head = ((await this.heads.findOne({ _id: headId as never })) as ChainHead | null) ?? undefined;
      const chained = link(content, delivery.partition, head);
      try {
        await this.records.insertOne({ _id: event.id, ...chained } as unknown as Document);
        await this.advanceHead(headId, chained);
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      // Either this record is in already (a redelivery, or a crash before the head moved), or another
      // writer took this place: move the head up to what is stored, and try again if the record is not in.
      const already = (await this.records.findOne({ _id: event.id as never })) as StoredRecord | null;
      const taken = already ?? ((await this.records.findOne({ partition: delivery.partition, seq: chained.seq })) as StoredRecord | null);
      if (taken) await this.advanceHead(headId, taken);
      if (already) return;
    }
  }

  /** Moves a partition's head to a record, never back (the head only ever names the last record written). */
  private async advanceHead(headId: string, record: { partition: number; seq: number; hash: string }): Promise<void> {
    const head = { partition: record.partition, seq: record.seq, hash: record.hash };
    const moved = await this.heads.updateOne({ _id: headId as never, seq: { $lt: record.seq } }, { $set: head });
    if (moved.matchedCount > 0) return;
    try {
      await this.heads.insertOne({ _id: headId as never, ...head });
    } catch (error) {
      // It exists at this place or beyond: nothing to move.
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
    return found.map(({ _id, personId, recordId: _record, partition: _p, seq: _s, previousHash: _ph, hash: _h, ...record }) => ({
      ...(record as AuditRecordView),
      ...('recordId' in about && personId ? { personId } : {}),
    }));
  }

  /**
   * Checks every partition's chain from its first record to its head. It reads the whole trail
   * (a scan, in `seq` order per partition): an operator's command, never a request's path.
   */
  async verify(): Promise<{ partitions: PartitionVerdict[]; unchained: number }> {
    const heads = (await this.heads.find({}).toArray()) as unknown as ChainHead[];
    const partitions = new Set<number>([...heads.map((head) => head.partition), ...((await this.records.distinct('partition')) as number[])]);
    const verdicts: PartitionVerdict[] = [];
    for (const partition of [...partitions].filter((p) => typeof p === 'number').sort((a, b) => a - b)) {
      const head = heads.find((candidate) => candidate.partition === partition);
      const chain = this.records.find({ partition }).sort({ seq: 1 }) as unknown as AsyncIterable<ChainedRecord>;
      const { checked, found } = await firstBreak(chain, head);
      verdicts.push({ partition, records: checked, intact: !found, ...(found ? { problem: describeBreak(partition, found) } : {}) });
    }
    // Records written before the trail was chained carry no place: counted, not vouched for.
    return { partitions: verdicts, unchained: await this.records.countDocuments({ seq: { $exists: false } }) };
  }
}
