/**
 * A prevention plan for a household at risk, or for one person at risk (its id is theirs). New
 * entries into exploitation are prevented by lifting whole households out of the vulnerability
 * traffickers exploit: education, livelihood, awareness, scheme linkage. The first support starts
 * the follow-up of every person the plan covers; one followed 12 months (PREVENTION_FOLLOW_UP_MONTHS)
 * with no entry into exploitation is counted as an entry prevented. An entry is counted too, once,
 * with her history; one who entered after being counted stays counted, and her entry is recorded
 * as well: both are facts.
 */
import {
  DomainEvent,
  PREVENTION_FOLLOW_UP_MONTHS,
  entrySources,
  governmentSchemes,
  livelihoodEventTypes,
  preventionPlanSubjects,
  preventionSupportKinds,
  preventionSupportStatuses,
} from '@mukti/contracts';
import { addCalendarMonths, assertNotInFuture, Decider, DomainError, unknownCommand } from '@mukti/decider';

type PreventionPlanSubject = (typeof preventionPlanSubjects)[number];
type SupportKind = (typeof preventionSupportKinds)[number];
type SupportStatus = (typeof preventionSupportStatuses)[number];
type GovernmentScheme = (typeof governmentSchemes)[number];
type EntrySource = (typeof entrySources)[number];

/** A plan covers at most this many people (the published schema's limit). */
const MAX_PEOPLE = 50;

// Commands
/** personIds are given by the service: the household's people at risk, or [the person]. */
export type OpenPreventionPlan = {
  type: 'OpenPreventionPlan';
  data: { preventionPlanId: string; subject: PreventionPlanSubject; personIds: string[]; openedAt: string; now: string };
};
/** A new supportId adds a support; a known one records a change in its status. */
export type RecordPreventionSupport = {
  type: 'RecordPreventionSupport';
  data: {
    preventionPlanId: string;
    supportId: string;
    kind: SupportKind;
    status: SupportStatus;
    startedAt: string;
    endedAt?: string;
    scheme?: GovernmentScheme;
    now: string;
  };
};
/** Recorded by staff, or the service's reaction to her rescue. */
export type RecordEntryIntoExploitation = {
  type: 'RecordEntryIntoExploitation';
  data: { preventionPlanId: string; personId: string; enteredAt: string; source: EntrySource; now: string };
};
/** The service's own deadline command, when someone's 12 months are up. */
export type FlagEntriesPrevented = { type: 'FlagEntriesPrevented'; data: { preventionPlanId: string; now: string } };
export type PreventionPlanCommand = OpenPreventionPlan | RecordPreventionSupport | RecordEntryIntoExploitation | FlagEntriesPrevented;

// Events
export type PreventionPlanOpened = DomainEvent<typeof livelihoodEventTypes.preventionPlanOpened>;
export type PreventionSupportRecorded = DomainEvent<typeof livelihoodEventTypes.preventionSupportRecorded>;
export type EntryIntoExploitationRecorded = DomainEvent<typeof livelihoodEventTypes.entryIntoExploitationRecorded>;
export type EntryPrevented = DomainEvent<typeof livelihoodEventTypes.entryPrevented>;
export type PreventionPlanEvent = PreventionPlanOpened | PreventionSupportRecorded | EntryIntoExploitationRecorded | EntryPrevented;

// State
export type PreventionSupport = { kind: SupportKind; status: SupportStatus; startedAt: string; endedAt?: string; scheme?: GovernmentScheme };
/** What became of a person the plan covers: her entry into exploitation, her count as an entry prevented, or both. */
export type PreventionOutcome = { enteredAt?: string; entrySource?: EntrySource; countedAt?: string };
/** A plan as kept; its id is the aggregate's (the household's or the person's), carried by every command. */
export type PreventionPlanState =
  | { status: 'none' }
  | {
      status: 'open';
      /** Whom it is for: a household at risk, or one person at risk. */
      subject: PreventionPlanSubject;
      personIds: string[];
      openedAt: string;
      supports: Record<string, PreventionSupport>;
      /** When the first (earliest) support started: every covered person is followed from then. */
      followedSince?: string;
      outcomes: Record<string, PreventionOutcome>;
    };
type OpenPreventionPlanState = Extract<PreventionPlanState, { status: 'open' }>;

const sameTime = (a: string | undefined, b: string | undefined) => (a === undefined || b === undefined ? a === b : Date.parse(a) === Date.parse(b));

