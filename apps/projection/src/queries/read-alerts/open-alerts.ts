/** The open alerts a member of staff is shown, as a pure function over person summaries. */
import type { Actor } from '@mukti/contracts';
import { AlertsQuery, AlertsView, PageInOrder } from '@mukti/staff-api';
import type { PersonSummary } from '../../timeline/person-summary';
import { caseloadOf, visibleCase } from '../caseload';

type ListedAlert = AlertsView['alerts'][number];

/** Oldest first (the longest waiting comes first); then by whose and what, so that pages do not overlap. */
export const byLongestWaiting = (a: ListedAlert, b: ListedAlert) => a.raisedAt.localeCompare(b.raisedAt) || a.personId.localeCompare(b.personId) || a.kind.localeCompare(b.kind);

/** The open alerts, of the kind and pillar asked for, of those of these summaries on her case teams (all, for an admin), in the pillars her role sees, in no order. */
export function alertsFound(actor: Actor, summaries: readonly PersonSummary[], filter: AlertsQuery = {}): ListedAlert[] {
  return caseloadOf(actor, summaries)
    .flatMap((summary) => visibleCase(actor, summary).openAlerts.map((alert) => ({ personId: summary.personId, ...alert })))
    .filter((alert) => (filter.kind === undefined || alert.kind === filter.kind) && (filter.pillar === undefined || alert.pillar === filter.pillar));
}

/**
 * Every open alert of the people on her case teams (everyone's, for an admin), in the pillars
 * her role sees, of the kind and pillar asked for: oldest first (the longest waiting comes
 * first), one page of them, and how many there are in all.
 */
export function openAlertsFor(actor: Actor, summaries: readonly PersonSummary[], filter: AlertsQuery = {}): AlertsView {
  const page = new PageInOrder(byLongestWaiting, filter);
  page.add(alertsFound(actor, summaries, filter));
  const { items, total } = page.page();
  return { alerts: items, total };
}
