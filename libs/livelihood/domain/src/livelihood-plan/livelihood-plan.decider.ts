/**
 * A survivor's livelihood plan, one per person: opened by itself when her care plan sets a
 * livelihood goal, or by hand when she was referred. It holds her skill trainings, her jobs and
 * enterprises (she may hold more than one at a time), her bank account and self-help group, and
 * the government schemes she is linked to. "Choice" means nothing without a livelihood that pays:
 * every placement and income follow-up is compared with the minimum wage in force for its state
 * and skill level, and a placement in a state with no minimum wage on file is not recorded blind.
 */
import {
  DomainEvent,
  SealedPersonalData,
  MinimumWage,
  SkillLevel,
  financialInclusions,
  governmentSchemes,
  livelihoodEventTypes,
  livelihoodPlanOrigins,
  placementKinds,
  placementLossReasons,
  schemeStages,
  sectors,
  trainingOutcomes,
} from '@mukti/contracts';
import { assertNotInFuture, Decider, DomainError, unknownCommand } from '@mukti/decider';
import { sustainableWage } from '../minimum-wages/minimum-wages';

type LivelihoodPlanOrigin = (typeof livelihoodPlanOrigins)[number];
type TrainingOutcome = (typeof trainingOutcomes)[number];
type PlacementKind = (typeof placementKinds)[number];
type Sector = (typeof sectors)[number];
type PlacementLossReason = (typeof placementLossReasons)[number];
type FinancialInclusion = (typeof financialInclusions)[number];
type GovernmentScheme = (typeof governmentSchemes)[number];
type SchemeStage = (typeof schemeStages)[number];

// Commands
export type OpenLivelihoodPlan = {
  type: 'OpenLivelihoodPlan';
  data: { personId: string; origin: LivelihoodPlanOrigin; openedAt: string; now: string };
};
export type StartSkillTraining = {
  type: 'StartSkillTraining';
  /** training: the trade and the provider, sealed with her key by intake before the command is made. */
  data: { personId: string; trainingId: string; training: SealedPersonalData; skillLevel: SkillLevel; startedAt: string; plannedEndAt?: string; now: string };
};
export type EndSkillTraining = {
  type: 'EndSkillTraining';
  data: { personId: string; trainingId: string; outcome: TrainingOutcome; endedAt: string; certified: boolean; now: string };
};
/** The minimum wage is the one on file for the state and skill level on the day she started; undefined when none is. */
export type StartPlacement = {
  type: 'StartPlacement';
  data: {
    personId: string;
    placementId: string;
    kind: PlacementKind;
    /** Sealed with her key by intake: these rules only carry it. */
    employerOrEnterprise: SealedPersonalData;
    sector: Sector;
    skillLevel: SkillLevel;
    state: string;
    startedAt: string;
    monthlyIncomeInr: number;
    minimumWage: MinimumWage | undefined;
    now: string;
  };
};
/** The minimum wage is the one on file for the placement's state and skill level on the day of the follow-up. */
export type FollowUpIncome = {
  type: 'FollowUpIncome';
  data: { personId: string; placementId: string; at: string; monthlyIncomeInr: number; minimumWage: MinimumWage | undefined; now: string };
};
export type RecordPlacementLost = {
  type: 'RecordPlacementLost';
  data: { personId: string; placementId: string; lostAt: string; reason: PlacementLossReason; now: string };
};
export type RecordFinancialInclusion = { type: 'RecordFinancialInclusion'; data: { personId: string; kind: FinancialInclusion; at: string; now: string } };
export type RecordSchemeLinkage = {
  type: 'RecordSchemeLinkage';
  data: { personId: string; scheme: GovernmentScheme; stage: SchemeStage; at: string; now: string };
};
export type LivelihoodPlanCommand =
  | OpenLivelihoodPlan
  | StartSkillTraining
  | EndSkillTraining
  | StartPlacement
  | FollowUpIncome
  | RecordPlacementLost
  | RecordFinancialInclusion
  | RecordSchemeLinkage;

