import type { Collection, Document, IndexSpecification } from 'mongodb';
import type { EventEnvelope } from '@mukti/contracts';
import { assertValidEvent, outboxIndex, OutboxFields } from '@mukti/messaging';
import { duplicateKeyIndex, isDuplicateKeyError } from './duplicate-key';

export interface AggregateDocument<State> extends OutboxFields {
  _id: string;
  state: State;
  createdAt: Date;
  updatedAt: Date;
}

/** Another write changed the aggregate since it was read: load it again and decide again. */
export class VersionConflictError extends Error {
  constructor(readonly aggregateId: string, readonly expectedVersion: number) {
    super(`aggregate ${aggregateId} is no longer at version ${expectedVersion}`);
  }
}

/** A unique index other than the id refused the write. */
export class UniqueConstraintError extends Error {
  constructor(readonly index: string | undefined) {
    super(`unique index ${index ?? '(unknown)'} refused the write`);
  }
}

export interface UniqueField {
  /** A top-level field of the aggregate document, maintained by the service. */
  field: string;
}

/**
 * Stores one aggregate per document: its state, its version, and the outbox of events not yet
 * published. `append` writes the new state and its events in ONE single-document operation:
 * an insert for a new aggregate, or an update filtered on the version that was read, so two
 * concurrent commands cannot both succeed (the loser gets a VersionConflictError).
 */
export class AggregateStore<State> {
  constructor(
    readonly collection: Collection,
    private readonly afterAppend: () => void = () => undefined,
  ) {}

  async createIndexes(unique: UniqueField[] = []): Promise<void> {
    await this.collection.createIndex(outboxIndex as IndexSpecification, { name: 'pendingEvents' });
    for (const { field } of unique) {
      await this.collection.createIndex({ [field]: 1 }, { name: field, unique: true });
    }
  }

  async load(id: string): Promise<{ state: State; version: number } | undefined> {
    const document = (await this.collection.findOne({ _id: id } as Document)) as AggregateDocument<State> | null;
    return document ? { state: document.state, version: document.version } : undefined;
  }

  async findOne(filter: Document): Promise<AggregateDocument<State> | undefined> {
    return ((await this.collection.findOne(filter)) as AggregateDocument<State> | null) ?? undefined;
  }

  /**
   * @param expectedVersion the version read (0 for a new aggregate)
   * @param fields top-level fields kept beside the state, such as unique-indexed fingerprints
   */
  async append(
    id: string,
    expectedVersion: number,
    state: State,
    events: EventEnvelope[],
    fields: Record<string, unknown> = {},
  ): Promise<number> {
    events.forEach(assertValidEvent);
    const now = new Date();
    try {
      if (expectedVersion === 0) {
        const document: AggregateDocument<State> = {
          ...fields,
          _id: id,
          state,
          version: 1,
          outbox: events,
          pendingEvents: events.length,
          createdAt: now,
          updatedAt: now,
        };
        await this.collection.insertOne(document as unknown as Document);
      } else {
        const result = await this.collection.updateOne({ _id: id, version: expectedVersion } as Document, {
          $set: { ...fields, state, version: expectedVersion + 1, updatedAt: now },
          $push: { outbox: { $each: events } },
          $inc: { pendingEvents: events.length },
        } as Document);
        // An update result is always returned: only matchedCount says whether it applied.
        if (result.matchedCount !== 1) throw new VersionConflictError(id, expectedVersion);
      }
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const index = duplicateKeyIndex(error);
      if (index === undefined || index === '_id' || index === '_id_') throw new VersionConflictError(id, expectedVersion);
      throw new UniqueConstraintError(index);
    }
    if (events.length > 0) this.afterAppend();
    return expectedVersion + 1;
  }
}
