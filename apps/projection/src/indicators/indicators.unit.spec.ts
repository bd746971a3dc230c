import type { PersonSummary, SummarisedEntry } from '../timeline/person-summary';
import { summaryOfEntries } from '../timeline/entries.testing';
import { intakeEventTypes, livelihoodEventTypes } from '@mukti/contracts';
import { htcdsExport, livelihoodIndicators, programmeIndicators } from './indicators';

let sequence = 0;
function person(facts: { role?: string; gender?: string; ageBand?: string; state?: string }, research?: 'granted' | 'withdrawn', erased = false): PersonSummary {
  const id = `p${(sequence += 1)}`;
  return summaryOfEntries(id, [
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
  it('count everyone, erased people included, and name no state with fewer than k people', () => {
    const summaries = [
      ...times(40, () => person({ state: 'Bihar' })),
      ...times(24, () => person({ state: 'Odisha' })),
      ...times(3, () => person({ state: 'Assam' })),
      person({ state: 'Odisha' }, undefined, true),
    ];
    const indicators = programmeIndicators(summaries, 11);
    expect(indicators.peopleRegistered.total).toBe(68);
    // Assam is not named: with Odisha, the smallest state shown, in "other", Assam could be 1 to 10.
    expect(indicators.peopleRegistered.byState).toEqual({ Bihar: 40, other: 28 });
    expect(indicators.personalDataErased).toBeNull();
    expect(indicators.vulnerability.byLevel).toEqual({ 'not-assessed': 68 });
  });

  it('given 11 women and 1 man, show neither the total nor the women: 12 next to 11 says the man is 1', () => {
    const indicators = programmeIndicators([...times(11, () => person({ gender: 'female' })), person({ gender: 'male' })], 11);
    expect(indicators.peopleRegistered.total).toBeNull();
    expect(indicators.peopleRegistered.byGender).toEqual({ other: null });
    // The same people by role would give the total back: withheld too.
    expect(indicators.peopleRegistered.byRole).toEqual({ other: null });
    expect(JSON.stringify(indicators.peopleRegistered)).not.toMatch(/male|survivor|12|11/);
  });

  it('do not count whoever withdrew her consent to research', () => {
    const indicators = programmeIndicators([...times(11, () => person({})), person({}, 'withdrawn'), person({}, 'granted')], 11);
    expect(indicators.peopleRegistered.total).toBe(12);
    expect(indicators.peopleRegistered.byGender).toEqual({ female: 12 });
  });
});

describe('the HTCDS export', () => {
  it('shows combinations of at least k people, with years and age bands only, and hides the small ones with enough others that their count cannot be worked out', () => {
    const summaries = [...times(30, () => person({ ageBand: '16-17' })), ...times(25, () => person({ ageBand: '18-24' })), ...times(2, () => person({ ageBand: '35-49' }))];
    const exported = htcdsExport(summaries, 11);
    expect(exported.rows).toEqual([
      { yearOfRegistration: '2026', Datasource: 'Case Management', gender: 'Female', ageBroad: '16-17', majorityStatus: 'Minor', citizenship: 'IND', stateOfOrigin: 'Bihar', role: 'survivor', count: 30 },
    ]);
    // Not 2 next to a row of 25: the smallest row shown goes with them.
    expect(exported.suppressedPeople).toBe(27);
    expect(JSON.stringify(exported)).not.toMatch(/2026-02-03|Araria|p\d+|35-49/);
  });

  it('shows no row when the small combinations cannot be hidden', () => {
    const exported = htcdsExport([...times(12, () => person({ ageBand: '16-17' })), person({ ageBand: '35-49' })], 11);
    expect(exported).toMatchObject({ rows: [], suppressedPeople: null });
  });

  it('leaves out whoever withdrew her consent to research', () => {
    const summaries = [...times(11, () => person({})), person({}, 'withdrawn')];
    expect(htcdsExport(summaries, 11).rows[0].count).toBe(11);
    expect(htcdsExport(summaries, 11).suppressedPeople).toBe(0);
  });
});

/** Someone the livelihood pillar works with: in training, placed (earning this much against a minimum wage of ₹10,000), covered by a prevention plan. */
function supported(what: {
  inTraining?: boolean;
  earning?: number;
  lostPlacement?: boolean;
  plan?: { id: string; subject: 'household' | 'person'; support?: boolean; outcome?: 'entry-prevented' | 'entered-exploitation' };
}): PersonSummary {
  const id = `p${(sequence += 1)}`;
  const at = (day: number) => new Date(Date.UTC(2026, 0, day));
  const entries: SummarisedEntry[] = [{ eventId: `${id}-open`, type: livelihoodEventTypes.livelihoodPlanOpened, occurredAt: at(1), facts: { origin: 'care-plan' } }];
  if (what.inTraining) entries.push({ eventId: `${id}-t`, type: livelihoodEventTypes.skillTrainingStarted, occurredAt: at(2), facts: { trainingId: `${id}-t`, skillLevel: 'skilled' } });
  if (what.earning !== undefined) {
    entries.push({
      eventId: `${id}-pl`,
      type: livelihoodEventTypes.placementStarted,
      occurredAt: at(3),
      facts: {
        placementId: `${id}-pl`,
        kind: 'wage-employment',
        sector: 'retail',
        skillLevel: 'skilled',
        state: 'Bihar',
        monthlyIncomeInr: what.earning,
        minimumWage: { monthlyInr: 10000, state: 'Bihar', skillLevel: 'skilled', effectiveFrom: '2025-04-01' },
        sustainableWage: what.earning >= 10000,
      },
    });
    if (what.lostPlacement) entries.push({ eventId: `${id}-lost`, type: livelihoodEventTypes.placementLost, occurredAt: at(4), facts: { placementId: `${id}-pl`, reason: 'laid-off' } });
  }
  const { plan } = what;
  if (plan) {
    const ofPlan = { preventionPlanId: plan.id, subject: plan.subject };
    entries.push({ eventId: `${plan.id}-open`, type: livelihoodEventTypes.preventionPlanOpened, occurredAt: at(5), facts: { ...ofPlan, covered: 1 } });
    if (plan.support) {
      entries.push({
        eventId: `${plan.id}-support`,
        type: livelihoodEventTypes.preventionSupportRecorded,
        occurredAt: at(6),
        facts: { ...ofPlan, supportId: `${plan.id}-s`, kind: 'livelihood-support', status: 'ongoing', startedAt: at(6).toISOString() },
      });
    }
    if (plan.outcome) {
      entries.push({
        eventId: `${id}-outcome`,
        type: plan.outcome === 'entry-prevented' ? livelihoodEventTypes.entryPrevented : livelihoodEventTypes.entryIntoExploitationRecorded,
        occurredAt: at(20),
        facts: { ...ofPlan, personId: id, followedSince: at(6).toISOString() },
      });
    }
  }
  return summaryOfEntries(id, entries);
}

describe('the livelihood indicators', () => {
  it('count people in training and placed now, those placed at the minimum wage, households supported and the outcomes of prevention', () => {
    const summaries = [
      // 11 in training, placed above the minimum wage; 2 placed below it; 1 who lost her placement.
      ...times(11, () => supported({ inTraining: true, earning: 12000 })),
      ...times(2, () => supported({ earning: 6000 })),
      supported({ earning: 15000, lostPlacement: true }),
      // 12 households supported, each sharing its plan with a sister counted as an entry prevented: 24 people followed.
      ...Array.from({ length: 12 }, (_, index) => [
        supported({ plan: { id: `h${index}`, subject: 'household', support: true } }),
        supported({ plan: { id: `h${index}`, subject: 'household', support: true, outcome: 'entry-prevented' } }),
      ]).flat(),
      // A household plan without a support yet (not followed), and a person at risk with a plan of her own who entered exploitation.
      supported({ plan: { id: 'h-new', subject: 'household' } }),
      supported({ plan: { id: 'own', subject: 'person', support: true, outcome: 'entered-exploitation' } }),
    ];
    expect(livelihoodIndicators(summaries, 11)).toEqual({
      peopleInTraining: 11,
      // 13 placed next to 11 at the minimum wage would say 2 are paid less: neither is shown.
      peoplePlaced: null,
      peoplePlacedAtMinimumWage: null,
      householdsSupported: 12,
      // 25 followed, 12 prevented and 1 entry: 12 of the 25 are all "other" can hide the 1 in, and that is not enough.
      peopleFollowedByPrevention: null,
      entriesPrevented: null,
      entriesIntoExploitation: null,
    });
    // Served with the programme indicators, under the same k.
    expect(programmeIndicators(summaries, 11).livelihood).toEqual(livelihoodIndicators(summaries, 11));
    expect(JSON.stringify(programmeIndicators(summaries, 11).livelihood)).not.toMatch(/h\d|own|p\d/);
  });

  it('show the people placed and those paid at least the minimum wage when both they and those paid less reach k', () => {
    const summaries = [...times(30, () => supported({ earning: 12000 })), ...times(15, () => supported({ earning: 8000 }))];
    expect(livelihoodIndicators(summaries, 11)).toMatchObject({ peoplePlaced: 45, peoplePlacedAtMinimumWage: 30 });
    // And whoever withdrew her consent to research is not counted.
    const withdrawn = supported({ earning: 12000 });
    withdrawn.pillars.intake.consents['research'] = 'withdrawn';
    expect(livelihoodIndicators([...summaries, withdrawn], 11)).toMatchObject({ peoplePlaced: 45, peoplePlacedAtMinimumWage: 30 });
  });

  it('suppress every count under k, and count nothing of summaries stored before the livelihood pillar existed', () => {
    const old = person({}) as Partial<PersonSummary>;
    old.pillars = { ...old.pillars! } as PersonSummary['pillars'];
    delete (old.pillars as Partial<PersonSummary['pillars']>).livelihood;
    delete (old.pillars as Partial<PersonSummary['pillars']>).prevention;
    const few = [supported({ inTraining: true, earning: 12000 }), supported({ plan: { id: 'hx', subject: 'household', support: true, outcome: 'entry-prevented' } }), old as PersonSummary];
    expect(livelihoodIndicators(few, 11)).toEqual({
      peopleInTraining: null,
      peoplePlaced: null,
      peoplePlacedAtMinimumWage: null,
      householdsSupported: null,
      peopleFollowedByPrevention: null,
      entriesPrevented: null,
      entriesIntoExploitation: null,
    });
  });
});