// Events
export type LivelihoodPlanOpened = DomainEvent<typeof livelihoodEventTypes.livelihoodPlanOpened>;
export type SkillTrainingStarted = DomainEvent<typeof livelihoodEventTypes.skillTrainingStarted>;
/** As recorded before the trade and provider were sealed: still in the store, read as it is. */
export type SkillTrainingStartedV1 = DomainEvent<typeof livelihoodEventTypes.skillTrainingStartedV1>;
export type SkillTrainingEnded = DomainEvent<typeof livelihoodEventTypes.skillTrainingEnded>;
export type PlacementStarted = DomainEvent<typeof livelihoodEventTypes.placementStarted>;
/** As recorded before the employer's name was sealed: still in the store, read as it is. */
export type PlacementStartedV1 = DomainEvent<typeof livelihoodEventTypes.placementStartedV1>;
export type IncomeFollowedUp = DomainEvent<typeof livelihoodEventTypes.incomeFollowedUp>;
export type PlacementLost = DomainEvent<typeof livelihoodEventTypes.placementLost>;
export type FinancialInclusionRecorded = DomainEvent<typeof livelihoodEventTypes.financialInclusionRecorded>;
export type SchemeLinkageRecorded = DomainEvent<typeof livelihoodEventTypes.schemeLinkageRecorded>;
export type LivelihoodPlanEvent =
  | LivelihoodPlanOpened
  | SkillTrainingStarted
  | SkillTrainingStartedV1
  | SkillTrainingEnded
  | PlacementStarted
  | PlacementStartedV1
  | IncomeFollowedUp
  | PlacementLost
  | FinancialInclusionRecorded
  | SchemeLinkageRecorded;

// State
export type SkillTraining = {
  /** The trade and the provider: sealed with her key (in clear, as `{ trade, provider }`, when recorded before v2). */
  training: SealedPersonalData | { trade: string; provider: string };
  skillLevel: SkillLevel;
  startedAt: string;
  plannedEndAt?: string;
  status: 'ongoing' | TrainingOutcome;
  endedAt?: string;
  certified: boolean;
};
/** A placement as the rules need it: its employer is in the event that started it, sealed. */
export type Placement = {
  kind: PlacementKind;
  sector: Sector;
  skillLevel: SkillLevel;
  state: string;
  startedAt: string;
  status: 'active' | 'lost';
  /** What it paid her when last known, against the minimum wage in force then. */
  monthlyIncomeInr: number;
  incomeAt: string;
  minimumWage: MinimumWage;
  sustainableWage: boolean;
  lostAt?: string;
  lostReason?: PlacementLossReason;
  /** Who employs her, or her enterprise: sealed with her key (recorded in clear before v2). Absent from states stored before it was kept here. */
  employerOrEnterprise?: SealedPersonalData | string;
};
export type LivelihoodPlanState =
  | { status: 'none' }
  | {
      status: 'open';
      personId: string;
      origin: LivelihoodPlanOrigin;
      openedAt: string;
      trainings: Record<string, SkillTraining>;
      placements: Record<string, Placement>;
      /** When each was recorded. */
      financialInclusions: Partial<Record<FinancialInclusion, string>>;
      schemes: Partial<Record<GovernmentScheme, { stage: SchemeStage; at: string }>>;
    };
type OpenLivelihoodPlanState = Extract<LivelihoodPlanState, { status: 'open' }>;

const notBefore = (field: string, time: string, earlier: string, what: string) => {
  if (Date.parse(time) < Date.parse(earlier)) throw DomainError.ruleViolated(`${field} is before ${what}`, { field });
};

const openPlanOf = (state: LivelihoodPlanState): OpenLivelihoodPlanState => {
  if (state.status !== 'open') throw DomainError.notFound('she has no livelihood plan; open one first');
  return state;
};

const sameState = (a: string, b: string) => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/** The minimum wage for a placement's state and skill level, as the event carries it: refused when none is on file. */
function applicableWage(minimumWage: MinimumWage | undefined, state: string, skillLevel: SkillLevel): MinimumWage {
  if (!minimumWage) {
    throw DomainError.ruleViolated(`no minimum wage on file for ${state}, ${skillLevel}: add the notification to the table before recording her pay`, {
      field: 'state',
    });
  }
  if (!sameState(minimumWage.state, state) || minimumWage.skillLevel !== skillLevel) {
    throw DomainError.ruleViolated(`the minimum wage given is for ${minimumWage.state}, ${minimumWage.skillLevel}, not ${state}, ${skillLevel}`, {
      field: 'minimumWage',
    });
  }
  const { monthlyInr, state: wageState, skillLevel: wageSkillLevel, source, effectiveFrom } = minimumWage;
  return { monthlyInr, state: wageState, skillLevel: wageSkillLevel, source, effectiveFrom };
}

const wholeRupees = (monthlyIncomeInr: number) => {
  if (!Number.isInteger(monthlyIncomeInr) || monthlyIncomeInr < 0) {
    throw DomainError.ruleViolated('her monthly income is a whole number of rupees, zero or more', { field: 'monthlyIncomeInr' });
  }
};

function placementOf(plan: OpenLivelihoodPlanState, placementId: string): Placement {
  const placement = plan.placements[placementId];
  if (!placement) throw DomainError.notFound(`she has no placement ${placementId}`);
  return placement;
}

