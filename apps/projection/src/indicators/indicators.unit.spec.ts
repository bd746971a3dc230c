import { summarisePerson, PersonSummary } from '../timeline/person-summary';
import { intakeEventTypes } from '@mukti/contracts';
import { htcdsExport, programmeIndicators } from './indicators';

let sequence = 0;
function person(facts: { role?: string; gender?: string; ageBand?: string; state?: string }, research?: 'granted' | 'withdrawn', erased = false): PersonSummary {
  const id = `p${(sequence += 1)}`;
  return summarisePerson(id, [
    {
      eventId: `${id}-r`,
      type: intakeEventTypes.personRegistered,
      occurredAt: new Date('2026-02-03T10:00:00Z'),
      facts: { role: facts.role ?? 'survivor', gender: facts.gender ?? 'female', ageBand: facts.ageBand ?? '18-24', origin: { state: facts.state ?? 'Bihar', district: 'Araria' } },
    },
    ...(research ? [{ eventId: `${id}-c`, type: intakeEventTypes.consentRecorded, occurredAt: new Date('2026-02-04T10:00:00Z'), facts: { scope: 'research', decision: research } }] : []),
    ...(erased ? [{ eventId: `${id}-e`, type: intakeEventTypes.personErased, occurredAt: new Date('2026-03-01T10:00:00Z'), facts: { reason: 'her-request' } }] : []),
  ]);
}
const times = (count: number, make: () => PersonSummary) => Array.from({ length: count }, make);

describe('programme indicators', () => {
  it('count everyone, erased people included, and suppress every count under k', () => {
    const summaries = [...times(11, () => person({ state: 'Bihar' })), ...times(3, () => person({ state: 'Assam' })), person({ state: 'Bihar' }, undefined, true)];
    const indicators = programmeIndicators(summaries, 11);
    expect(indicators.peopleRegistered.total).toBe(15);
    expect(indicators.peopleRegistered.byState).toEqual({ Assam: null, Bihar: 12 });
    expect(indicators.personalDataErased).toBeNull();
    expect(indicators.vulnerability.byLevel).toEqual({ 'not-assessed': 15 });
  });
});

describe('the HTCDS export', () => {
  it('shows combinations of at least k people, with years and age bands only, and says how many it hid', () => {
    const summaries = [...times(12, () => person({ ageBand: '16-17' })), ...times(2, () => person({ ageBand: '35-49' }))];
    const exported = htcdsExport(summaries, 11);
    expect(exported.rows).toEqual([
      { yearOfRegistration: '2026', Datasource: 'Case Management', gender: 'Female', ageBroad: '16-17', majorityStatus: 'Minor', citizenship: 'IND', stateOfOrigin: 'Bihar', role: 'survivor', count: 12 },
    ]);
    expect(exported.suppressedPeople).toBe(2);
    expect(JSON.stringify(exported)).not.toMatch(/2026-02-03|Araria|p\d+/);
  });

  it('leaves out whoever withdrew her consent to research', () => {
    const summaries = [...times(11, () => person({})), person({}, 'withdrawn')];
    expect(htcdsExport(summaries, 11).rows[0].count).toBe(11);
    expect(htcdsExport(summaries, 11).suppressedPeople).toBe(0);
  });
});
