/**
 * For specs written as timeline entries (an event's type, time and coded facts): the entries as
 * events, whose data the facts are for the fields the summary reads. Test support only.
 */
import type { AnyPillarEventEnvelope } from '@mukti/contracts';
import { PersonSummary, summarisePerson, SummarisedEntry } from './person-summary';

export const eventOfEntry = (personId: string, entry: SummarisedEntry): AnyPillarEventEnvelope =>
  ({
    id: entry.eventId,
    type: entry.type,
    source: '/mukti/test',
    subject: personId,
    time: entry.occurredAt.toISOString(),
    data: { personId, ...entry.facts },
    correlationId: 'c',
    actor: { id: 'test', role: 'caseworker' },
  }) as AnyPillarEventEnvelope;

/** Her summary from entries in the order they happened. */
export function summaryOfEntries(personId: string, entries: readonly SummarisedEntry[]): PersonSummary {
  const inOrder = [...entries].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.eventId.localeCompare(b.eventId));
  return summarisePerson(personId, inOrder.map((entry) => eventOfEntry(personId, entry)));
}
