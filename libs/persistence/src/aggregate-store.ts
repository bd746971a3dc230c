import type { Collection, Document } from 'mongodb';
import type { EventEnvelope } from '@mukti/contracts';
import { assertValidEvent, commitId, CommitRef, OutboxCommit, OutboxRelay } from '@mukti/messaging';
import { duplicateKeyIndex, isDuplicateKeyError } from './duplicate-key';

/** A commit with the aggregate's state after it, so loading an aggregate is reading one document. */
export interface CommitDocument<State> extends OutboxCommit {
  state: State;
  [field: string]: unknown;
}

/** The commit field holding the request key a commit answers (see CommandContext.requestKey). */
export const REQUEST_KEY = 'requestKey';

/** Another command was stored first: load the aggregate again and decide again. */
export class VersionConflictError extends Error {
  constructor(readonly aggregateId: string, readonly expectedVersion: number) {
    super(`aggregate ${aggregateId} is no longer at version ${expectedVersion}`);
  }
}

/** A unique field other than the commit id refused the write. */
export class UniqueConstraintError extends Error {
  constructor(readonly index: string | undefined) {
    super(`unique index ${index ?? '(unknown)'} refused the write`);
  }
}

/**
 * Stores aggregates as a series of commits, one document each: the events a command emitted,
 * the state after them, and whether the events are published yet (the outbox). Appending is a
 * single insert whose _id is aggregate and version, so of two commands decided on the same
 * version exactly one is stored: the store's unique index decides, not a conditional update.
 * (FerretDB 1.x evaluates an update's filter and applies it non-atomically, so version-filtered
 * updates let concurrent writers all "succeed"; an insert against a unique key cannot.)
 *
 * Unique fields (fingerprints, say) are kept on the commit that sets them; every other commit
 * gets a value of its own, so the unique index needs neither sparse nor partial support.
 */
export class AggregateStore<State> {
  constructor(
    readonly collection: Collection,
    private readonly afterAppend: (commit: CommitRef) => void = () => undefined,
    private readonly uniqueFields: string[] = [],
  ) {}

  async createIndexes(): Promise<void> {
    await this.collection.createIndex({ aggregateId: 1, version: -1 }, { name: 'aggregate_version' });
    await OutboxRelay.prepare(this.collection);
    for (const field of this.uniqueFields) {
      await this.collection.createIndex({ [field]: 1 }, { name: field, unique: true });
    }
    await this.prepareRequestKeys();
  }

  /**
   * Every commit carries the request key it answers (or one of its own), under a unique index:
   * a retried command finds its first answer by an equality lookup, and two retries racing each
   * other store one commit. Commits stored before the field get one of their own, once.
   */
  private async prepareRequestKeys(): Promise<void> {
    const indexes = await this.collection.indexes().catch(() => []);
    if (indexes.some((index) => index.name === REQUEST_KEY)) return;
    for await (const old of this.collection.find({ [REQUEST_KEY]: { $exists: false } }).project({ _id: 1 })) {
      await this.collection.updateOne({ _id: old['_id'] }, { $set: { [REQUEST_KEY]: `commit:${String(old['_id'])}` } });
    }
    await this.collection.createIndex({ [REQUEST_KEY]: 1 }, { name: REQUEST_KEY, unique: true });
  }

  /** The commit that answered this request key, if any: the first answer to give a retry. */
  async answered(requestKey: string): Promise<CommitDocument<State> | undefined> {
    return ((await this.collection.findOne({ [REQUEST_KEY]: requestKey })) as CommitDocument<State> | null) ?? undefined;
  }

  /** The aggregate's latest state and version, or undefined if it has no commit yet. */
  async load(aggregateId: string): Promise<{ state: State; version: number } | undefined> {
    const latest = await this.latest(aggregateId);
    return latest ? { state: latest.state, version: latest.version } : undefined;
  }

  async latest(aggregateId: string): Promise<CommitDocument<State> | undefined> {
    const [latest] = await this.collection.find({ aggregateId }).sort({ version: -1 }).limit(1).toArray();
    return (latest as unknown as CommitDocument<State> | undefined) ?? undefined;
  }