/** The people a plan still follows: not entered into exploitation, not yet counted as an entry prevented. */
const stillFollowed = (plan: OpenPreventionPlanState) =>
  plan.personIds.filter((personId) => plan.outcomes[personId]?.enteredAt === undefined && plan.outcomes[personId]?.countedAt === undefined);

/**
 * When each person the plan follows counts as an entry prevented: PREVENTION_FOLLOW_UP_MONTHS
 * calendar months (UTC) after her follow-up began. None before the first support, none for one
 * who entered exploitation or is already counted.
 */
export function preventionDeadlines(state: PreventionPlanState): { personId: string; dueAt: string }[] {
  if (state.status !== 'open' || state.followedSince === undefined) return [];
  const dueAt = addCalendarMonths(state.followedSince, PREVENTION_FOLLOW_UP_MONTHS);
  return stillFollowed(state).map((personId) => ({ personId, dueAt }));
}

const planOf = (state: PreventionPlanState, preventionPlanId: string): OpenPreventionPlanState => {
  if (state.status !== 'open') throw DomainError.notFound(`there is no prevention plan ${preventionPlanId}; open one first`);
  return state;
};

/** What every fact of a plan carries: whose plan it is and the people it covers. */
const factsOf = (preventionPlanId: string, plan: OpenPreventionPlanState) => ({ preventionPlanId, subject: plan.subject, personIds: plan.personIds });

function decideOpen(state: PreventionPlanState, data: OpenPreventionPlan['data']): PreventionPlanOpened[] {
  const { preventionPlanId, subject, openedAt, now } = data;
  if (state.status === 'open') throw DomainError.conflict(`prevention plan ${preventionPlanId} is already open`);
  const personIds = [...new Set(data.personIds)];
  if (personIds.length === 0) throw DomainError.ruleViolated('a prevention plan covers at least one person at risk', { field: 'personIds' });
  if (personIds.length > MAX_PEOPLE) throw DomainError.ruleViolated(`a prevention plan covers at most ${MAX_PEOPLE} people`, { field: 'personIds' });
  if (subject === 'person' && (personIds.length !== 1 || personIds[0] !== preventionPlanId)) {
    throw DomainError.ruleViolated('a prevention plan for one person covers her alone, under her id', { field: 'personIds' });
  }
  assertNotInFuture('openedAt', openedAt, now);
  return [{ type: livelihoodEventTypes.preventionPlanOpened, subject: preventionPlanId, time: openedAt, data: { preventionPlanId, subject, personIds, openedAt } }];
}

function decideSupport(plan: OpenPreventionPlanState, data: RecordPreventionSupport['data']): PreventionSupportRecorded[] {
  const { preventionPlanId, supportId, kind, status, startedAt, endedAt, scheme, now } = data;
  const known = plan.supports[supportId];
  if (known && known.kind !== kind) throw DomainError.conflict(`support ${supportId} is ${known.kind}, not ${kind}`);
  if (known && Date.parse(known.startedAt) !== Date.parse(startedAt)) {
    throw DomainError.ruleViolated(`support ${supportId} started at ${known.startedAt}; a change in its status does not move its start`, { field: 'startedAt' });
  }
  if (kind === 'scheme-linkage' && scheme === undefined) throw DomainError.ruleViolated('a scheme linkage names the scheme', { field: 'scheme' });
  if (kind !== 'scheme-linkage' && scheme !== undefined) throw DomainError.ruleViolated(`a scheme is named only for a scheme linkage, not ${kind}`, { field: 'scheme' });
  if (known && known.scheme !== scheme) throw DomainError.conflict(`support ${supportId} is a linkage to ${known.scheme}, not ${scheme}`);
  if (endedAt !== undefined && status === 'ongoing') throw DomainError.ruleViolated('an ongoing support has not ended', { field: 'endedAt' });
  // The same status again (a resubmitted form) changes nothing.
  if (known && known.status === status && sameTime(known.endedAt, endedAt)) return [];
  assertNotInFuture('startedAt', startedAt, now);
  if (endedAt !== undefined) {
    assertNotInFuture('endedAt', endedAt, now);
    if (Date.parse(endedAt) <= Date.parse(startedAt)) throw DomainError.ruleViolated('endedAt is not after startedAt', { field: 'endedAt' });
  }
  return [
    {
      type: livelihoodEventTypes.preventionSupportRecorded,
      subject: preventionPlanId,
      time: endedAt ?? (known ? now : startedAt),
      data: {
        ...factsOf(preventionPlanId, plan),
        supportId,
        kind,
        status,
        startedAt,
        ...(endedAt !== undefined ? { endedAt } : {}),
        ...(scheme !== undefined ? { scheme } : {}),
      },
    },
  ];
}

