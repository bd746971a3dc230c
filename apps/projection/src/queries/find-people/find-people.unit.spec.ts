import { intakeEventTypes, livelihoodEventTypes, rescueEventTypes } from '@mukti/contracts';
import type { PersonSummary, SummarisedEntry } from '../../timeline/person-summary';
import { summaryOfEntries } from '../../timeline/entries.testing';
import { findPeople } from './find-people';

const entry = (eventId: string, type: string, occurredAt: string, facts: Record<string, unknown>): SummarisedEntry => ({
  eventId,
  type,
  occurredAt: new Date(occurredAt),
  facts,
});
const onTeamOf = (staffId: string, role = 'caseworker') =>
  entry(`assigned-${staffId}`, intakeEventTypes.staffAssigned, '2026-01-01T00:00:00.000Z', { staffId, staffRole: role });
const rescued = (decriminalisationAlert: boolean, at: string) =>
  entry(`rescued-${at}`, rescueEventTypes.personRescued, at, {
    operationId: 'o1',
    rescuedAt: at,
    policeRecordedAs: decriminalisationAlert ? 'accused' : 'victim',
    decriminalisationAlert,
    itpaAgeClass: 'adult',
    jjAgeClass: 'adult',
    stepsDue: [{ step: 'medical-examination', dueAt: '2026-12-01T00:00:00.000Z' }],
  });
const profile = (at: string, codes: Record<string, unknown>) =>
  entry(`profile-${at}`, rescueEventTypes.traffickingProfileRecorded, at, {
    traffickingStatus: 'actual',
    exploitationTypes: ['sexual-exploitation'],
    recruitmentMethod: 'false-job-offer',
    meansOfControl: ['debt-bondage'],
    relationshipToTrafficker: 'acquaintance',
    transit: [],
    ...codes,
  });

// Priya: rescued, recorded as accused (an open alert), trafficked for sexual exploitation by an acquaintance.
const priya = summaryOfEntries('priya', [onTeamOf('asha'), onTeamOf('meera', 'counsellor'), rescued(true, '2026-03-01T00:00:00.000Z'), profile('2026-03-02T00:00:00.000Z', {})]);
// Lata: rescued, no alert, forced labour, sold by family, controlled by threats.
const lata = summaryOfEntries('lata', [
  onTeamOf('asha'),
  rescued(false, '2026-04-01T00:00:00.000Z'),
  profile('2026-04-02T00:00:00.000Z', {
    traffickingStatus: 'possible',
    exploitationTypes: ['forced-labour', 'domestic-servitude'],
    recruitmentMethod: 'sold-by-family',
    meansOfControl: ['threats', 'withheld-earnings'],
    relationshipToTrafficker: 'family-member',
  }),
]);
// Sunita: registered, on Ravi's team only, nothing else yet.
const sunita = summaryOfEntries('sunita', [onTeamOf('ravi')]);
const everyone: PersonSummary[] = [priya, lata, sunita];
const asha = { id: 'asha', role: 'caseworker' };
const ids = (result: ReturnType<typeof findPeople>) => result.people.map((found) => found.personId);

