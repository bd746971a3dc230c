import { MAX_LIST_LIMIT } from '@mukti/staff-api';
import type { OpenAlert, PersonSummary } from '../../timeline/person-summary';
import { summaryOfEntries } from '../../timeline/entries.testing';
import { openAlertsFor } from './open-alerts';

const alert = (kind: OpenAlert['kind'], raisedAt: string, details: Record<string, string> = {}): OpenAlert => ({
  kind,
  pillar: kind === 'follow-up-missed' ? 'rehabilitation' : 'rescue',
  raisedAt,
  details,
});
const person = (personId: string, team: string[], openAlerts: OpenAlert[]): PersonSummary => ({
  ...summaryOfEntries(personId, []),
  caseTeam: Object.fromEntries(team.map((staffId) => [staffId, { role: 'caseworker', since: '2026-01-01T00:00:00.000Z' }])),
  openAlerts,
});

const priya = person('priya', ['asha', 'meera'], [
  alert('decriminalisation', '2026-03-01T00:00:00.000Z', { operationId: 'o1', policeRecordedAs: 'accused' }),
  alert('follow-up-missed', '2026-09-15T00:00:00.000Z', { dueAt: '2026-09-01T00:00:00.000Z' }),
]);
const lata = person('lata', ['ravi'], [alert('post-rescue-step-overdue', '2026-02-01T00:00:00.000Z', { step: 'medical-examination' })]);
const sunita = person('sunita', ['asha'], [alert('post-rescue-step-overdue', '2026-04-01T00:00:00.000Z', { step: 'age-determination' })]);
const everyone = [priya, lata, sunita];
const who = (result: ReturnType<typeof openAlertsFor>) => result.alerts.map((shown) => `${shown.personId} ${shown.kind}`);

describe('the open alerts a member of staff is shown', () => {
  it('are every person\'s for an admin, oldest first, with whose they are', () => {
    const result = openAlertsFor({ id: 'root', role: 'admin' }, everyone);
    expect(who(result)).toEqual(['lata post-rescue-step-overdue', 'priya decriminalisation', 'sunita post-rescue-step-overdue', 'priya follow-up-missed']);
    expect(result.total).toBe(4);
    expect(result.alerts[1]).toEqual({
      personId: 'priya',
      kind: 'decriminalisation',
      pillar: 'rescue',
      raisedAt: '2026-03-01T00:00:00.000Z',
      details: { operationId: 'o1', policeRecordedAs: 'accused' },
    });
  });

  it('are only those of the people on her case teams for anyone else', () => {
    expect(who(openAlertsFor({ id: 'asha', role: 'caseworker' }, everyone))).toEqual([
      'priya decriminalisation',
      'sunita post-rescue-step-overdue',
      'priya follow-up-missed',
    ]);
    expect(openAlertsFor({ id: 'nobody', role: 'caseworker' }, everyone)).toEqual({ alerts: [], total: 0 });
  });

  it('are only in the pillars her role sees', () => {
    expect(who(openAlertsFor({ id: 'meera', role: 'counsellor' }, everyone))).toEqual(['priya follow-up-missed']);
    expect(who(openAlertsFor({ id: 'asha', role: 'rescue-coordinator' }, everyone))).toEqual(['priya decriminalisation', 'sunita post-rescue-step-overdue']);
    expect(openAlertsFor({ id: 'asha', role: 'analyst' }, everyone).total).toBe(0);
  });

  it('are filtered by kind and pillar', () => {
    const admin = { id: 'root', role: 'admin' };
    expect(who(openAlertsFor(admin, everyone, { kind: 'post-rescue-step-overdue' }))).toEqual(['lata post-rescue-step-overdue', 'sunita post-rescue-step-overdue']);
    expect(who(openAlertsFor(admin, everyone, { pillar: 'rehabilitation' }))).toEqual(['priya follow-up-missed']);
    expect(openAlertsFor(admin, everyone, { kind: 'decriminalisation', pillar: 'rehabilitation' })).toEqual({ alerts: [], total: 0 });
  });

  it('come a page at a time, with how many there are in all, at most 200 to a page', () => {
    const admin = { id: 'root', role: 'admin' };
    const page = openAlertsFor(admin, everyone, { limit: 2, offset: 1 });
    expect(who(page)).toEqual(['priya decriminalisation', 'sunita post-rescue-step-overdue']);
    expect(page.total).toBe(4);
    expect(openAlertsFor(admin, everyone, { offset: 4 })).toEqual({ alerts: [], total: 4 });
    const many = Array.from({ length: 250 }, (_, index) => person(`p${index}`, [], [alert('decriminalisation', '2026-03-01T00:00:00.000Z')]));
    const capped = openAlertsFor(admin, many, { limit: 1000 });
    expect(capped.alerts).toHaveLength(MAX_LIST_LIMIT);
    expect(capped.total).toBe(250);
  });

  it('take a summary stored before alerts existed as one without any', () => {
    const old = { ...summaryOfEntries('old', []), caseTeam: {} } as Partial<PersonSummary>;
    delete old.openAlerts;
    expect(openAlertsFor({ id: 'root', role: 'admin' }, [old as PersonSummary])).toEqual({ alerts: [], total: 0 });
  });
});

describe('the open alerts of the legal pillar', () => {
  const caseId = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
  const legal = (kind: OpenAlert['kind'], raisedAt: string, details: Record<string, string>): OpenAlert => ({ kind, pillar: 'legal', raisedAt, details });
  const meena = person('meena', ['asha', 'lawyer', 'meera'], [
    alert('decriminalisation', '2026-03-01T00:00:00.000Z', { operationId: 'o1', policeRecordedAs: 'accused' }),
    legal('decriminalisation', '2026-03-02T00:00:00.000Z', { caseId }),
    legal('charge-sheet-missing', '2026-05-01T00:00:00.000Z', { caseId, daysAfterFir: '60', dueAt: '2026-05-01T00:00:00.000Z' }),
    legal('debt-bondage', '2026-03-05T00:00:00.000Z', { caseId, suretyPerpetratorId: 'x' }),
  ]);
  const who = (result: ReturnType<typeof openAlertsFor>) => result.alerts.map((shown) => `${shown.pillar} ${shown.kind}`);

  it('are shown to her legal officer and caseworker, not to her counsellor', () => {
    expect(who(openAlertsFor({ id: 'lawyer', role: 'legal-officer' }, [meena]))).toEqual(['legal decriminalisation', 'legal debt-bondage', 'legal charge-sheet-missing']);
    expect(openAlertsFor({ id: 'asha', role: 'caseworker' }, [meena]).total).toBe(4);
    expect(openAlertsFor({ id: 'meera', role: 'counsellor' }, [meena]).total).toBe(0);
  });

  it('are found by kind with rescue\'s alert of the same kind, and apart from it by pillar', () => {
    const admin = { id: 'root', role: 'admin' };
    expect(who(openAlertsFor(admin, [meena], { kind: 'decriminalisation' }))).toEqual(['rescue decriminalisation', 'legal decriminalisation']);
    expect(who(openAlertsFor(admin, [meena], { pillar: 'legal' }))).toHaveLength(3);
  });
});
