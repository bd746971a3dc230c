import type { Collection, Db, Document } from 'mongodb';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';
import { writeClaimedVersion } from './version-claims';

/** A document changed only through `changeFenced`: its revision counts the writes it took. */
export interface Fenced {
  _id: string;
  revision?: number;
}

/** How many times a change is tried again after another writer got there first, before giving up. */
const MAX_TRIES = 20;

/** A collection of fenced documents, and where the writer of each revision claims it (see writeClaimedVersion). */
export interface FencedCollection {
  documents: Collection;
  claims: Collection;
}

/** The fenced collection `name` of a database, its claims beside it in `<name>_claims`. */
export function fencedCollection(database: Db, name: string): FencedCollection {
  return { documents: database.collection(name), claims: database.collection(`${name}_claims`) };
}

/** The fenced collection of a mongoose model, its claims beside it in `<collection>_claims`. */
export function fencedModel<T>(model: Model<T>): FencedCollection {
  return fencedCollection(model.db.getClient().db(model.db.name), model.collection.collectionName);
}

/**
 * Read-modify-write of one document by its id that loses no write when two writers change it at
 * once: the next revision is written by the one writer who claimed it, on the revision that was
 * read, and when another writer got there first, the document is read again and the change made
 * again on what it wrote. That happens with N replicas: a rebalance hands a partition to another
 * member while the one before it is still finishing its batch, so both apply her events for a
 * moment. `change` gets the document as it is (null if there is none) and returns the next one,
 * or undefined to leave it (already applied). A change must therefore be safe to make again on a
 * newer document: idempotent, and, where order matters, fenced by the position it was read at
 * (see `KnownPeople`). A first revision is an insert, which a unique `_id` fences on every store.
 */
export async function changeFenced<T extends Fenced>(fenced: FencedCollection, id: string, change: (current: T | null) => Omit<T, 'revision'> | undefined): Promise<T | undefined> {
  const { documents, claims } = fenced;
  for (let tries = 1; ; tries += 1) {
    const current = (await documents.findOne({ _id: id } as Document)) as T | null;
    const next = change(current);
    if (!next) return current ?? undefined;
    const revision = (current?.revision ?? 0) + 1;
    const written = { ...next, _id: id, revision } as T;
    if (!current) {
      try {
        await documents.insertOne(written as Document);
        return written;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    } else {
      // A document written before revisions were kept has none: it is matched by that.
      const onRevisionRead = current.revision === undefined ? { revision: { $exists: false } } : { revision: current.revision };
      const replaced = await writeClaimedVersion(claims, id, revision, written, async (claimed) => {
        const { matchedCount } = await documents.replaceOne({ _id: id, ...onRevisionRead } as Document, claimed as Document);
        return matchedCount === 1;
      });
      if (replaced) return written;
    }
    if (tries >= MAX_TRIES) throw new Error(`document ${id}: changed by another writer ${tries} times in a row`);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * tries));
  }
}
