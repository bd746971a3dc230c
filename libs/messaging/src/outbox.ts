import type { EventEnvelope } from '@mukti/contracts';

/**
 * A commit: one accepted command's new state and the events it emitted, written together as ONE
 * new document (insert-only, so no multi-document transaction and no conditional update is
 * needed: a unique _id of aggregate and version is what refuses a concurrent second writer).
 * The relay publishes the events of commits with `pendingEvents` > 0, then sets it to 0.
 */
export interface OutboxCommit {
  /** `${aggregateId}:${version}` */
  _id: string;
  aggregateId: string;
  version: number;
  events: EventEnvelope[];
  /** Events not yet published: what the relay searches on. */
  pendingEvents: number;
  committedAt: Date;
  publishedAt?: Date;
}

export const commitId = (aggregateId: string, version: number) => `${aggregateId}:${version}`;

/** The relay's index: unpublished commits, in each aggregate's order. */
export const outboxIndex = { pendingEvents: 1, aggregateId: 1, version: 1 } as const;
