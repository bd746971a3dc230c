import type { Collection, Document } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key';

/** The one writer of a document's version `v`: `<id>@<v>`, with what it is writing. */
export interface VersionClaim {
  _id: string;
  next: unknown;
  at: Date;
}

/** A claim left this long by a writer that never wrote its version (it crashed) is completed by the next writer. */
export const ABANDONED_CLAIM_MS = 30_000;

/**
 * Writes a document's next version so that of two writers who read the same version exactly one
 * writes the next, on every store. A write filtered on the version read is that on MongoDB, but
 * FerretDB 1.x evaluates the filter, then writes, so two such writes in the same instant can both
 * pass and one change is lost. An insert against a unique `_id` cannot: the writer first inserts
 * the claim `<id>@<version>`, and only the one whose insert went in writes (`write`, still filtered
 * on the version it was made from). A claim whose writer crashed before writing is completed, with
 * what it claimed, by the first writer to find it older than ABANDONED_CLAIM_MS. Returns whether
 * `next` was written; false means read again and decide again.
 */
export async function writeClaimedVersion<T>(claims: Collection, id: string, version: number, next: T, write: (next: T) => Promise<boolean>): Promise<boolean> {
  const claimId = `${id}@${version}`;
  try {
    await claims.insertOne({ _id: claimId, next, at: new Date() } as Document);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const claim = (await claims.findOne({ _id: claimId } as Document)) as VersionClaim | null;
    if (claim && Date.now() - claim.at.getTime() > ABANDONED_CLAIM_MS) await write(claim.next as T);
    else await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    return false;
  }
  if (!(await write(next))) {
    // Read two versions or more ago: the claim on this version had been cleared by the writer of
    // the next, so it went in, but the document has moved on. Nothing was written: read again.
    await claims.deleteOne({ _id: claimId } as Document);
    return false;
  }
  // The claim before it is done with: at most two claims per document at any time.
  await claims.deleteOne({ _id: `${id}@${version - 1}` } as Document);
  return true;
}
