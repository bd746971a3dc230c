import { intakeEventTypes, VulnerabilityFactor } from '@mukti/contracts';
import { deciderSpecification, DomainError } from '@mukti/decider';
import { AssessHousehold, householdDecider, HouseholdEvent, householdVulnerability } from './household.decider';

const householdId = '3c0e4f5e-8a3b-4c1d-9e2f-0a1b2c3d4e5f';
const mother = '7f0e4f5e-8a3b-4c1d-9e2f-0a1b2c3d4e51';
const daughter = '7f0e4f5e-8a3b-4c1d-9e2f-0a1b2c3d4e52';
const son = '7f0e4f5e-8a3b-4c1d-9e2f-0a1b2c3d4e53';
const stranger = '7f0e4f5e-8a3b-4c1d-9e2f-0a1b2c3d4e59';
const assessmentId = '21111111-2222-4333-8444-555555555555';
const place = { state: 'West Bengal', district: 'South 24 Parganas' };
/** 'Canning II, Ward 7', as sealed with the household's key: the rules only carry it. */
const villageOrWard = { keyId: householdId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' };
const registeredAt = '2026-11-28T09:00:00.000Z';
const now = '2026-11-28T10:00:00.000Z';
const member = (personId: string, registered = true) => ({ personId, registered });

const registered = (memberIds = [mother, daughter]): HouseholdEvent => ({
  type: intakeEventTypes.householdRegistered,
  subject: householdId,
  time: registeredAt,
  data: { householdId, place, villageOrWard, memberIds, registeredAt },
});
const added = (personId: string): HouseholdEvent => ({
  type: intakeEventTypes.householdMemberAdded,
  subject: householdId,
  time: now,
  data: { householdId, personId, addedAt: now },
});
const assessment = (overrides: Partial<AssessHousehold['data']> = {}): AssessHousehold['data'] => ({
  householdId,
  assessmentId,
  factors: [],
  monthlyIncomeInr: 20000,
  debtInr: 0,
  dependants: 0,
  now,
  ...overrides,
});

const spec = deciderSpecification(householdDecider);

describe('a household in intake', () => {
  describe('registering', () => {
    it('registers it with its place and members, once each', () =>
      spec
        .given([])
        .when({ type: 'RegisterHousehold', data: { householdId, place, villageOrWard, members: [member(mother), member(daughter), member(mother)], now: registeredAt } })
        .then([registered()]));

    it('reads a household registered before its village or ward was sealed (v1) as registered', () =>
      spec
        .given([
          {
            type: intakeEventTypes.householdRegisteredV1,
            subject: householdId,
            time: registeredAt,
            data: { householdId, place: { ...place, villageOrWard: 'Canning II, Ward 7' }, memberIds: [mother], registeredAt },
          },
        ])
        .when({ type: 'AddHouseholdMember', data: { householdId, member: member(daughter), now } })
        .then([added(daughter)]));

    it('refuses a member intake never registered, naming her', () =>
      spec
        .given([])
        .when({ type: 'RegisterHousehold', data: { householdId, place, villageOrWard, members: [member(mother), member(stranger, false)], now } })
        .thenThrows(DomainError, new RegExp(`not registered: ${stranger}`), (error) => {
          expect((error as DomainError).kind).toBe('rule-violated');
          expect((error as DomainError).details).toEqual({ field: 'memberIds', personIds: [stranger] });
        }));

    it('refuses a household without members', () =>
      spec
        .given([])
        .when({ type: 'RegisterHousehold', data: { householdId, place, villageOrWard, members: [], now } })
        .thenThrows(DomainError, /1 to 30 members/, (error) => expect((error as DomainError).details).toEqual({ field: 'memberIds' })));

    it('refuses to register the same household twice', () =>
      spec
        .given([registered()])
        .when({ type: 'RegisterHousehold', data: { householdId, place, villageOrWard, members: [member(son)], now } })
        .thenThrows(DomainError, /already registered/, (error) => expect((error as DomainError).kind).toBe('conflict')));
  });

  describe('adding a member', () => {
    it('adds someone registered in intake', () =>
      spec.given([registered()]).when({ type: 'AddHouseholdMember', data: { householdId, member: member(son), now } }).then([added(son)]));

    it('adding a member again changes nothing', () => {
      spec.given([registered()]).when({ type: 'AddHouseholdMember', data: { householdId, member: member(mother), now } }).then([]);
      spec.given([registered(), added(son)]).when({ type: 'AddHouseholdMember', data: { householdId, member: member(son), now } }).then([]);
    });

    it('refuses someone intake never registered, naming her', () =>
      spec
        .given([registered()])
        .when({ type: 'AddHouseholdMember', data: { householdId, member: member(stranger, false), now } })
        .thenThrows(DomainError, new RegExp(stranger), (error) => {
          expect((error as DomainError).kind).toBe('rule-violated');
          expect((error as DomainError).details).toEqual({ field: 'personId', personId: stranger });
        }));

    it('refuses a household that is not registered', () =>
      spec
        .given([])
        .when({ type: 'AddHouseholdMember', data: { householdId, member: member(son), now } })
        .thenThrows(DomainError, /household .* is not registered/, (error) => expect((error as DomainError).kind).toBe('not-found')));

    it('keeps every member in its state', () => {
      const state = [registered(), added(son), added(son)].reduce(householdDecider.evolve, householdDecider.initialState());
      expect(state.status === 'registered' && state.memberIds).toEqual([mother, daughter, son]);
    });
  });

  describe('assessing', () => {
    it("grades it with the person assessment's factor weights plus the household points", () =>
      // debt 3 + school-dropout 1; ₹3,000 for 2 members and 3 dependants is ₹600 each (+2);
      // ₹40,000 owed is more than 6 months of income (+2); 3 dependants (+1): 9, high.
      spec
        .given([registered()])
        .when({
          type: 'AssessHousehold',
          data: assessment({ factors: ['debt', 'school-dropout', 'debt'], monthlyIncomeInr: 3000, debtInr: 40000, dependants: 3 }),
        })
        .then([
          {
            type: intakeEventTypes.householdAssessed,
            subject: householdId,
            time: now,
            data: {
              householdId,
              assessmentId,
              factors: ['debt', 'school-dropout'],
              monthlyIncomeInr: 3000,
              debtInr: 40000,
              dependants: 3,
              score: 9,
              level: 'high',
              assessedAt: now,
            },
          },
        ]));

    it('refuses a household that is not registered', () =>
      spec.given([]).when({ type: 'AssessHousehold', data: assessment() }).thenThrows(DomainError, /household .* is not registered/));

    it('keeps the latest assessment in its state', () => {
      const events = [registered()];
      for (const monthlyIncomeInr of [1000, 50000]) {
        const state = events.reduce(householdDecider.evolve, householdDecider.initialState());
        events.push(...householdDecider.decide({ type: 'AssessHousehold', data: assessment({ monthlyIncomeInr }) }, state));
      }
      const state = events.reduce(householdDecider.evolve, householdDecider.initialState());
      expect(state.status === 'registered' && state.assessment).toEqual({ assessmentId, score: 0, level: 'low', assessedAt: now });
    });
  });
});

describe('household vulnerability', () => {
  const grade = (overrides: Partial<{ factors: VulnerabilityFactor[]; monthlyIncomeInr: number; debtInr: number; dependants: number }>, members = 2) =>
    householdVulnerability({ factors: [], monthlyIncomeInr: 20000, debtInr: 0, dependants: 0, ...overrides }, members);

  it('scores the factors alone as a person assessment does when no household condition holds', () => {
    expect(grade({})).toEqual({ score: 0, level: 'low' });
    expect(grade({ factors: ['debt', 'migration', 'no-income'] })).toEqual({ score: 7, level: 'high' });
  });

  it('adds 2 when the income a month per person (members and dependants) is below ₹2,000, not at it', () => {
    expect(grade({ monthlyIncomeInr: 7999, dependants: 2 }).score).toBe(2);
    expect(grade({ monthlyIncomeInr: 8000, dependants: 2 }).score).toBe(0);
    expect(grade({ monthlyIncomeInr: 3999 }, 2).score).toBe(2);
  });

  it('adds 2 when the debt is more than 6 months of income, not exactly 6; any debt without income counts', () => {
    expect(grade({ debtInr: 120001 }).score).toBe(2);
    expect(grade({ debtInr: 120000 }).score).toBe(0);
    // No income: below ₹2,000 a person too.
    expect(grade({ monthlyIncomeInr: 0, debtInr: 1 })).toEqual({ score: 4, level: 'medium' });
    expect(grade({ monthlyIncomeInr: 0, debtInr: 0 }).score).toBe(2);
  });

  it('adds 1 for 3 or more dependants', () => {
    expect(grade({ monthlyIncomeInr: 100000, dependants: 2 }).score).toBe(0);
    expect(grade({ monthlyIncomeInr: 100000, dependants: 3 }).score).toBe(1);
  });

  it('grades the total by the same thresholds as a person: every condition on a critical factor set', () => {
    expect(grade({ factors: ['previous-trafficking', 'debt'], monthlyIncomeInr: 1000, debtInr: 50000, dependants: 4 })).toEqual({ score: 12, level: 'critical' });
  });
});
