/** The open alerts a member of staff is shown, as a pure function over person summaries. */
import type { Actor } from '@mukti/contracts';
import type { AlertsQuery, AlertsView } from '@mukti/staff-api';
import type { PersonSummary } from '../../timeline/person-summary';
import { caseloadOf, pageOf, visibleCase } from '../caseload';

/**
 * Every open alert of the people on her case teams (everyone's, for an admin), in the pillars
 * her role sees, of the kind and pillar asked for: oldest first (the longest waiting comes
 * first), one page of them, and how many there are in all.
 */
export function openAlertsFor(actor: Actor, summaries: readonly PersonSummary[], filter: AlertsQuery = {}): AlertsView {
  const alerts = caseloadOf(actor, summaries)
    .flatMap((summary) => visibleCase(actor, summary).openAlerts.map((alert) => ({ personId: summary.personId, ...alert })))
    .filter((alert) => (filter.kind === undefined || alert.kind === filter.kind) && (filter.pillar === undefined || alert.pillar === filter.pillar))
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.personId.localeCompare(b.personId) || a.kind.localeCompare(b.kind));
  const { items, total } = pageOf(alerts, filter);
  return { alerts: items, total };
}
