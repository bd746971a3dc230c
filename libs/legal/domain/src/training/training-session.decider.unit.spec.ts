import { legalEventTypes, payloadProblems } from '@mukti/contracts';
import { deciderSpecification, DomainError, DomainErrorKind } from '@mukti/decider';
import { RecordTrainingSession, TrainingSessionCommand, TrainingSessionEvent, refresherDeadline, trainingSessionDecider } from './training-session.decider';

const trainingId = '11111111-1111-4111-8111-111111111111';
const earlierTrainingId = '22222222-2222-4222-8222-222222222222';
const heldAt = '2027-03-10T09:30:00.000Z';
const dueAt = '2028-03-10T09:30:00.000Z';
const now = '2027-03-11T12:00:00.000Z';
const participantNames = { keyId: `training-${trainingId}`, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' };

const spec = deciderSpecification(trainingSessionDecider);
/** A refusal of this kind, naming this field. */
const refused = (kind: DomainErrorKind, field?: string) => (error: Error) => {
  expect((error as DomainError).kind).toBe(kind);
  if (field) expect((error as DomainError).details).toMatchObject({ field });
};

// Commands
const record = (overrides: Partial<RecordTrainingSession['data']> = {}): TrainingSessionCommand => ({
  type: 'RecordTrainingSession',
  data: {
    trainingId,
    audience: 'police-and-ahtu',
    topic: 'victim-identification',
    heldAt,
    trainerId: 'staff-anjali',
    participantCount: 32,
    refreshedSessionKnown: false,
    district: 'South 24 Parganas',
    state: 'West Bengal',
    now,
    ...overrides,
  },
});
const flag = (at: string): TrainingSessionCommand => ({ type: 'FlagOverdueRefresher', data: { trainingId, now: at } });

// Events
const held = (data: Partial<Extract<TrainingSessionEvent, { type: typeof legalEventTypes.trainingSessionHeld }>['data']> = {}): TrainingSessionEvent => ({
  type: legalEventTypes.trainingSessionHeld,
  subject: trainingId,
  time: data.heldAt ?? heldAt,
  data: {
    trainingId,
    audience: 'police-and-ahtu',
    topic: 'victim-identification',
    heldAt,
    trainerId: 'staff-anjali',
    participantCount: 32,
    refresherDueAt: dueAt,
    district: 'South 24 Parganas',
    state: 'West Bengal',
    ...data,
  },
});
const overdue = (flaggedAt: string): TrainingSessionEvent => ({
  type: legalEventTypes.trainingRefresherOverdue,
  subject: trainingId,
  time: flaggedAt,
  data: { trainingId, audience: 'police-and-ahtu', dueAt, flaggedAt },
});

describe('a training session', () => {
  it('is recorded with its refresher due a year on', () => {
    spec.given([]).when(record()).then([held()]);
  });

  it('keeps the participants’ names sealed, and the refresher date given', () => {
    spec
      .given([])
      .when(record({ participantNames, refresherDueAt: '2027-09-10T09:30:00.000Z' }))
      .then([held({ participantNames, refresherDueAt: '2027-09-10T09:30:00.000Z' })]);
  });

  it('falls due for a refresher twelve calendar months on, on the last day of February after a leap day', () => {
    spec
      .given([])
      .when(record({ heldAt: '2028-02-29T10:00:00.000Z', now: '2028-03-01T10:00:00.000Z' }))
      .then([held({ heldAt: '2028-02-29T10:00:00.000Z', refresherDueAt: '2029-02-28T10:00:00.000Z' })]);
  });

  it('is recorded once', () => {
    spec.given([held()]).when(record()).thenThrows(DomainError, /already recorded/, refused('conflict'));
  });

  it('is not recorded before it is held', () => {
    spec.given([]).when(record({ heldAt: '2027-03-11T12:00:01.000Z' })).thenThrows(DomainError, /heldAt is in the future/, refused('rule-violated', 'heldAt'));
    spec.given([]).when(record({ heldAt: 'last Tuesday' })).thenThrows(DomainError, /heldAt is not a date/, refused('rule-violated', 'heldAt'));
  });

  it('has its refresher due after the session', () => {
    spec.given([]).when(record({ refresherDueAt: heldAt })).thenThrows(DomainError, /after the session/, refused('rule-violated', 'refresherDueAt'));
    spec.given([]).when(record({ refresherDueAt: '2027-03-01T09:30:00.000Z' })).thenThrows(DomainError, /after the session/, refused('rule-violated', 'refresherDueAt'));
  });

  it('refreshes an earlier session that is recorded', () => {
    spec
      .given([])
      .when(record({ refreshesTrainingId: earlierTrainingId, refreshedSessionKnown: true }))
      .then([held({ refreshesTrainingId: earlierTrainingId })]);
    spec
      .given([])
      .when(record({ refreshesTrainingId: earlierTrainingId }))
      .thenThrows(DomainError, new RegExp(`training session ${earlierTrainingId} is not recorded`), refused('rule-violated', 'refreshesTrainingId'));
  });

  it('does not refresh itself', () => {
    spec
      .given([])
      .when(record({ refreshesTrainingId: trainingId, refreshedSessionKnown: true }))
      .thenThrows(DomainError, /does not refresh itself/, refused('rule-violated', 'refreshesTrainingId'));
  });
});

describe('its refresher', () => {
  it('is flagged overdue once it falls due, naming the audience to train again', () => {
    spec.given([held()]).when(flag('2028-03-10T09:29:59.999Z')).then([]);
    spec.given([held()]).when(flag(dueAt)).then([overdue(dueAt)]);
    spec.given([held()]).when(flag('2028-04-01T00:00:00.000Z')).then([overdue('2028-04-01T00:00:00.000Z')]);
  });

  it('is flagged overdue once', () => {
    spec.given([held(), overdue(dueAt)]).when(flag('2028-04-01T00:00:00.000Z')).then([]);
  });

  it('is never refused to the deadline watch, even for a session not recorded', () => {
    spec.given([]).when(flag('2028-04-01T00:00:00.000Z')).then([]);
  });

  it('has a deadline while not yet flagged, and none after', () => {
    const fold = (events: TrainingSessionEvent[]) => events.reduce(trainingSessionDecider.evolve, trainingSessionDecider.initialState());
    expect(refresherDeadline(fold([]))).toBeUndefined();
    expect(refresherDeadline(fold([held()]))).toBe(dueAt);
    expect(refresherDeadline(fold([held(), overdue(dueAt)]))).toBeUndefined();
    expect(JSON.parse(JSON.stringify(fold([held(), overdue(dueAt)])))).toEqual(fold([held(), overdue(dueAt)]));
  });
});

describe('the facts of a training session', () => {
  it('fit the published contract', () => {
    const history: TrainingSessionEvent[] = [];
    for (const command of [record({ participantNames, refreshesTrainingId: earlierTrainingId, refreshedSessionKnown: true }), flag(dueAt)]) {
      history.push(...trainingSessionDecider.decide(command, history.reduce(trainingSessionDecider.evolve, trainingSessionDecider.initialState())));
    }
    expect(history).toHaveLength(2);
    for (const event of history) {
      expect(event.subject).toBe(trainingId);
      expect({ type: event.type, problems: payloadProblems(event.type, event.data) }).toEqual({ type: event.type, problems: [] });
    }
  });
});