describe('finding people', () => {
  it('finds everyone for an admin and only the people on her case teams for anyone else, most recent activity first', () => {
    expect(ids(findPeople({ id: 'root', role: 'admin' }, everyone))).toEqual(['lata', 'priya', 'sunita']);
    expect(ids(findPeople(asha, everyone))).toEqual(['lata', 'priya']);
    expect(findPeople({ id: 'nobody', role: 'legal-officer' }, everyone)).toEqual({ people: [], total: 0 });
  });

  it('shows of each case only the pillars, alerts and due steps her role sees', () => {
    const [found] = findPeople(asha, [priya]).people;
    expect(found).toEqual({
      personId: 'priya',
      pillars: priya.pillars,
      openAlerts: priya.openAlerts,
      nextDueSteps: [{ pillar: 'rescue', what: 'medical-examination', dueAt: '2026-12-01T00:00:00.000Z' }],
      lastEventAt: '2026-03-02T00:00:00.000Z',
    });
    expect(found.openAlerts).toHaveLength(1);
    const [seenByCounsellor] = findPeople({ id: 'meera', role: 'counsellor' }, [priya]).people;
    expect(Object.keys(seenByCounsellor.pillars).sort()).toEqual(['intake', 'rehabilitation']);
    expect(seenByCounsellor.openAlerts).toEqual([]);
    expect(seenByCounsellor.nextDueSteps).toEqual([]);
  });

  it('shows the prevention part of her summary with the livelihood pillar, to the roles that see it', () => {
    const plan = entry('plan', livelihoodEventTypes.preventionPlanOpened, '2026-05-01T00:00:00.000Z', { preventionPlanId: 'h1', subject: 'household', covered: 2 });
    const placed = entry('placed', livelihoodEventTypes.placementStarted, '2026-05-02T00:00:00.000Z', {
      placementId: 'pl1',
      kind: 'wage-employment',
      sector: 'retail',
      skillLevel: 'unskilled',
      state: 'West Bengal',
      monthlyIncomeInr: 6000,
      minimumWage: { monthlyInr: 9000, state: 'West Bengal', skillLevel: 'unskilled', effectiveFrom: '2025-01-01' },
      sustainableWage: false,
    });
    const gita = summaryOfEntries('gita', [onTeamOf('kiran', 'livelihood-officer'), onTeamOf('meera', 'counsellor'), onTeamOf('asha'), plan, placed]);
    const [seenByOfficer] = findPeople({ id: 'kiran', role: 'livelihood-officer' }, [gita]).people;
    expect(Object.keys(seenByOfficer.pillars).sort()).toEqual(['intake', 'livelihood', 'prevention']);
    expect(seenByOfficer.openAlerts).toEqual([expect.objectContaining({ kind: 'below-minimum-wage', pillar: 'livelihood' })]);
    expect(Object.keys(findPeople(asha, [gita]).people[0].pillars)).toEqual(expect.arrayContaining(['livelihood', 'prevention']));
    const [seenByCounsellor] = findPeople({ id: 'meera', role: 'counsellor' }, [gita]).people;
    expect(Object.keys(seenByCounsellor.pillars).sort()).toEqual(['intake', 'rehabilitation']);
    expect(seenByCounsellor.openAlerts).toEqual([]);
  });

  it('filters by every code of the trafficking profile', () => {
    expect(ids(findPeople(asha, everyone, { traffickingStatus: 'possible' }))).toEqual(['lata']);
    expect(ids(findPeople(asha, everyone, { exploitationType: 'domestic-servitude' }))).toEqual(['lata']);
    expect(ids(findPeople(asha, everyone, { meansOfControl: 'debt-bondage' }))).toEqual(['priya']);
    expect(ids(findPeople(asha, everyone, { recruitmentMethod: 'sold-by-family' }))).toEqual(['lata']);
    expect(ids(findPeople(asha, everyone, { relationshipToTrafficker: 'acquaintance' }))).toEqual(['priya']);
    expect(ids(findPeople(asha, everyone, { traffickingStatus: 'actual', exploitationType: 'forced-labour' }))).toEqual([]);
    // Without a profile no one matches a profile filter.
    expect(ids(findPeople({ id: 'ravi', role: 'caseworker' }, everyone, { traffickingStatus: 'actual' }))).toEqual([]);
  });

  it('does not let a role that cannot see the rescue pillar find anyone by trafficking profile', () => {
    expect(ids(findPeople({ id: 'meera', role: 'counsellor' }, everyone))).toEqual(['priya']);
    expect(ids(findPeople({ id: 'meera', role: 'counsellor' }, everyone, { exploitationType: 'sexual-exploitation' }))).toEqual([]);
  });

  it('filters by open alerts, in the pillars her role sees', () => {
    expect(ids(findPeople(asha, everyone, { hasOpenAlerts: true }))).toEqual(['priya']);
    expect(ids(findPeople(asha, everyone, { hasOpenAlerts: false }))).toEqual(['lata']);
    expect(ids(findPeople({ id: 'meera', role: 'counsellor' }, everyone, { hasOpenAlerts: true }))).toEqual([]);
  });

  it('comes a page at a time, with how many match in all', () => {
    const admin = { id: 'root', role: 'admin' };
    expect(findPeople(admin, everyone, { limit: 1, offset: 1 })).toMatchObject({ people: [{ personId: 'priya' }], total: 3 });
    expect(findPeople(admin, everyone, { offset: 3 })).toEqual({ people: [], total: 3 });
  });
});
