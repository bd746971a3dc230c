/**
 * A survivor's care plan, one per person: opened by itself after her rescue or by hand when she
 * was referred, with goals in each domain of her recovery and everything done under it, from the
 * shelter to her reintegration at home. A child stays on the child-protection path of the
 * Juvenile Justice Act throughout: a child care institution, and the Child Welfare Committee of
 * her home district when she goes home. She is never sent back to a home found unsafe.
 */
import {
  AgeBand,
  isChildAgeBand,
  mayBeChild,
  CarePlanDomain,
  DomainEvent,
  EventData,
  IdentityDocument,
  SealedPersonalData,
  compensationSchemes,
  counsellingKinds,
  dischargeReasons,
  documentStatuses,
  educationProgrammes,
  followUpStatuses,
  goalStatuses,
  handoverRecipients,
  healthServices,
  homeInvestigationOutcomes,
  rehabilitationEventTypes,
  repatriationSteps,
  retraffickingRisks,
  shelterKinds,
} from '@mukti/contracts';
import { assertNotInFuture, Decider, DomainError, unknownCommand } from '@mukti/decider';
import { followUpDueDates, missedAfter } from './follow-up-schedule';

type GoalStatus = (typeof goalStatuses)[number];
type ShelterKind = (typeof shelterKinds)[number];
type DischargeReason = (typeof dischargeReasons)[number];
type CounsellingKind = (typeof counsellingKinds)[number];
type HealthService = (typeof healthServices)[number];
type EducationProgramme = (typeof educationProgrammes)[number];
type DocumentStatus = (typeof documentStatuses)[number];
type RepatriationStep = (typeof repatriationSteps)[number];
type HomeInvestigationOutcome = (typeof homeInvestigationOutcomes)[number];
type HandoverRecipient = (typeof handoverRecipients)[number];
type FollowUpStatus = (typeof followUpStatuses)[number];
type RetraffickingRisk = (typeof retraffickingRisks)[number];
type CompensationScheme = (typeof compensationSchemes)[number];
type Shelter = EventData<typeof rehabilitationEventTypes.shelterAdmitted>['shelter'];
/** Her home state and district, not her address. */
type Home = { state: string; district: string };

// Commands
export type OpenCarePlan = {
  type: 'OpenCarePlan';
  data: { personId: string; origin: 'rescued' | 'referred'; operationId?: string; child: boolean; goals: CarePlanDomain[]; openedAt: string; now: string };
};
export type SetGoal = { type: 'SetGoal'; data: { personId: string; domain: CarePlanDomain; status: GoalStatus; setAt: string; now: string } };
/** `ageBand`: her band now, as intake last said (a child's safeguards follow her current band, not the one at opening). */
export type AdmitToShelter = { type: 'AdmitToShelter'; data: { personId: string; shelter: Shelter; admittedAt: string; ageBand: AgeBand; now: string } };
export type DischargeFromShelter = { type: 'DischargeFromShelter'; data: { personId: string; dischargedAt: string; reason: DischargeReason; now: string } };
export type RecordCounsellingSession = {
  type: 'RecordCounsellingSession';
  data: { personId: string; sessionId: string; heldAt: string; kind: CounsellingKind; notes: SealedPersonalData; now: string };
};
export type RecordHealthService = {
  type: 'RecordHealthService';
  data: { personId: string; service: HealthService; providedAt: string; provider: 'government' | 'private' | 'ngo'; now: string };
};
export type EnrolInEducation = { type: 'EnrolInEducation'; data: { personId: string; programme: EducationProgramme; enrolledAt: string; now: string } };
export type RecordIdentityDocument = {
  type: 'RecordIdentityDocument';
  data: { personId: string; document: IdentityDocument; status: DocumentStatus; recordedAt: string; ageBand: AgeBand; now: string };
};
export type RecordRepatriationStep = {
  type: 'RecordRepatriationStep';
  data: {
    personId: string;
    step: RepatriationStep;
    at: string;
    home: Home;
    homeInvestigationOutcome?: HomeInvestigationOutcome;
    handedOverTo?: HandoverRecipient;
    ageBand: AgeBand;
    now: string;
  };
};
export type ScheduleFollowUps = { type: 'ScheduleFollowUps'; data: { personId: string; everyMonths: number; forMonths: number; from: string; now: string } };
export type RecordFollowUp = {
  type: 'RecordFollowUp';
  data: { personId: string; heldAt: string; status: FollowUpStatus; retraffickingRisk: RetraffickingRisk; now: string };
};
export type FlagMissedFollowUps = { type: 'FlagMissedFollowUps'; data: { personId: string; now: string } };
export type RecordCompensation = {
  type: 'RecordCompensation';
  data: { personId: string; stage: 'applied' | 'awarded' | 'paid'; scheme: CompensationScheme; at: string; amountInr?: number; now: string };
};
export type CarePlanCommand =
  | OpenCarePlan
  | SetGoal
  | AdmitToShelter
  | DischargeFromShelter
  | RecordCounsellingSession
  | RecordHealthService
  | EnrolInEducation
  | RecordIdentityDocument
  | RecordRepatriationStep
  | ScheduleFollowUps
  | RecordFollowUp
  | FlagMissedFollowUps
  | RecordCompensation;