  /** Every event of the aggregate, oldest first: its commits by one equality on the indexed aggregate id (a read of her history, for a staff member's view of it). */
  async events(aggregateId: string): Promise<EventEnvelope[]> {
    const commits = (await this.collection.find({ aggregateId }).project({ version: 1, events: 1 }).toArray()) as unknown as Pick<CommitDocument<State>, 'version' | 'events'>[];
    return commits.sort((a, b) => a.version - b.version).flatMap((commit) => commit.events);
  }

  async commit(aggregateId: string, version: number): Promise<CommitDocument<State> | undefined> {
    return ((await this.collection.findOne({ _id: commitId(aggregateId, version) } as Document)) as CommitDocument<State> | null) ?? undefined;
  }

  /** The commit holding a unique field's value (to answer "already registered as ..."). */
  async findByUniqueField(field: string, value: string): Promise<CommitDocument<State> | undefined> {
    return ((await this.collection.findOne({ [field]: value })) as CommitDocument<State> | null) ?? undefined;
  }

  /**
   * Gives up every unique value the aggregate's commits claim (for erasure: keyed fingerprints of
   * a person must not outlive her). The only change ever made to a stored commit besides marking
   * it published.
   */
  async releaseUniqueFields(aggregateId: string): Promise<void> {
    if (this.uniqueFields.length === 0) return;
    const commits = await this.collection.find({ aggregateId }).toArray();
    for (const commit of commits) {
      const released = Object.fromEntries(this.uniqueFields.map((field) => [field, `released:${commit._id}`]));
      await this.collection.updateOne({ _id: commit._id }, { $set: released });
    }
  }

  /**
   * @param expectedVersion the version the command was decided on (0 for a new aggregate)
   * @param fields values of unique fields this commit claims
   * @returns the new version
   */
  async append(
    aggregateId: string,
    expectedVersion: number,
    state: State,
    events: EventEnvelope[],
    fields: Record<string, string> = {},
  ): Promise<number> {
    events.forEach(assertValidEvent);
    const version = expectedVersion + 1;
    const _id = commitId(aggregateId, version);
    const unique = Object.fromEntries([...this.uniqueFields, REQUEST_KEY].map((field) => [field, fields[field] ?? `commit:${_id}`]));
    const commit: CommitDocument<State> = {
      ...unique,
      _id,
      aggregateId,
      version,
      state,
      events,
      outbox: events.length > 0 ? 'pending' : 'none',
      pendingEvents: events.length,
      committedAt: new Date(),
    };
    try {
      await this.collection.insertOne(commit as unknown as Document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw await this.explainDuplicate(error, commit);
    }
    if (events.length > 0) this.afterAppend({ collection: this.collection.collectionName, id: _id });
    return version;
  }

  /** MongoDB names the index that refused a duplicate; FerretDB does not, so ask the store. */
  private async explainDuplicate(error: unknown, commit: CommitDocument<State>): Promise<Error> {
    const unique = [...this.uniqueFields, REQUEST_KEY];
    const index = duplicateKeyIndex(error);
    if (index !== undefined && unique.includes(index)) return new UniqueConstraintError(index);
    if (index === undefined && !(await this.collection.findOne({ _id: commit._id } as Document))) {
      for (const field of unique) {
        if (await this.collection.findOne({ [field]: commit[field] })) return new UniqueConstraintError(field);
      }
    }
    return new VersionConflictError(commit.aggregateId, commit.version - 1);
  }
}

/**
 * How a service provides an aggregate store on a collection of its database (inject the database,
 * then its outbox publishing): indexes created at start, and the outbox relay nudged after every write.
 */
export function aggregateStoreFactory<State>(collection: string, uniqueFields: string[] = []) {
  return async (database: { collection(name: string): Collection }, publishing: { nudge: (commit: CommitRef) => void }): Promise<AggregateStore<State>> => {
    const store = new AggregateStore<State>(database.collection(collection), publishing.nudge, uniqueFields);
    await store.createIndexes();
    return store;
  };
}
