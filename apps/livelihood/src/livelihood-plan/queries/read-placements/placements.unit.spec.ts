import { EventEnvelope, livelihoodEventTypes, SealedPersonalData } from '@mukti/contracts';
import type { LivelihoodPlanState, Placement } from '@mukti/livelihood-domain';
import { employerMissing, employersIn, placementsOf } from './placements';

const sealedEmployer: SealedPersonalData = { keyId: 'her-id', algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' };
const minimumWage = { monthlyInr: 11000, state: 'West Bengal', skillLevel: 'semi-skilled', source: 'notification', effectiveFrom: '2026-01-01' } as const;
const placement = (startedAt: string, employerOrEnterprise?: SealedPersonalData | string): Placement => ({
  kind: 'wage-employment',
  sector: 'garments-and-tailoring',
  skillLevel: 'semi-skilled',
  state: 'West Bengal',
  startedAt,
  status: 'active',
  monthlyIncomeInr: 12000,
  incomeAt: startedAt,
  minimumWage,
  sustainableWage: true,
  ...(employerOrEnterprise !== undefined ? { employerOrEnterprise } : {}),
});
const plan = (placements: Record<string, Placement>): LivelihoodPlanState => ({
  status: 'open',
  personId: 'her-id',
  origin: 'care-plan',
  openedAt: '2026-01-01T00:00:00.000Z',
  trainings: {},
  placements,
  financialInclusions: {},
  schemes: {},
});

describe('her placements as staff read them', () => {
  it('are oldest first, with the minimum wage as a figure and the employer as her plan holds it', () => {
    const placements = placementsOf(plan({ later: placement('2026-06-01T00:00:00.000Z', sealedEmployer), earlier: { ...placement('2026-02-01T00:00:00.000Z', 'Sonar Garments'), status: 'lost', lostAt: '2026-05-01T00:00:00.000Z', lostReason: 'wages-unpaid' } }));
    expect(placements.map((shown) => shown.placementId)).toEqual(['earlier', 'later']);
    expect(placements[0]).toEqual({
      placementId: 'earlier',
      kind: 'wage-employment',
      sector: 'garments-and-tailoring',
      skillLevel: 'semi-skilled',
      state: 'West Bengal',
      startedAt: '2026-02-01T00:00:00.000Z',
      status: 'lost',
      monthlyIncomeInr: 12000,
      incomeAt: '2026-02-01T00:00:00.000Z',
      minimumWageInr: 11000,
      sustainableWage: true,
      lostAt: '2026-05-01T00:00:00.000Z',
      lostReason: 'wages-unpaid',
      employerOrEnterprise: 'Sonar Garments',
    });
    expect(placements[1]?.employerOrEnterprise).toEqual(sealedEmployer);
    expect(employerMissing(placements)).toBe(false);
  });

  it('are none without a plan', () => {
    expect(placementsOf(undefined)).toEqual([]);
    expect(placementsOf({ status: 'none' })).toEqual([]);
  });

  it("take an employer her stored state did not keep (stored before it was) from the event that started the placement", () => {
    const placements = placementsOf(plan({ old: placement('2026-02-01T00:00:00.000Z') }));
    expect(employerMissing(placements)).toBe(true);
    const started = (type: string, placementId: string, employerOrEnterprise: unknown) => ({ type, data: { placementId, employerOrEnterprise } }) as unknown as EventEnvelope;
    const employers = employersIn([
      started(livelihoodEventTypes.placementStartedV1, 'old', 'Sonar Garments'),
      started(livelihoodEventTypes.placementStarted, 'new', sealedEmployer),
      { type: livelihoodEventTypes.placementLost, data: { placementId: 'old' } } as unknown as EventEnvelope,
    ]);
    expect([...employers]).toEqual([
      ['old', 'Sonar Garments'],
      ['new', sealedEmployer],
    ]);
  });
});
