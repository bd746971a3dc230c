import type { EventEnvelope } from '@mukti/contracts';

/**
 * Where a commit's events are: `pending` until the relay has them acknowledged by the broker,
 * then `published`; `none` for a commit without events; `set-aside` when the broker refused them
 * for good (too large, not matching their schema): kept, reported, and holding that aggregate's
 * later commits (`held`) until an operator puts it back to `pending`.
 */
export type OutboxStatus = 'pending' | 'published' | 'none' | 'set-aside' | 'held';

/**
 * A commit: one accepted command's new state and the events it emitted, written together as ONE
 * new document (insert-only, so no multi-document transaction and no conditional update is
 * needed: a unique _id of aggregate and version is what refuses a concurrent second writer).
 * The relay publishes the events of `pending` commits, then marks them `published`.
 */
export interface OutboxCommit {
  /** `${aggregateId}:${version}` */
  _id: string;
  aggregateId: string;
  version: number;
  events: EventEnvelope[];
  /** What the relay looks commits up by: an equality on an indexed field (a range would scan). */
  outbox?: OutboxStatus;
  /** Events not yet published (kept for readers of commits written before `outbox`). */
  pendingEvents: number;
  committedAt: Date;
  publishedAt?: Date;
  setAside?: { at: Date; reason: string };
}

export const commitId = (aggregateId: string, version: number) => `${aggregateId}:${version}`;

/** The relay's index: commits by where their events are. */
export const outboxIndex = { outbox: 1 } as const;

/** A commit the relay should publish now: written by this process a moment ago. */
export interface CommitRef {
  collection: string;
  id: string;
}
