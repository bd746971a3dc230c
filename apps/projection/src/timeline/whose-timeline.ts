/**
 * Whose timeline an event goes on. A person's event goes on hers. A case's event goes on the
 * timeline of every victim it names (and of a survivor whose bail it records): the case is
 * keyed by its own id, but it is her case. A prevention plan's event goes on the timeline of
 * every person the plan covers: the plan is keyed by her household's id (or hers), but it is
 * her prevention. An operation's, a perpetrator's, a training session's and a household's events
 * go on no one's: they feed their own read models, or nothing.
 */
import { EventEnvelope, eventCatalog, EventType, isKnownEventType, legalEventTypes, PillarEventType } from '@mukti/contracts';

export type EventSubject = 'person' | 'operation' | 'case' | 'perpetrator' | 'training' | 'household' | 'prevention-plan';

export function subjectOf(type: EventType): EventSubject {
  const entry = eventCatalog[type];
  return 'about' in entry ? entry.about : 'person';
}

type EventTypeAbout<About extends EventSubject> = { [T in PillarEventType]: (typeof eventCatalog)[T] extends { about: About } ? T : never }[PillarEventType];

export type CaseEventType = EventTypeAbout<'case'>;
export type CaseEventEnvelope = { [T in CaseEventType]: EventEnvelope<T> }[CaseEventType];
export type PerpetratorEventType = EventTypeAbout<'perpetrator'>;
export type PerpetratorEventEnvelope = { [T in PerpetratorEventType]: EventEnvelope<T> }[PerpetratorEventType];
export type PreventionPlanEventType = EventTypeAbout<'prevention-plan'>;
export type PreventionPlanEventEnvelope = { [T in PreventionPlanEventType]: EventEnvelope<T> }[PreventionPlanEventType];
/** The events that go on the timelines of the people they name rather than on their subject's. */
export type FannedOutEventEnvelope = CaseEventEnvelope | PreventionPlanEventEnvelope;

/** For entries read back from the store, whose type is a plain string. */
export function isCaseEventType(type: string): type is CaseEventType {
  return isKnownEventType(type) && subjectOf(type) === 'case';
}

export function isPreventionPlanEventType(type: string): type is PreventionPlanEventType {
  return isKnownEventType(type) && subjectOf(type) === 'prevention-plan';
}

function isCaseEvent(event: FannedOutEventEnvelope): event is CaseEventEnvelope {
  return isCaseEventType(event.type);
}

/**
 * The people on whose timelines a case's or prevention plan's event goes. A case's: its victims,
 * and a survivor accused in it whose bail it records (the police's charge against her is hers to
 * see challenged, even in a case where she is not named a victim). A prevention plan's: every
 * person it covers, as the event names them.
 */
export function timelinesOf(event: FannedOutEventEnvelope): string[] {
  if (!isCaseEvent(event)) return [...event.data.personIds];
  const people = [...event.data.victimIds];
  if (event.type === legalEventTypes.bailRecorded && event.data.personId && !people.includes(event.data.personId)) people.push(event.data.personId);
  return people;
}

/**
 * The people an event is about: the one it names (her support as a witness, the compensation
 * ordered to her, her bail; her entry into exploitation, or her entry prevented), otherwise every
 * victim of the case, or every person the plan covers. What the analytics stream counts per
 * person: another victim's testimony, or a sister's entry prevented, is on her timeline, not in her record.
 */
export function peopleConcernedBy(event: FannedOutEventEnvelope): string[] {
  const named = 'personId' in event.data ? event.data.personId : undefined;
  return named ? [named] : timelinesOf(event);
}

/**
 * The id of her entry for an event: the event's own id for a person's event (on her timeline,
 * she is its subject); the event's and her id for an event fanned out to the people it names (a
 * case's, a prevention plan's: one entry per person, even when a plan for one person is keyed by her id).
 */
export function entryIdOf(event: Pick<EventEnvelope, 'id' | 'type'>, personId: string): string {
  const fannedOut = isKnownEventType(event.type) && (subjectOf(event.type) === 'case' || subjectOf(event.type) === 'prevention-plan');
  return fannedOut ? `${event.id}:${personId}` : event.id;
}
