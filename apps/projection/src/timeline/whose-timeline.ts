/**
 * Whose timeline an event goes on. A person's event goes on hers. A case's event goes on the
 * timeline of every victim it names (and of a survivor whose bail it records): the case is
 * keyed by its own id, but it is her case. An operation's, a perpetrator's and a training
 * session's events go on no one's: they feed their own read models, or nothing.
 */
import { EventEnvelope, eventCatalog, EventType, isKnownEventType, legalEventTypes, PillarEventType } from '@mukti/contracts';

export type EventSubject = 'person' | 'operation' | 'case' | 'perpetrator' | 'training';

export function subjectOf(type: EventType): EventSubject {
  const entry = eventCatalog[type];
  return 'about' in entry ? entry.about : 'person';
}

export type CaseEventType = { [T in PillarEventType]: (typeof eventCatalog)[T] extends { about: 'case' } ? T : never }[PillarEventType];
export type CaseEventEnvelope = { [T in CaseEventType]: EventEnvelope<T> }[CaseEventType];
export type PerpetratorEventType = { [T in PillarEventType]: (typeof eventCatalog)[T] extends { about: 'perpetrator' } ? T : never }[PillarEventType];
export type PerpetratorEventEnvelope = { [T in PerpetratorEventType]: EventEnvelope<T> }[PerpetratorEventType];

/** For entries read back from the store, whose type is a plain string. */
export function isCaseEventType(type: string): type is CaseEventType {
  return isKnownEventType(type) && subjectOf(type) === 'case';
}

/**
 * The people on whose timelines a case's event goes: its victims, and a survivor accused in it
 * whose bail it records (the police's charge against her is hers to see challenged, even in a
 * case where she is not named a victim).
 */
export function timelinesOf(event: CaseEventEnvelope): string[] {
  const people = [...event.data.victimIds];
  if (event.type === legalEventTypes.bailRecorded && event.data.personId && !people.includes(event.data.personId)) people.push(event.data.personId);
  return people;
}

/**
 * The people a case's event is about: the one it names (her support as a witness, the
 * compensation ordered to her, her bail), otherwise every victim of the case. What the analytics
 * stream counts per person: another victim's testimony is on her timeline, not in her record.
 */
export function peopleConcernedBy(event: CaseEventEnvelope): string[] {
  const named = 'personId' in event.data ? event.data.personId : undefined;
  return named ? [named] : [...event.data.victimIds];
}

/** The id of her entry for an event: the event's own id on the subject's timeline, the event and her id on a victim's. */
export function entryIdOf(eventId: string, subject: string, personId: string): string {
  return personId === subject ? eventId : `${eventId}:${personId}`;
}
