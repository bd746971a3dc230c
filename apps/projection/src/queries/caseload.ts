/**
 * Need-to-know for listings, as pure functions over person summaries: whose cases a member of
 * staff may list, and what of each case her role sees. The same rules as opening one case
 * (assertNeedToKnow, pillarsVisibleTo), applied to many.
 */
import type { Actor, Pillar, StaffRole } from '@mukti/contracts';
import { isOnCaseTeam, pillarsVisibleTo } from '@mukti/security';
import { pillarOfSummaryPart, PersonSummary } from '../timeline/person-summary';

/**
 * The people whose cases she may list: everyone for an admin (listings carry codes and dates,
 * never personal data; opening one case still asks an admin for a reason), otherwise the
 * people on whose case team she is.
 */
export function caseloadOf<S extends Pick<PersonSummary, 'caseTeam'>>(actor: Actor, summaries: readonly S[]): S[] {
  if (actor.role === 'admin') return [...summaries];
  return summaries.filter((summary) => isOnCaseTeam(actor, summary.caseTeam));
}

export function visiblePillarsOf(actor: Actor): readonly Pillar[] {
  return pillarsVisibleTo[actor.role as StaffRole] ?? [];
}

/** What of her case the actor's role sees: its pillars, alerts and due steps; the rest is left out. */
export function visibleCase(actor: Actor, summary: PersonSummary) {
  const visible = visiblePillarsOf(actor);
  const sees = (pillar: string) => (visible as readonly string[]).includes(pillar);
  return {
    // Each part of her summary by the pillar it belongs to: prevention is the livelihood pillar's.
    pillars: Object.fromEntries(
      Object.entries(summary.pillars ?? {}).filter(([part]) => sees(pillarOfSummaryPart[part as keyof PersonSummary['pillars']] ?? part)),
    ) as Partial<PersonSummary['pillars']>,
    // Summaries stored before alerts and due steps existed have neither: none is open.
    openAlerts: (summary.openAlerts ?? []).filter((alert) => sees(alert.pillar)),
    nextDueSteps: (summary.nextDueSteps ?? []).filter((step) => sees(step.pillar)),
  };
}
