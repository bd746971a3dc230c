/**
 * A training session for those who enforce the law and care for survivors: police and
 * anti-human-trafficking units, prosecutors, the judiciary, Child Welfare Committee members,
 * shelter staff, the labour department, NGO staff. Each session falls due for a refresher (a year
 * on unless said otherwise), flagged overdue once the date passes. A later session that refreshes
 * this one closes that deadline: the service sees it and cancels the deadline here.
 */
import { DomainEvent, SealedPersonalData, legalEventTypes, trainingAudiences, trainingTopics } from '@mukti/contracts';
import { addCalendarMonths, Decider, DomainError, unknownCommand } from '@mukti/decider';

type TrainingAudience = (typeof trainingAudiences)[number];
type TrainingTopic = (typeof trainingTopics)[number];

/** A refresher falls due this many calendar months after the session, unless said otherwise. */
export const REFRESHER_AFTER_MONTHS = 12;

// Commands
export type RecordTrainingSession = {
  type: 'RecordTrainingSession';
  data: {
    trainingId: string;
    audience: TrainingAudience;
    topic: TrainingTopic;
    heldAt: string;
    trainerId: string;
    participantCount: number;
    participantNames?: SealedPersonalData;
    refresherDueAt?: string;
    refreshesTrainingId?: string;
    /** Whether the session it refreshes is recorded, as the service found. */
    refreshedSessionKnown: boolean;
    district: string;
    state: string;
    now: string;
  };
};
/** Raised by the service's deadline watch when the refresher falls due. */
export type FlagOverdueRefresher = { type: 'FlagOverdueRefresher'; data: { trainingId: string; now: string } };
export type TrainingSessionCommand = RecordTrainingSession | FlagOverdueRefresher;

// Events
export type TrainingSessionHeld = DomainEvent<typeof legalEventTypes.trainingSessionHeld>;
export type TrainingRefresherOverdue = DomainEvent<typeof legalEventTypes.trainingRefresherOverdue>;
export type TrainingSessionEvent = TrainingSessionHeld | TrainingRefresherOverdue;

// State: plain JSON, stored as it is.
export type TrainingSessionState =
  | { status: 'none' }
  | {
      status: 'recorded';
      audience: TrainingAudience;
      topic: TrainingTopic;
      heldAt: string;
      refresherDueAt: string;
      /** The refresher was flagged overdue: an open alert until a later session refreshes this one. */
      refresherFlagged: boolean;
    };
export type RecordedTrainingSessionState = Extract<TrainingSessionState, { status: 'recorded' }>;

export const isRecorded = (state: TrainingSessionState): state is RecordedTrainingSessionState => state.status === 'recorded';

/** When the refresher falls due, while it is not yet flagged overdue. */
export function refresherDeadline(state: TrainingSessionState): string | undefined {
  return isRecorded(state) && !state.refresherFlagged ? state.refresherDueAt : undefined;
}

function decideSession(data: RecordTrainingSession['data']): TrainingSessionHeld[] {
  const { trainingId, audience, topic, heldAt, trainerId, participantCount, participantNames, district, state, now } = data;
  const { refreshesTrainingId, refreshedSessionKnown } = data;
  if (Number.isNaN(Date.parse(heldAt))) throw DomainError.ruleViolated('heldAt is not a date', { field: 'heldAt' });
  if (Date.parse(heldAt) > Date.parse(now)) throw DomainError.ruleViolated('heldAt is in the future', { field: 'heldAt' });
  const refresherDueAt = data.refresherDueAt ?? addCalendarMonths(heldAt, REFRESHER_AFTER_MONTHS);
  if (!(Date.parse(refresherDueAt) > Date.parse(heldAt))) {
    throw DomainError.ruleViolated('refresherDueAt is not after heldAt: a refresher falls due after the session', { field: 'refresherDueAt' });
  }
  if (refreshesTrainingId === trainingId) throw DomainError.ruleViolated('a session does not refresh itself', { field: 'refreshesTrainingId' });
  if (refreshesTrainingId !== undefined && !refreshedSessionKnown) {
    throw DomainError.ruleViolated(`training session ${refreshesTrainingId} is not recorded`, { field: 'refreshesTrainingId' });
  }
  return [
    {
      type: legalEventTypes.trainingSessionHeld,
      subject: trainingId,
      time: heldAt,
      data: {
        trainingId,
        audience,
        topic,
        heldAt,
        trainerId,
        participantCount,
        ...(participantNames !== undefined ? { participantNames } : {}),
        refresherDueAt,
        ...(refreshesTrainingId !== undefined ? { refreshesTrainingId } : {}),
        district,
        state,
      },
    },
  ];
}

export const trainingSessionDecider: Decider<TrainingSessionCommand, TrainingSessionEvent, TrainingSessionState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RecordTrainingSession':
        if (isRecorded(state)) throw DomainError.conflict(`training session ${command.data.trainingId} is already recorded`);
        return decideSession(command.data);
      case 'FlagOverdueRefresher': {
        // The service's own deadline: never refused, nothing to flag unless due and not yet flagged.
        const { trainingId, now } = command.data;
        const dueAt = refresherDeadline(state);
        if (!isRecorded(state) || dueAt === undefined || Date.parse(now) < Date.parse(dueAt)) return [];
        return [
          {
            type: legalEventTypes.trainingRefresherOverdue,
            subject: trainingId,
            time: now,
            data: { trainingId, audience: state.audience, dueAt, flaggedAt: now },
          },
        ];
      }
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case legalEventTypes.trainingSessionHeld: {
        if (isRecorded(state)) return state;
        const { audience, topic, heldAt, refresherDueAt } = event.data;
        return { status: 'recorded', audience, topic, heldAt, refresherDueAt, refresherFlagged: false };
      }
      case legalEventTypes.trainingRefresherOverdue:
        return isRecorded(state) ? { ...state, refresherFlagged: true } : state;
      default:
        return state;
    }
  },
};