// Events
export type CarePlanOpened = DomainEvent<typeof rehabilitationEventTypes.carePlanOpened>;
export type CarePlanGoalSet = DomainEvent<typeof rehabilitationEventTypes.goalSet>;
export type ShelterAdmitted = DomainEvent<typeof rehabilitationEventTypes.shelterAdmitted>;
export type ShelterDischarged = DomainEvent<typeof rehabilitationEventTypes.shelterDischarged>;
/** As recorded before the shelter's name was sealed: still in the store, read as they are. */
export type ShelterAdmittedV1 = DomainEvent<typeof rehabilitationEventTypes.shelterAdmittedV1>;
export type ShelterDischargedV1 = DomainEvent<typeof rehabilitationEventTypes.shelterDischargedV1>;
export type CounsellingSessionRecorded = DomainEvent<typeof rehabilitationEventTypes.counsellingSessionRecorded>;
export type HealthServiceRecorded = DomainEvent<typeof rehabilitationEventTypes.healthServiceRecorded>;
export type EducationEnrolled = DomainEvent<typeof rehabilitationEventTypes.educationEnrolled>;
export type IdentityDocumentRecorded = DomainEvent<typeof rehabilitationEventTypes.identityDocumentRecorded>;
export type VoterRegistered = DomainEvent<typeof rehabilitationEventTypes.voterRegistered>;
export type RepatriationStepRecorded = DomainEvent<typeof rehabilitationEventTypes.repatriationStepRecorded>;
export type FollowUpsScheduled = DomainEvent<typeof rehabilitationEventTypes.followUpsScheduled>;
export type FollowUpRecorded = DomainEvent<typeof rehabilitationEventTypes.followUpRecorded>;
export type FollowUpMissed = DomainEvent<typeof rehabilitationEventTypes.followUpMissed>;
export type CompensationRecorded = DomainEvent<typeof rehabilitationEventTypes.compensationRecorded>;
export type CarePlanEvent =
  | CarePlanOpened
  | CarePlanGoalSet
  | ShelterAdmitted
  | ShelterAdmittedV1
  | ShelterDischarged
  | ShelterDischargedV1
  | CounsellingSessionRecorded
  | HealthServiceRecorded
  | EducationEnrolled
  | IdentityDocumentRecorded
  | VoterRegistered
  | RepatriationStepRecorded
  | FollowUpsScheduled
  | FollowUpRecorded
  | FollowUpMissed
  | CompensationRecorded;

// State
export type CarePlanState =
  | { status: 'none' }
  | {
      status: 'open';
      personId: string;
      /** Under 18 or of unknown age: the child-protection path. */
      child: boolean;
      openedAt: string;
      goals: Partial<Record<CarePlanDomain, GoalStatus>>;
      /** The shelter she is in now, if any (its name is sealed in her admission: these rules never read it). */
      shelter?: { kind: ShelterKind; admittedAt: string };
      counsellingSessionIds: string[];
      documents: Partial<Record<IdentityDocument, DocumentStatus>>;
      voterRegistered: boolean;
      repatriation: {
        /** The latest home investigation report. */
        homeInvestigation?: { outcome: HomeInvestigationOutcome; home: Home };
        escorted: boolean;
        handedOverTo?: HandoverRecipient;
      };
      /** In due order; held and missed ones stay when follow-ups are scheduled again. */
      followUps: { dueAt: string; heldAt?: string; missed: boolean }[];
      compensation: { applied: boolean; awardedInr?: number; /** Paid so far, every payment added. */ paidInr?: number };
    };
