import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';

/**
 * The audit trail is tamper-evident: the records of each partition of the audit topic form a
 * chain, each carrying its place (`seq`), the hash of the one before it and its own hash over all
 * it stores. Altering a record breaks its hash; deleting one leaves a gap in `seq` or a
 * `previousHash` that no longer matches; the chain's head (the last link, kept apart) shows a
 * truncated tail. Pure functions: the store appends with them, `npm run audit-trail -- verify`
 * checks with them.
 */

/** The `previousHash` of a partition's first record. */
export const genesisHash = '0'.repeat(64);

/** Where a record sits in its partition's chain. */
export interface ChainPlace {
  partition: number;
  seq: number;
  previousHash: string;
}

/** A stored record: what it says, where it sits, and its hash over both. */
export type ChainedRecord = Record<string, unknown> & ChainPlace & { hash: string };

// Keys sorted, no bigint or cycles: the same record hashes the same however its keys were ordered.
const canonical = configure({ deterministic: true, bigint: false, circularValue: Error, strict: true });

/** The hash of a record at its place: over every field it stores except its own hash (and the store's _id). */
export function hashOf(record: Record<string, unknown>): string {
  const { _id, hash, ...content } = record;
  return createHash('sha256').update(canonical(content) as string).digest('hex');
}

/** The record as it joins the chain after `previous` (the partition's head, or none for its first). */
export function link<T extends Record<string, unknown>>(
  record: T,
  partition: number,
  previous: { seq: number; hash: string } | undefined,
): T & ChainPlace & { hash: string } {
  const placed = { ...record, partition, seq: (previous?.seq ?? 0) + 1, previousHash: previous?.hash ?? genesisHash };
  return { ...placed, hash: hashOf(placed) };
}

/** The first thing wrong with a partition's chain, in words an operator can act on. */
export type ChainBreak =
  | { kind: 'altered'; seq: number; id: string }
  | { kind: 'missing'; seq: number }
  | { kind: 'relinked'; seq: number; id: string }
  | { kind: 'truncated'; lastSeq: number; headSeq: number };

export function describeBreak(partition: number, found: ChainBreak): string {
  switch (found.kind) {
    case 'altered':
      return `partition ${partition}: record ${found.seq} (${found.id}) does not match its hash: it was changed after it was written`;
    case 'missing':
      return `partition ${partition}: record ${found.seq} is missing: it was deleted`;
    case 'relinked':
      return `partition ${partition}: record ${found.seq} (${found.id}) does not follow the record before it: the chain was rewritten`;
    case 'truncated':
      return `partition ${partition}: the chain ends at record ${found.lastSeq} but its head is record ${found.headSeq} with another hash: its tail was deleted or rewritten`;
  }
}

/**
 * Walks one partition's records in `seq` order and returns the first break, or undefined when the
 * chain is whole and ends where its head says. Takes an async iterable so a long trail is read
 * as a stream, never held in memory.
 */
export async function firstBreak(
  records: AsyncIterable<ChainedRecord>,
  head: { seq: number; hash: string } | undefined,
): Promise<{ checked: number; found?: ChainBreak }> {
  let expectedSeq = 1;
  let previousHash = genesisHash;
  let checked = 0;
  for await (const record of records) {
    const id = String(record['id'] ?? record['_id']);
    if (record.seq !== expectedSeq) return { checked, found: { kind: 'missing', seq: expectedSeq } };
    if (hashOf(record) !== record.hash) return { checked, found: { kind: 'altered', seq: record.seq, id } };
    if (record.previousHash !== previousHash) return { checked, found: { kind: 'relinked', seq: record.seq, id } };
    previousHash = record.hash;
    expectedSeq += 1;
    checked += 1;
  }
  const lastSeq = expectedSeq - 1;
  // A head behind the last record is a writer that stopped between the two writes (its next append
  // moves it on); a head beyond it, or at it with another hash, is a tail that was removed or replaced.
  if (head && head.seq > lastSeq) return { checked, found: { kind: 'truncated', lastSeq, headSeq: head.seq } };
  if (head && head.seq === lastSeq && lastSeq > 0 && head.hash !== previousHash) {
    return { checked, found: { kind: 'truncated', lastSeq, headSeq: head.seq } };
  }
  return { checked };
}
