import type { EventEnvelope } from '@mukti/contracts';

/**
 * The outbox lives inside each aggregate document: the state change and the events it emits
 * are written in the same single-document update, so neither exists without the other, with no
 * multi-document transaction. The relay publishes `outbox` in order and then removes what it
 * published; `pendingEvents` is what it searches on (an indexed number works on every store).
 */
export interface OutboxFields {
  version: number;
  outbox: EventEnvelope[];
  pendingEvents: number;
}

export const outboxIndex = { pendingEvents: 1 } as const;