function decideEntry(state: PreventionPlanState, data: RecordEntryIntoExploitation['data']): EntryIntoExploitationRecorded[] {
  const { preventionPlanId, personId, enteredAt, source, now } = data;
  // Her rescue reaches every plan the service thinks covers her: one it cannot find changes nothing.
  if (state.status !== 'open' && source === 'rescued') return [];
  const plan = planOf(state, preventionPlanId);
  if (!plan.personIds.includes(personId)) {
    if (source === 'rescued') return [];
    throw DomainError.ruleViolated(`person ${personId} is not covered by this prevention plan`, { field: 'personId' });
  }
  // Counted once: a second record of her entry (or a second rescue) changes nothing.
  if (plan.outcomes[personId]?.enteredAt !== undefined) return [];
  if (source === 'recorded') assertNotInFuture('enteredAt', enteredAt, now);
  return [
    {
      type: livelihoodEventTypes.entryIntoExploitationRecorded,
      subject: preventionPlanId,
      time: enteredAt,
      data: { ...factsOf(preventionPlanId, plan), personId, enteredAt, source, followedSince: plan.followedSince ?? plan.openedAt },
    },
  ];
}

function decideEntriesPrevented(state: PreventionPlanState, { preventionPlanId, now }: FlagEntriesPrevented['data']): EntryPrevented[] {
  if (state.status !== 'open' || state.followedSince === undefined) return [];
  const followedSince = state.followedSince;
  return preventionDeadlines(state)
    .filter(({ dueAt }) => Date.parse(dueAt) <= Date.parse(now))
    .map(({ personId }) => ({
      type: livelihoodEventTypes.entryPrevented,
      subject: preventionPlanId,
      time: now,
      data: { ...factsOf(preventionPlanId, state), personId, followedSince, countedAt: now },
    }));
}

const earlier = (a: string | undefined, b: string) => (a === undefined || Date.parse(b) < Date.parse(a) ? b : a);

export const preventionPlanDecider: Decider<PreventionPlanCommand, PreventionPlanEvent, PreventionPlanState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'OpenPreventionPlan':
        return decideOpen(state, command.data);
      case 'RecordPreventionSupport':
        return decideSupport(planOf(state, command.data.preventionPlanId), command.data);
      case 'RecordEntryIntoExploitation':
        return decideEntry(state, command.data);
      case 'FlagEntriesPrevented':
        // The service's own deadline: an unknown plan, or no one due yet, changes nothing.
        return decideEntriesPrevented(state, command.data);
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    if (event.type === livelihoodEventTypes.preventionPlanOpened) {
      if (state.status === 'open') return state;
      const { subject, personIds, openedAt } = event.data;
      return { status: 'open', subject, personIds, openedAt, supports: {}, outcomes: {} };
    }
    if (state.status !== 'open') return state;
    switch (event.type) {
      case livelihoodEventTypes.preventionSupportRecorded: {
        const { supportId, kind, status, startedAt, endedAt, scheme } = event.data;
        const support: PreventionSupport = {
          kind,
          status,
          startedAt,
          ...(endedAt !== undefined ? { endedAt } : {}),
          ...(scheme !== undefined ? { scheme } : {}),
        };
        // The earliest support starts the follow-up, even one recorded late.
        return { ...state, supports: { ...state.supports, [supportId]: support }, followedSince: earlier(state.followedSince, startedAt) };
      }
      case livelihoodEventTypes.entryIntoExploitationRecorded: {
        const { personId, enteredAt, source } = event.data;
        return { ...state, outcomes: { ...state.outcomes, [personId]: { ...state.outcomes[personId], enteredAt, entrySource: source } } };
      }
      case livelihoodEventTypes.entryPrevented: {
        const { personId, countedAt } = event.data;
        return { ...state, outcomes: { ...state.outcomes, [personId]: { ...state.outcomes[personId], countedAt } } };
      }
      default:
        return state;
    }
  },
};