type OpenCarePlanState = Extract<CarePlanState, { status: 'open' }>;


const openPlanOf = (state: CarePlanState, personId: string): OpenCarePlanState => {
  if (state.status !== 'open') throw DomainError.notFound(`person ${personId} has no care plan; open one first`);
  return state;
};

const sameHome = (a: Home, b: Home) => a.state === b.state && a.district === b.district;
const byDueDate = (a: { dueAt: string }, b: { dueAt: string }) => Date.parse(a.dueAt) - Date.parse(b.dueAt);

function decideRepatriationStep(plan: OpenCarePlanState, data: RecordRepatriationStep['data']): RepatriationStepRecorded[] {
  const { personId, step, at, home, homeInvestigationOutcome, handedOverTo, ageBand, now } = data;
  const recorded = (extra: Pick<EventData<typeof rehabilitationEventTypes.repatriationStepRecorded>, 'homeInvestigationOutcome' | 'handedOverTo'>) => [
    {
      type: rehabilitationEventTypes.repatriationStepRecorded,
      subject: personId,
      time: at,
      data: { personId, step, at, home: { state: home.state, district: home.district }, ...extra },
    },
  ];
  if (step === 'home-investigation-report') {
    if (!homeInvestigationOutcome) {
      throw DomainError.ruleViolated('a home investigation report says whether her home is safe', { field: 'homeInvestigationOutcome' });
    }
    assertNotInFuture('at', at, now);
    return recorded({ homeInvestigationOutcome });
  }
  if (step === 'handover' && plan.repatriation.handedOverTo) {
    throw DomainError.conflict(`she was already handed over to the ${plan.repatriation.handedOverTo}`);
  }
  const report = plan.repatriation.homeInvestigation;
  if (!report) throw DomainError.ruleViolated(`a home investigation report comes before the ${step}`, { field: 'step' });
  if (report.outcome === 'unfavourable') {
    throw DomainError.ruleViolated('the home investigation found her home unsafe: she is not sent back there', { field: 'step' });
  }
  if (!sameHome(home, report.home)) {
    throw DomainError.ruleViolated(`her home is ${report.home.district}, ${report.home.state}, as the home investigation found`, { field: 'home' });
  }
  assertNotInFuture('at', at, now);
  if (step === 'escort') return recorded({});
  if (!handedOverTo) throw DomainError.ruleViolated('a handover says to whom she was handed over', { field: 'handedOverTo' });
  if (mayBeChild(ageBand) && handedOverTo !== 'child-welfare-committee') {
    throw DomainError.ruleViolated('JJ Act: a child is handed to the Child Welfare Committee of her home district, not straight to her family', {
      field: 'handedOverTo',
    });
  }
  return recorded({ handedOverTo });
}

function decideCompensation(plan: OpenCarePlanState, data: RecordCompensation['data']): CompensationRecorded[] {
  const { personId, stage, scheme, at, amountInr, now } = data;
  if (stage !== 'applied') {
    if (amountInr === undefined) throw DomainError.ruleViolated(`the amount ${stage} is required`, { field: 'amountInr' });
    if (!Number.isInteger(amountInr) || amountInr < 1) {
      throw DomainError.ruleViolated('the amount is a whole number of rupees, at least one', { field: 'amountInr' });
    }
  }
  if (stage === 'paid') {
    const { awardedInr, paidInr = 0 } = plan.compensation;
    if (awardedInr === undefined) throw DomainError.ruleViolated('compensation is paid only once awarded; record the award first', { field: 'stage' });
    if (paidInr + (amountInr ?? 0) > awardedInr) {
      throw DomainError.ruleViolated(`the payments would exceed the ₹${awardedInr} awarded (₹${paidInr} paid so far)`, { field: 'amountInr' });
    }
  }
  assertNotInFuture('at', at, now);
  return [
    {
      type: rehabilitationEventTypes.compensationRecorded,
      subject: personId,
      time: at,
      data: { personId, stage, scheme, at, ...(stage !== 'applied' && amountInr !== undefined ? { amountInr } : {}) },
    },
  ];
}

