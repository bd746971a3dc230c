/**
 * A person's case at a glance, per pillar, computed from her timeline entries in the order the
 * events happened. Recomputing from the entries (rather than patching a stored summary) keeps
 * it right when events arrive late or twice.
 */
import { CaseRole, intakeEventTypes } from '@mukti/contracts';
import type { TimelineFacts } from './describe-event';

export interface SummarisedEntry {
  eventId: string;
  type: string;
  occurredAt: Date;
  facts: TimelineFacts;
}

export interface IntakeSummary {
  status: 'registered' | 'not-registered-yet';
  role?: string;
  gender?: string;
  ageBand?: string;
  origin?: { state: string; district: string };
  registeredAt?: string;
  /** The latest decision per consent scope. */
  consents: Record<string, string>;
  vulnerability?: { level: string; score: number; assessedAt: string };
}

export interface PersonSummary {
  personId: string;
  pillars: { intake: IntakeSummary };
  /** Who works on her case, and in which role: what need-to-know is checked against. */
  caseTeam: Record<string, { role: CaseRole; since: string }>;
  /** Her personal data was erased then: what remains identifies no one, and still counts. */
  erasedAt?: string;
  entryCount: number;
  lastEventAt?: string;
}

export function byOccurrence(a: SummarisedEntry, b: SummarisedEntry): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || a.eventId.localeCompare(b.eventId);
}

export function summarisePerson(personId: string, entries: SummarisedEntry[]): PersonSummary {
  const intake: IntakeSummary = { status: 'not-registered-yet', consents: {} };
  const caseTeam: PersonSummary['caseTeam'] = {};
  let erasedAt: string | undefined;
  const ordered = [...entries].sort(byOccurrence);
  for (const entry of ordered) {
    const facts = entry.facts as Record<string, never>;
    switch (entry.type) {
      case intakeEventTypes.personRegistered:
        Object.assign(intake, {
          status: 'registered',
          role: facts.role,
          gender: facts.gender,
          ageBand: facts.ageBand,
          origin: facts.origin,
          registeredAt: entry.occurredAt.toISOString(),
        });
        break;
      case intakeEventTypes.consentRecorded:
        intake.consents[facts.scope] = facts.decision;
        break;
      case intakeEventTypes.vulnerabilityAssessed:
        intake.vulnerability = { level: facts.level, score: facts.score, assessedAt: entry.occurredAt.toISOString() };
        break;
      case intakeEventTypes.staffAssigned:
        caseTeam[facts.staffId] = { role: facts.staffRole, since: entry.occurredAt.toISOString() };
        break;
      case intakeEventTypes.staffUnassigned:
        delete caseTeam[facts.staffId];
        break;
      case intakeEventTypes.personErased:
        erasedAt = entry.occurredAt.toISOString();
        break;
    }
  }
  const last = ordered.at(-1);
  return {
    personId,
    pillars: { intake },
    caseTeam,
    ...(erasedAt ? { erasedAt } : {}),
    entryCount: entries.length,
    ...(last ? { lastEventAt: last.occurredAt.toISOString() } : {}),
  };
}
