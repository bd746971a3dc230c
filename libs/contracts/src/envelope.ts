/**
 * A domain event as the platform passes it around: CloudEvents 1.0 attributes plus the
 * tracing metadata that lets one staff request be followed through every service.
 * On Kafka it travels in binary mode (ce_* headers, JSON payload); see @mukti/messaging.
 */
import { randomUUID } from 'node:crypto';
import type { EventData, EventType, PillarEventType } from './event-catalog';

export interface Actor {
  /** The staff member's subject (the token's "sub"), or "system:<service>" for reactions. */
  readonly id: string;
  readonly role: string;
}

export interface EventEnvelope<T extends EventType = EventType> {
  readonly id: string;
  readonly type: T;
  /** The producing service, as a URI reference: /mukti/intake. */
  readonly source: string;
  /** Whose event this is, usually the person's id; the Kafka key, so her events keep their order. */
  readonly subject: string;
  /** When it happened (ISO 8601). */
  readonly time: string;
  readonly data: EventData<T>;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor: Actor;
  /** W3C trace context of the request that caused it. */
  readonly traceparent?: string;
}

export type AnyEventEnvelope = { [T in EventType]: EventEnvelope<T> }[EventType];

/** What a command handler knows about the request that caused the events. */
export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
}

/** A fact decided by domain logic, before it gets an id and envelope. */
export interface DomainEvent<T extends EventType = EventType> {
  readonly type: T;
  readonly subject: string;
  readonly time: string;
  readonly data: EventData<T>;
}

export type AnyDomainEvent = { [T in EventType]: DomainEvent<T> }[EventType];

export function envelope<T extends EventType>(
  event: DomainEvent<T>,
  source: string,
  context: CommandContext,
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type: event.type,
    source,
    subject: event.subject,
    time: event.time,
    data: event.data,
    correlationId: context.correlationId,
    causationId: context.causationId,
    actor: context.actor,
    traceparent: context.traceparent,
  };
}

export type AnyPillarEventEnvelope = { [T in PillarEventType]: EventEnvelope<T> }[PillarEventType];
