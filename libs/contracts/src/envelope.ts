/**
 * A domain event as the platform passes it around: CloudEvents 1.0 attributes plus the
 * tracing metadata that lets one staff request be followed through every service.
 * On Kafka it travels in binary mode (ce_* headers, JSON payload); see @mukti/messaging.
 */
import { createHash, randomUUID } from 'node:crypto';
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
  /**
   * What, of all a reaction decides from one cause on one aggregate, this decision is about (a
   * victim and a consent, say): part of its events' ids, so that two decisions from one cause do
   * not take the same ids (see reactionEventId).
   */
  readonly reactingAbout?: string;
  readonly traceparent?: string;
  /**
   * The caller's Idempotency-Key, scoped to the caller ("<actor id>|<key>"): a retry of the same
   * request gets the answer of the first instead of doing it twice.
   */
  readonly requestKey?: string;
}

/** A fact decided by domain logic, before it gets an id and envelope. */
export interface DomainEvent<T extends EventType = EventType> {
  readonly type: T;
  readonly subject: string;
  readonly time: string;
  readonly data: EventData<T>;
}

export type AnyDomainEvent = { [T in EventType]: DomainEvent<T> }[EventType];

/**
 * The id of the index-th event a reaction decided on one aggregate, from the event that caused it:
 * the same cause gives the same ids however often it is handled (a redelivery after a crash, a
 * rebuild), so consumers, who skip ids they have seen, apply it once. A name-based UUID (version 5
 * layout over SHA-1), so it looks like any other event id. A reaction that decides several times
 * from one cause on one aggregate names what each decision is about (`reactingAbout`).
 */
export function reactionEventId(causationId: string, aggregateId: string, index: number, reactingAbout?: string): string {
  // Without `reactingAbout`, the ids events were always given: a rebuild decides them the same.
  return nameBasedId(`mukti-reaction\0${causationId}\0${aggregateId}\0${index}${reactingAbout === undefined ? '' : `\0${reactingAbout}`}`);
}

/**
 * The id of something a command creates (a person, a case, a counselling session): derived from
 * the request's Idempotency-Key when it has one, so a retry names the same thing and finds it
 * done; random otherwise. `what` tells apart two ids one request creates.
 */
export function newId(context: Pick<CommandContext, 'requestKey'>, what: string): string {
  return context.requestKey ? nameBasedId(`mukti-request\0${context.requestKey}\0${what}`) : randomUUID();
}

/** A name-based UUID (version 5 layout over SHA-1): the same name, the same id. */
function nameBasedId(name: string): string {
  const hash = createHash('sha1').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function envelope<T extends EventType>(
  event: DomainEvent<T>,
  source: string,
  context: CommandContext,
  id: string = randomUUID(),
): EventEnvelope<T> {
  return {
    id,
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
