/**
 * A household: people registered in intake who live together, where they live, and how
 * vulnerable the household is, so that prevention can reach all of them. Its members are named
 * by id only; who may act on it is decided by their case teams, outside these rules.
 */
import { DomainEvent, intakeEventTypes, Place, SealedPersonalData, VulnerabilityFactor, VulnerabilityLevel } from '@mukti/contracts';
import { Decider, DomainError, unknownCommand } from '@mukti/decider';
import { levelOfScore, vulnerabilityLevel } from '../person/vulnerability-level';

/** A person named as a member, as the service found her: whether intake registered her. */
export interface HouseholdMember {
  personId: string;
  registered: boolean;
}

// Commands: what staff ask for.
export type RegisterHousehold = {
  type: 'RegisterHousehold';
  /** The village or ward comes sealed with the household's key: these rules never read it. */
  data: { householdId: string; place: Place; villageOrWard: SealedPersonalData; members: HouseholdMember[]; now: string };
};
export type AddHouseholdMember = {
  type: 'AddHouseholdMember';
  data: { householdId: string; member: HouseholdMember; now: string };
};
export type AssessHousehold = {
  type: 'AssessHousehold';
  data: {
    householdId: string;
    assessmentId: string;
    factors: VulnerabilityFactor[];
    monthlyIncomeInr: number;
    debtInr: number;
    dependants: number;
    now: string;
  };
};
export type HouseholdCommand = RegisterHousehold | AddHouseholdMember | AssessHousehold;

// Events: what happened.
export type HouseholdRegistered = DomainEvent<typeof intakeEventTypes.householdRegistered>;
/** As registered before the village or ward was sealed: still in the store, read as it is. */
export type HouseholdRegisteredV1 = DomainEvent<typeof intakeEventTypes.householdRegisteredV1>;
export type HouseholdMemberAdded = DomainEvent<typeof intakeEventTypes.householdMemberAdded>;
export type HouseholdAssessed = DomainEvent<typeof intakeEventTypes.householdAssessed>;
export type HouseholdEvent = HouseholdRegistered | HouseholdRegisteredV1 | HouseholdMemberAdded | HouseholdAssessed;

// State: what the rules need to know.
export type HouseholdState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      householdId: string;
      /** The state and district: the village or ward is in its registration only, sealed. */
      place: Place;
      memberIds: string[];
      registeredAt: string;
      /** The latest assessment: the one that stands. */
      assessment?: { assessmentId: string; score: number; level: VulnerabilityLevel; assessedAt: string };
    };

/** The contract's bounds on the members a household is registered with (HouseholdRegisteredV1). */
const MAX_MEMBERS_AT_REGISTRATION = 30;

/**
 * Household points, added to the score of the factors (the person assessment's weights,
 * docs/vulnerability.md); the level then follows from the total by the same thresholds as a
 * person's (0-2 low, 3-5 medium, 6-9 high, 10+ critical). "People" are the household's members
 * in intake plus its dependants, as staff gave them.
 *
 * | condition                                                  | points | why                                                   |
 * | ---------------------------------------------------------- | ------ | ----------------------------------------------------- |
 * | income a month per person below ₹2,000                     | +2     | too poor to refuse a false job offer for one of them  |
 * | debt more than 6 months of income (any debt, no income)    | +2     | a debt it cannot repay is the hold of debt bondage    |
 * | 3 or more dependants                                       | +1     | many mouths on few earners push children out to work  |
 *
 * These points count on top of the factors: a household with the `debt` or `no-income` factor
 * and the matching condition gets both.
 */
export const householdPoints = {
  lowIncomePerPerson: { points: 2, belowInrPerPersonMonthly: 2000 },
  unpayableDebt: { points: 2, moreThanMonthsOfIncome: 6 },
  manyDependants: { points: 1, atLeast: 3 },
} as const;