export const carePlanDecider: Decider<CarePlanCommand, CarePlanEvent, CarePlanState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'OpenCarePlan': {
        const { personId, origin, operationId, child, goals, openedAt, now } = command.data;
        if (state.status === 'open') {
          // A later rescue reacting is harmless: the plan she has goes on.
          if (origin === 'rescued') return [];
          throw DomainError.conflict('she already has a care plan');
        }
        assertNotInFuture('openedAt', openedAt, now);
        const distinctGoals = [...new Set(goals)];
        if (distinctGoals.length === 0) throw DomainError.ruleViolated('a care plan has at least one goal', { field: 'goals' });
        return [
          {
            type: rehabilitationEventTypes.carePlanOpened,
            subject: personId,
            time: openedAt,
            data: { personId, openedAt, origin, ...(operationId !== undefined ? { operationId } : {}), child, goals: distinctGoals },
          },
        ];
      }
      case 'SetGoal': {
        const { personId, domain, status, setAt, now } = command.data;
        const plan = openPlanOf(state, personId);
        const current = plan.goals[domain];
        if (current === status) return [];
        if (current === undefined && status !== 'open') {
          throw DomainError.ruleViolated(`${domain} is not a goal of her plan yet: a new goal starts open`, { field: 'status' });
        }
        assertNotInFuture('setAt', setAt, now);
        return [{ type: rehabilitationEventTypes.goalSet, subject: personId, time: setAt, data: { personId, domain, status, setAt } }];
      }
      case 'AdmitToShelter': {
        const { personId, shelter, admittedAt, ageBand, now } = command.data;
        const plan = openPlanOf(state, personId);
        const child = mayBeChild(ageBand);
        if (plan.shelter) throw DomainError.conflict(`she is in a shelter since ${plan.shelter.admittedAt}: discharge her first`);
        if (child && shelter.kind !== 'child-care-institution') {
          throw DomainError.ruleViolated('JJ Act: a child is placed only in a child care institution', { field: 'shelter.kind' });
        }
        if (!child && shelter.kind === 'child-care-institution') {
          throw DomainError.ruleViolated('JJ Act: a child care institution is for children; an adult goes to another shelter', { field: 'shelter.kind' });
        }
        assertNotInFuture('admittedAt', admittedAt, now);
        const { name, kind, state: shelterState, district } = shelter;
        return [
          {
            type: rehabilitationEventTypes.shelterAdmitted,
            subject: personId,
            time: admittedAt,
            data: { personId, shelter: { name, kind, state: shelterState, district }, admittedAt },
          },
        ];
      }
      case 'DischargeFromShelter': {
        const { personId, dischargedAt, reason, now } = command.data;
        const plan = openPlanOf(state, personId);
        if (!plan.shelter) throw DomainError.conflict('she is not in a shelter');
        assertNotInFuture('dischargedAt', dischargedAt, now);
        if (Date.parse(dischargedAt) < Date.parse(plan.shelter.admittedAt)) {
          throw DomainError.ruleViolated(`dischargedAt is before her admission to the shelter (${plan.shelter.admittedAt})`, { field: 'dischargedAt' });
        }
        return [
          {
            type: rehabilitationEventTypes.shelterDischarged,
            subject: personId,
            time: dischargedAt,
            data: { personId, dischargedAt, reason },
          },
        ];
      }
      case 'RecordCounsellingSession': {
        const { personId, sessionId, heldAt, kind, notes, now } = command.data;
        const plan = openPlanOf(state, personId);
        if (plan.counsellingSessionIds.includes(sessionId)) return [];
        assertNotInFuture('heldAt', heldAt, now);
        return [
          {
            type: rehabilitationEventTypes.counsellingSessionRecorded,
            subject: personId,
            time: heldAt,
            data: { personId, sessionId, heldAt, kind, notes },
          },
        ];
      }
      case 'RecordHealthService': {
        const { personId, service, providedAt, provider, now } = command.data;
        openPlanOf(state, personId);
        assertNotInFuture('providedAt', providedAt, now);
        return [
          { type: rehabilitationEventTypes.healthServiceRecorded, subject: personId, time: providedAt, data: { personId, service, providedAt, provider } },
        ];
      }
      case 'EnrolInEducation': {
        const { personId, programme, enrolledAt, now } = command.data;
        openPlanOf(state, personId);
        assertNotInFuture('enrolledAt', enrolledAt, now);
        return [{ type: rehabilitationEventTypes.educationEnrolled, subject: personId, time: enrolledAt, data: { personId, programme, enrolledAt } }];
      }
      case 'RecordIdentityDocument': {
        const { personId, document, status, recordedAt, ageBand, now } = command.data;
        const plan = openPlanOf(state, personId);
        if (document === 'voter-id' && isChildAgeBand(ageBand)) {
          throw DomainError.ruleViolated(`she is under 18 (age ${ageBand}): a voter ID is for those 18 and over`, { field: 'document' });
        }
        const current = plan.documents[document];
        if (current === status) return [];
        if (current === 'obtained') throw DomainError.conflict(`her ${document} is already obtained`);
        assertNotInFuture('recordedAt', recordedAt, now);
        const recorded: CarePlanEvent = {
          type: rehabilitationEventTypes.identityDocumentRecorded,
          subject: personId,
          time: recordedAt,
          data: { personId, document, status, recordedAt },
        };
        if (document !== 'voter-id' || status !== 'obtained' || plan.voterRegistered) return [recorded];
        return [recorded, { type: rehabilitationEventTypes.voterRegistered, subject: personId, time: recordedAt, data: { personId, registeredAt: recordedAt } }];
      }
      case 'RecordRepatriationStep':
        return decideRepatriationStep(openPlanOf(state, command.data.personId), command.data);
      case 'ScheduleFollowUps': {
        const { personId, everyMonths, forMonths, from, now } = command.data;
        openPlanOf(state, personId);
        if (!Number.isInteger(everyMonths) || everyMonths < 1 || everyMonths > 12) {
          throw DomainError.ruleViolated('follow-ups are every 1 to 12 months', { field: 'everyMonths' });
        }
        if (!Number.isInteger(forMonths) || forMonths < everyMonths || forMonths > 60) {
          throw DomainError.ruleViolated('follow-ups run for whole months, at least one interval and at most 60 months', { field: 'forMonths' });
        }
        if (Number.isNaN(Date.parse(from))) throw DomainError.ruleViolated('from is not a date', { field: 'from' });
        return [
          {
            type: rehabilitationEventTypes.followUpsScheduled,
            subject: personId,
            time: now,
            data: { personId, everyMonths, forMonths, dueDates: followUpDueDates(from, everyMonths, forMonths) },
          },
        ];
      }
      case 'RecordFollowUp': {
        const { personId, heldAt, status, retraffickingRisk, now } = command.data;
        const plan = openPlanOf(state, personId);
        if (plan.followUps.length === 0) throw DomainError.ruleViolated('schedule follow-ups first', { field: 'heldAt' });
        const answered = plan.followUps.find((followUp) => followUp.heldAt === undefined);
        if (!answered) throw DomainError.ruleViolated('every scheduled follow-up is already held', { field: 'heldAt' });
        assertNotInFuture('heldAt', heldAt, now);
        return [
          {
            type: rehabilitationEventTypes.followUpRecorded,
            subject: personId,
            time: heldAt,
            data: { personId, dueAt: answered.dueAt, heldAt, status, retraffickingRisk },
          },
        ];
      }
      case 'FlagMissedFollowUps': {
        const { personId, now } = command.data;
        const plan = openPlanOf(state, personId);
        return plan.followUps
          .filter((followUp) => followUp.heldAt === undefined && !followUp.missed && Date.parse(missedAfter(followUp.dueAt)) <= Date.parse(now))
          .map(({ dueAt }) => ({ type: rehabilitationEventTypes.followUpMissed, subject: personId, time: now, data: { personId, dueAt, flaggedAt: now } }));
      }
      case 'RecordCompensation':
        return decideCompensation(openPlanOf(state, command.data.personId), command.data);
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    if (event.type === rehabilitationEventTypes.carePlanOpened) {
      if (state.status === 'open') return state;
      const { personId, child, openedAt, goals } = event.data;
      return {
        status: 'open',
        personId,
        child,
        openedAt,
        goals: Object.fromEntries(goals.map((domain) => [domain, 'open' as const])),
        counsellingSessionIds: [],
        documents: {},
        voterRegistered: false,
        repatriation: { escorted: false },
        followUps: [],
        compensation: { applied: false },
      };
    }
    if (state.status !== 'open') return state;
    switch (event.type) {
      case rehabilitationEventTypes.goalSet:
        return { ...state, goals: { ...state.goals, [event.data.domain]: event.data.status } };
      case rehabilitationEventTypes.shelterAdmitted:
      case rehabilitationEventTypes.shelterAdmittedV1:
        return { ...state, shelter: { kind: event.data.shelter.kind, admittedAt: event.data.admittedAt } };
      case rehabilitationEventTypes.shelterDischarged:
      case rehabilitationEventTypes.shelterDischargedV1: {
        const { shelter: _discharged, ...rest } = state;
        return rest;
      }
      case rehabilitationEventTypes.counsellingSessionRecorded:
        return { ...state, counsellingSessionIds: [...state.counsellingSessionIds, event.data.sessionId] };
      case rehabilitationEventTypes.healthServiceRecorded:
      case rehabilitationEventTypes.educationEnrolled:
        return state;
      case rehabilitationEventTypes.identityDocumentRecorded:
        return { ...state, documents: { ...state.documents, [event.data.document]: event.data.status } };
      case rehabilitationEventTypes.voterRegistered:
        return { ...state, voterRegistered: true };
      case rehabilitationEventTypes.repatriationStepRecorded: {
        const { step, home, homeInvestigationOutcome, handedOverTo } = event.data;
        if (step === 'home-investigation-report' && homeInvestigationOutcome) {
          return { ...state, repatriation: { ...state.repatriation, homeInvestigation: { outcome: homeInvestigationOutcome, home } } };
        }
        if (step === 'escort') return { ...state, repatriation: { ...state.repatriation, escorted: true } };
        if (step === 'handover' && handedOverTo) return { ...state, repatriation: { ...state.repatriation, handedOverTo } };
        return state;
      }
      case rehabilitationEventTypes.followUpsScheduled: {
        const kept = state.followUps.filter((followUp) => followUp.heldAt !== undefined || followUp.missed);
        const keptDates = new Set(kept.map((followUp) => Date.parse(followUp.dueAt)));
        const scheduled = event.data.dueDates.filter((dueAt) => !keptDates.has(Date.parse(dueAt))).map((dueAt) => ({ dueAt, missed: false }));
        return { ...state, followUps: [...kept, ...scheduled].sort(byDueDate) };
      }
      case rehabilitationEventTypes.followUpRecorded:
        return {
          ...state,
          followUps: state.followUps.map((followUp) => (followUp.dueAt === event.data.dueAt ? { ...followUp, heldAt: event.data.heldAt } : followUp)),
        };
      case rehabilitationEventTypes.followUpMissed:
        return {
          ...state,
          followUps: state.followUps.map((followUp) => (followUp.dueAt === event.data.dueAt ? { ...followUp, missed: true } : followUp)),
        };
      case rehabilitationEventTypes.compensationRecorded: {
        const { stage, amountInr } = event.data;
        if (stage === 'applied') return { ...state, compensation: { ...state.compensation, applied: true } };
        if (stage === 'awarded') return { ...state, compensation: { ...state.compensation, awardedInr: amountInr } };
        return { ...state, compensation: { ...state.compensation, paidInr: (state.compensation.paidInr ?? 0) + (amountInr ?? 0) } };
      }
      default:
        return state;
    }
  },
};
