import type { Collection, Document } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key';

/** A document changed only through `changeFenced`: its revision counts the writes it took. */
export interface Fenced {
  _id: string;
  revision?: number;
}

/** How many times a change is tried again after another writer got there first, before giving up. */
const MAX_TRIES = 20;

/**
 * Read-modify-write of one document by its id that loses no write when two writers change it at
 * once: the write is made only on the revision that was read, and when another writer got there
 * first, the document is read again and the change made again on what it wrote. That happens with
 * N replicas: a rebalance hands a partition to another member while the one before it is still
 * finishing its batch, so both apply her events for a moment. `change` gets the document as it is
 * (null if there is none) and returns the next one, or undefined to leave it (already applied).
 * A change must therefore be safe to make again on a newer document: idempotent, and, where order
 * matters, fenced by the position it was read at (see `KnownPeople`).
 *
 * On MongoDB the write on the revision read is atomic. FerretDB 1.x reads, then writes, so two
 * writes in the same instant could both pass there (the projection's summaries, written far more
 * often, claim each version with an insert instead); the embedded store is for development.
 */
export async function changeFenced<T extends Fenced>(collection: Collection, id: string, change: (current: T | null) => Omit<T, 'revision'> | undefined): Promise<T | undefined> {
  for (let tries = 1; ; tries += 1) {
    const current = (await collection.findOne({ _id: id } as Document)) as T | null;
    const next = change(current);
    if (!next) return current ?? undefined;
    const revision = (current?.revision ?? 0) + 1;
    const written = { ...next, _id: id, revision } as T;
    if (!current) {
      try {
        await collection.insertOne(written as Document);
        return written;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    } else {
      // A document written before revisions were kept has none: it is matched by that.
      const onRevisionRead = current.revision === undefined ? { revision: { $exists: false } } : { revision: current.revision };
      const replaced = await collection.replaceOne({ _id: id, ...onRevisionRead } as Document, written as Document);
      if (replaced.matchedCount === 1) return written;
    }
    if (tries >= MAX_TRIES) throw new Error(`document ${id}: changed by another writer ${tries} times in a row`);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * tries));
  }
}