/** The household's score and level: the factors' weights plus the household points, graded as a person's. */
export function householdVulnerability(
  assessment: { factors: readonly VulnerabilityFactor[]; monthlyIncomeInr: number; debtInr: number; dependants: number },
  memberCount: number,
): { score: number; level: VulnerabilityLevel } {
  const { lowIncomePerPerson, unpayableDebt, manyDependants } = householdPoints;
  const people = memberCount + assessment.dependants;
  // Compared as income < threshold x people: no division, no rounding.
  const lowIncome = assessment.monthlyIncomeInr < lowIncomePerPerson.belowInrPerPersonMonthly * people;
  const debtUnpayable = assessment.debtInr > unpayableDebt.moreThanMonthsOfIncome * assessment.monthlyIncomeInr;
  const score =
    vulnerabilityLevel(assessment.factors).score +
    (lowIncome ? lowIncomePerPerson.points : 0) +
    (debtUnpayable ? unpayableDebt.points : 0) +
    (assessment.dependants >= manyDependants.atLeast ? manyDependants.points : 0);
  return { score, level: levelOfScore(score) };
}

/** The same answer for a household no one registered and one whose members the caller may not see. */
export function householdNotFound(householdId: string) {
  return DomainError.notFound(`household ${householdId} is not registered`, { householdId });
}

function registered(state: HouseholdState, householdId: string) {
  if (state.status !== 'registered') throw householdNotFound(householdId);
  return state;
}

export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterHousehold': {
        const { householdId, place, villageOrWard, members, now } = command.data;
        if (state.status === 'registered') {
          throw DomainError.conflict(`household ${householdId} is already registered`, { existingId: state.householdId });
        }
        const memberIds = [...new Set(members.map((member) => member.personId))];
        if (memberIds.length === 0 || memberIds.length > MAX_MEMBERS_AT_REGISTRATION) {
          throw DomainError.ruleViolated(`a household is registered with 1 to ${MAX_MEMBERS_AT_REGISTRATION} members`, { field: 'memberIds' });
        }
        const unknown = memberIds.filter((personId) => !members.some((member) => member.personId === personId && member.registered));
        if (unknown.length > 0) {
          throw DomainError.ruleViolated(`every member must be registered in intake first; not registered: ${unknown.join(', ')}`, {
            field: 'memberIds',
            personIds: unknown,
          });
        }
        return [
          {
            type: intakeEventTypes.householdRegistered,
            subject: householdId,
            time: now,
            data: { householdId, place: { state: place.state, district: place.district }, villageOrWard, memberIds, registeredAt: now },
          },
        ];
      }
      case 'AddHouseholdMember': {
        const household = registered(state, command.data.householdId);
        const { member, now } = command.data;
        // Already a member: nothing happened.
        if (household.memberIds.includes(member.personId)) return [];
        if (!member.registered) {
          throw DomainError.ruleViolated(`a member must be registered in intake first; not registered: ${member.personId}`, {
            field: 'personId',
            personId: member.personId,
          });
        }
        return [
          {
            type: intakeEventTypes.householdMemberAdded,
            subject: household.householdId,
            time: now,
            data: { householdId: household.householdId, personId: member.personId, addedAt: now },
          },
        ];
      }
      case 'AssessHousehold': {
        const household = registered(state, command.data.householdId);
        const { now, ...assessment } = command.data;
        const factors = [...new Set(assessment.factors)];
        const { score, level } = householdVulnerability({ ...assessment, factors }, household.memberIds.length);
        return [
          {
            type: intakeEventTypes.householdAssessed,
            subject: household.householdId,
            time: now,
            data: { ...assessment, factors, score, level, assessedAt: now },
          },
        ];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case intakeEventTypes.householdRegistered:
      case intakeEventTypes.householdRegisteredV1: {
        const { householdId, place, memberIds, registeredAt } = event.data;
        return { status: 'registered', householdId, place: { state: place.state, district: place.district }, memberIds: [...memberIds], registeredAt };
      }
      case intakeEventTypes.householdMemberAdded:
        if (state.status !== 'registered' || state.memberIds.includes(event.data.personId)) return state;
        return { ...state, memberIds: [...state.memberIds, event.data.personId] };
      case intakeEventTypes.householdAssessed: {
        if (state.status !== 'registered') return state;
        const { assessmentId, score, level, assessedAt } = event.data;
        return { ...state, assessment: { assessmentId, score, level, assessedAt } };
      }
      default:
        return state;
    }
  },
};
