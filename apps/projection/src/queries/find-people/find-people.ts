/** Finding people in a member of staff's caseload, as a pure function over person summaries. */
import type { Actor } from '@mukti/contracts';
import { FindPeopleQuery, PageInOrder, PeopleView } from '@mukti/staff-api';
import type { PersonSummary } from '../../timeline/person-summary';
import { caseloadOf, visibleCase } from '../caseload';

/**
 * Whether her case matches every filter given, judged on what the actor's role sees: a role
 * that does not see the rescue pillar cannot find anyone by trafficking profile (that would tell
 * it the profile), and open alerts count in the visible pillars only.
 */
function matches(view: ReturnType<typeof visibleCase>, filter: FindPeopleQuery): boolean {
  const profile = view.pillars.rescue?.traffickingProfile;
  const byProfile =
    filter.traffickingStatus !== undefined ||
    filter.exploitationType !== undefined ||
    filter.meansOfControl !== undefined ||
    filter.recruitmentMethod !== undefined ||
    filter.relationshipToTrafficker !== undefined;
  if (byProfile) {
    if (!profile) return false;
    if (filter.traffickingStatus !== undefined && profile.traffickingStatus !== filter.traffickingStatus) return false;
    if (filter.exploitationType !== undefined && !profile.exploitationTypes.includes(filter.exploitationType)) return false;
    if (filter.meansOfControl !== undefined && !profile.meansOfControl.includes(filter.meansOfControl)) return false;
    if (filter.recruitmentMethod !== undefined && profile.recruitmentMethod !== filter.recruitmentMethod) return false;
    if (filter.relationshipToTrafficker !== undefined && profile.relationshipToTrafficker !== filter.relationshipToTrafficker) return false;
  }
  if (filter.hasOpenAlerts !== undefined && view.openAlerts.length > 0 !== filter.hasOpenAlerts) return false;
  return true;
}

type FoundPerson = PeopleView['people'][number];

/** Most recent activity first; then by id, so that pages do not overlap. */
export const byRecentActivity = (a: FoundPerson, b: FoundPerson) => (b.lastEventAt ?? '').localeCompare(a.lastEventAt ?? '') || a.personId.localeCompare(b.personId);

/** Those of these summaries on her case teams (all, for an admin) that match the filters, each with what her role sees of the case, in no order. */
export function peopleFound(actor: Actor, summaries: readonly PersonSummary[], filter: FindPeopleQuery = {}): FoundPerson[] {
  return caseloadOf(actor, summaries)
    .map((summary) => ({ summary, view: visibleCase(actor, summary) }))
    .filter(({ view }) => matches(view, filter))
    .map(({ summary, view }) => ({ personId: summary.personId, ...view, ...(summary.lastEventAt ? { lastEventAt: summary.lastEventAt } : {}) }));
}

/**
 * The people on her case teams (everyone, for an admin) who match the filters, most recent
 * activity first, each with what her role sees of the case; one page of them, and how many in all.
 */
export function findPeople(actor: Actor, summaries: readonly PersonSummary[], filter: FindPeopleQuery = {}): PeopleView {
  const page = new PageInOrder(byRecentActivity, filter);
  page.add(peopleFound(actor, summaries, filter));
  const { items, total } = page.page();
  return { people: items, total };
}