function decideSchemeLinkage(plan: OpenLivelihoodPlanState, data: RecordSchemeLinkage['data']): SchemeLinkageRecorded[] {
  const { personId, scheme, stage, at, now } = data;
  const current = plan.schemes[scheme];
  if (current?.stage === 'applied' && stage === 'applied') throw DomainError.conflict(`her application for ${scheme} is already recorded`);
  if (current && current.stage !== 'applied') throw DomainError.conflict(`her application for ${scheme} was already ${current.stage}`);
  assertNotInFuture('at', at, now);
  // Granted or refused with no application on record is accepted: she may have applied before the plan.
  return [{ type: livelihoodEventTypes.schemeLinkageRecorded, subject: personId, time: at, data: { personId, scheme, stage, at } }];
}

export const livelihoodPlanDecider: Decider<LivelihoodPlanCommand, LivelihoodPlanEvent, LivelihoodPlanState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'OpenLivelihoodPlan': {
        const { personId, origin, openedAt, now } = command.data;
        if (state.status === 'open') {
          // Her care plan reacting again (a redelivery, a second livelihood goal) changes nothing.
          if (origin === 'care-plan') return [];
          throw DomainError.conflict('she already has a livelihood plan');
        }
        assertNotInFuture('openedAt', openedAt, now);
        return [{ type: livelihoodEventTypes.livelihoodPlanOpened, subject: personId, time: openedAt, data: { personId, origin, openedAt } }];
      }
      case 'StartSkillTraining': {
        const { personId, trainingId, training, skillLevel, startedAt, plannedEndAt, now } = command.data;
        const plan = openPlanOf(state);
        if (plan.trainings[trainingId]) throw DomainError.conflict(`training ${trainingId} is already recorded`);
        assertNotInFuture('startedAt', startedAt, now);
        if (plannedEndAt !== undefined && Date.parse(plannedEndAt) <= Date.parse(startedAt)) {
          throw DomainError.ruleViolated('plannedEndAt is not after startedAt', { field: 'plannedEndAt' });
        }
        return [
          {
            type: livelihoodEventTypes.skillTrainingStarted,
            subject: personId,
            time: startedAt,
            data: { personId, trainingId, training, skillLevel, startedAt, ...(plannedEndAt !== undefined ? { plannedEndAt } : {}) },
          },
        ];
      }
      case 'EndSkillTraining': {
        const { personId, trainingId, outcome, endedAt, certified, now } = command.data;
        const training = openPlanOf(state).trainings[trainingId];
        if (!training) throw DomainError.notFound(`she has no training ${trainingId}`);
        if (training.status !== 'ongoing') throw DomainError.conflict(`training ${trainingId} already ended (${training.status})`);
        if (certified && outcome !== 'completed') throw DomainError.ruleViolated('only a completed training is certified', { field: 'certified' });
        assertNotInFuture('endedAt', endedAt, now);
        notBefore('endedAt', endedAt, training.startedAt, 'the training started');
        return [
          { type: livelihoodEventTypes.skillTrainingEnded, subject: personId, time: endedAt, data: { personId, trainingId, outcome, endedAt, certified } },
        ];
      }
      case 'StartPlacement': {
        const { personId, placementId, kind, employerOrEnterprise, sector, skillLevel, state: placeState, startedAt, monthlyIncomeInr, minimumWage, now } =
          command.data;
        const plan = openPlanOf(state);
        if (plan.placements[placementId]) throw DomainError.conflict(`placement ${placementId} is already recorded`);
        wholeRupees(monthlyIncomeInr);
        const wage = applicableWage(minimumWage, placeState, skillLevel);
        assertNotInFuture('startedAt', startedAt, now);
        return [
          {
            type: livelihoodEventTypes.placementStarted,
            subject: personId,
            time: startedAt,
            data: {
              personId,
              placementId,
              kind,
              employerOrEnterprise,
              sector,
              skillLevel,
              state: placeState,
              startedAt,
              monthlyIncomeInr,
              minimumWage: wage,
              sustainableWage: sustainableWage(monthlyIncomeInr, wage),
            },
          },
        ];
      }
      case 'FollowUpIncome': {
        const { personId, placementId, at, monthlyIncomeInr, minimumWage, now } = command.data;
        const placement = placementOf(openPlanOf(state), placementId);
        if (placement.status === 'lost') {
          throw DomainError.ruleViolated(`her placement ${placementId} was lost; it has no income to follow up`, { field: 'placementId' });
        }
        wholeRupees(monthlyIncomeInr);
        const wage = applicableWage(minimumWage, placement.state, placement.skillLevel);
        assertNotInFuture('at', at, now);
        notBefore('at', at, placement.startedAt, 'the placement started');
        return [
          {
            type: livelihoodEventTypes.incomeFollowedUp,
            subject: personId,
            time: at,
            data: { personId, placementId, at, monthlyIncomeInr, minimumWage: wage, sustainableWage: sustainableWage(monthlyIncomeInr, wage) },
          },
        ];
      }
      case 'RecordPlacementLost': {
        const { personId, placementId, lostAt, reason, now } = command.data;
        const placement = placementOf(openPlanOf(state), placementId);
        if (placement.status === 'lost') throw DomainError.conflict(`her placement ${placementId} is already recorded as lost`);
        assertNotInFuture('lostAt', lostAt, now);
        notBefore('lostAt', lostAt, placement.startedAt, 'the placement started');
        return [{ type: livelihoodEventTypes.placementLost, subject: personId, time: lostAt, data: { personId, placementId, lostAt, reason } }];
      }
      case 'RecordFinancialInclusion': {
        const { personId, kind, at, now } = command.data;
        const plan = openPlanOf(state);
        if (plan.financialInclusions[kind] !== undefined) return [];
        assertNotInFuture('at', at, now);
        return [{ type: livelihoodEventTypes.financialInclusionRecorded, subject: personId, time: at, data: { personId, kind, at } }];
      }
      case 'RecordSchemeLinkage':
        return decideSchemeLinkage(openPlanOf(state), command.data);
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    if (event.type === livelihoodEventTypes.livelihoodPlanOpened) {
      if (state.status === 'open') return state;
      const { personId, origin, openedAt } = event.data;
      return { status: 'open', personId, origin, openedAt, trainings: {}, placements: {}, financialInclusions: {}, schemes: {} };
    }
    if (state.status !== 'open') return state;
    switch (event.type) {
      case livelihoodEventTypes.skillTrainingStarted:
      case livelihoodEventTypes.skillTrainingStartedV1: {
        const { trainingId, skillLevel, startedAt, plannedEndAt } = event.data;
        const sealedOrClear = 'training' in event.data ? event.data.training : { trade: event.data.trade, provider: event.data.provider };
        const training: SkillTraining = { training: sealedOrClear, skillLevel, startedAt, ...(plannedEndAt !== undefined ? { plannedEndAt } : {}), status: 'ongoing', certified: false };
        return { ...state, trainings: { ...state.trainings, [trainingId]: training } };
      }
      case livelihoodEventTypes.skillTrainingEnded: {
        const { trainingId, outcome, endedAt, certified } = event.data;
        const training = state.trainings[trainingId];
        if (!training) return state;
        return { ...state, trainings: { ...state.trainings, [trainingId]: { ...training, status: outcome, endedAt, certified } } };
      }
      case livelihoodEventTypes.placementStarted:
      case livelihoodEventTypes.placementStartedV1: {
        const { placementId, kind, sector, skillLevel, state: placeState, startedAt, monthlyIncomeInr, minimumWage } = event.data;
        const placement: Placement = {
          kind,
          sector,
          skillLevel,
          state: placeState,
          startedAt,
          status: 'active',
          monthlyIncomeInr,
          incomeAt: startedAt,
          minimumWage,
          sustainableWage: event.data.sustainableWage,
          employerOrEnterprise: event.data.employerOrEnterprise,
        };
        return { ...state, placements: { ...state.placements, [placementId]: placement } };
      }
      case livelihoodEventTypes.incomeFollowedUp: {
        const { placementId, at, monthlyIncomeInr, minimumWage } = event.data;
        const placement = state.placements[placementId];
        if (!placement || Date.parse(at) < Date.parse(placement.incomeAt)) return state;
        return {
          ...state,
          placements: { ...state.placements, [placementId]: { ...placement, monthlyIncomeInr, incomeAt: at, minimumWage, sustainableWage: event.data.sustainableWage } },
        };
      }
      case livelihoodEventTypes.placementLost: {
        const { placementId, lostAt, reason } = event.data;
        const placement = state.placements[placementId];
        if (!placement) return state;
        return { ...state, placements: { ...state.placements, [placementId]: { ...placement, status: 'lost', lostAt, lostReason: reason } } };
      }
      case livelihoodEventTypes.financialInclusionRecorded:
        return { ...state, financialInclusions: { ...state.financialInclusions, [event.data.kind]: event.data.at } };
      case livelihoodEventTypes.schemeLinkageRecorded:
        return { ...state, schemes: { ...state.schemes, [event.data.scheme]: { stage: event.data.stage, at: event.data.at } } };
      default:
        return state;
    }
  },
};

