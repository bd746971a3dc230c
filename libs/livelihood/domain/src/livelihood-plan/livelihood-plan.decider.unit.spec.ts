import { EventData, livelihoodEventTypes, MinimumWage, payloadProblems } from '@mukti/contracts';
import { deciderSpecification, DomainError, DomainErrorKind, fold } from '@mukti/decider';
import { LivelihoodPlanCommand, LivelihoodPlanEvent, livelihoodPlanDecider } from './livelihood-plan.decider';

const personId = '11111111-1111-4111-8111-111111111111';
const trainingId = '22222222-2222-4222-8222-222222222222';
const placementId = '33333333-3333-4333-8333-333333333333';
const secondPlacementId = '44444444-4444-4444-8444-444444444444';
const unknownId = '99999999-9999-4999-8999-999999999999';

const openedAt = '2026-01-05T09:00:00.000Z';
const trainingStart = '2026-01-12T09:00:00.000Z';
const trainingEnd = '2026-04-10T09:00:00.000Z';
const placementStart = '2026-05-04T09:00:00.000Z';
const followUpAt = '2026-08-04T09:00:00.000Z';
const now = '2026-09-01T12:00:00.000Z';

const semiSkilledWestBengal: MinimumWage = {
  monthlyInr: 11363,
  state: 'West Bengal',
  skillLevel: 'semi-skilled',
  source: 'Labour Department, Govt of West Bengal, Notification No. 20/Stat/14/RW/24/2023/LCS/JLC, Zone A',
  effectiveFrom: '2025-07-01',
};

const spec = deciderSpecification(livelihoodPlanDecider);
const stateAfter = (events: LivelihoodPlanEvent[]) => fold(livelihoodPlanDecider, livelihoodPlanDecider.initialState(), events);
const decided = (events: LivelihoodPlanEvent[], command: LivelihoodPlanCommand) => livelihoodPlanDecider.decide(command, stateAfter(events));
/** A refusal of this kind, naming this field. */
const refused = (kind: DomainErrorKind, field?: string) => (error: Error) => {
  expect((error as DomainError).kind).toBe(kind);
  if (field) expect((error as DomainError).details).toMatchObject({ field });
};

// Commands
type Data<T extends LivelihoodPlanCommand['type']> = Extract<LivelihoodPlanCommand, { type: T }>['data'];
/** A command about her, at `now` unless said otherwise (typed by its data; TypeScript cannot follow T through the spread). */
const command = <T extends LivelihoodPlanCommand['type']>(type: T, data: Omit<Data<T>, 'personId' | 'now'> & { now?: string }) =>
  ({ type, data: { personId, now, ...data } }) as unknown as LivelihoodPlanCommand;
const open = (origin: 'care-plan' | 'referred' = 'care-plan', at = openedAt, clock = now) => command('OpenLivelihoodPlan', { origin, openedAt: at, now: clock });
/** Its trade and provider, as intake sealed them with her key: the rules only carry them. */
const sealedTraining = { keyId: personId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'U2V3aW5n', authTag: 'dGFn' };
const startTraining = (overrides: Partial<Data<'StartSkillTraining'>> = {}) =>
  command('StartSkillTraining', {
    trainingId,
    training: sealedTraining,
    skillLevel: 'semi-skilled',
    startedAt: trainingStart,
    plannedEndAt: trainingEnd,
    ...overrides,
  });
const endTraining = (overrides: Partial<Data<'EndSkillTraining'>> = {}) =>
  command('EndSkillTraining', { trainingId, outcome: 'completed', endedAt: trainingEnd, certified: true, ...overrides });
/** 'Sonar Tailoring Unit', as intake sealed it with her key: the rules only carry it. */
const sealedEmployer = { keyId: personId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'U29uYXI=', authTag: 'dGFn' };
const startPlacement = (overrides: Partial<Data<'StartPlacement'>> = {}) =>
  command('StartPlacement', {
    placementId,
    kind: 'wage-employment',
    employerOrEnterprise: sealedEmployer,
    sector: 'garments-and-tailoring',
    skillLevel: 'semi-skilled',
    state: 'West Bengal',
    startedAt: placementStart,
    monthlyIncomeInr: 12000,
    minimumWage: semiSkilledWestBengal,
    ...overrides,
  });
const followUp = (overrides: Partial<Data<'FollowUpIncome'>> = {}) =>
  command('FollowUpIncome', { placementId, at: followUpAt, monthlyIncomeInr: 10500, minimumWage: semiSkilledWestBengal, ...overrides });
const losePlacement = (overrides: Partial<Data<'RecordPlacementLost'>> = {}) =>
  command('RecordPlacementLost', { placementId, lostAt: '2026-08-20T09:00:00.000Z', reason: 'wages-unpaid', ...overrides });
const inclusion = (kind: 'bank-account' | 'self-help-group', at = '2026-02-01T09:00:00.000Z') => command('RecordFinancialInclusion', { kind, at });
const scheme = (stage: 'applied' | 'granted' | 'refused', at = '2026-03-01T09:00:00.000Z') => command('RecordSchemeLinkage', { scheme: 'pm-vishwakarma', stage, at });

// Events
type EventKey = keyof typeof livelihoodEventTypes;
const fact = <K extends EventKey>(key: K, time: string, data: Omit<EventData<(typeof livelihoodEventTypes)[K]>, 'personId'>) =>
  ({ type: livelihoodEventTypes[key], subject: personId, time, data: { personId, ...data } }) as LivelihoodPlanEvent;
const opened = (origin: 'care-plan' | 'referred' = 'care-plan') => fact('livelihoodPlanOpened', openedAt, { origin, openedAt });
const trainingStarted = fact('skillTrainingStarted', trainingStart, {
  trainingId,
  training: sealedTraining,
  skillLevel: 'semi-skilled',
  startedAt: trainingStart,
  plannedEndAt: trainingEnd,
});
const trainingEnded = (outcome: 'completed' | 'dropped-out' = 'completed', certified = true) =>
  fact('skillTrainingEnded', trainingEnd, { trainingId, outcome, endedAt: trainingEnd, certified });
const placementStarted = (monthlyIncomeInr = 12000, sustainableWage = true, id = placementId) =>
  fact('placementStarted', placementStart, {
    placementId: id,
    kind: 'wage-employment',
    employerOrEnterprise: sealedEmployer,
    sector: 'garments-and-tailoring',
    skillLevel: 'semi-skilled',
    state: 'West Bengal',
    startedAt: placementStart,
    monthlyIncomeInr,
    minimumWage: semiSkilledWestBengal,
    sustainableWage,
  });
const incomeFollowedUp = (monthlyIncomeInr = 10500, sustainableWage = false) =>
  fact('incomeFollowedUp', followUpAt, { placementId, at: followUpAt, monthlyIncomeInr, minimumWage: semiSkilledWestBengal, sustainableWage });
const placementLost = fact('placementLost', '2026-08-20T09:00:00.000Z', { placementId, lostAt: '2026-08-20T09:00:00.000Z', reason: 'wages-unpaid' });
const included = (kind: 'bank-account' | 'self-help-group') => fact('financialInclusionRecorded', '2026-02-01T09:00:00.000Z', { kind, at: '2026-02-01T09:00:00.000Z' });
const linked = (stage: 'applied' | 'granted' | 'refused', at = '2026-03-01T09:00:00.000Z') =>
  fact('schemeLinkageRecorded', at, { scheme: 'pm-vishwakarma', stage, at });

describe('her livelihood plan', () => {
  it('opens by itself when her care plan sets a livelihood goal', () => {
    spec.given([]).when(open('care-plan')).then([opened('care-plan')]);
  });

  it('opens by hand for a survivor referred another way', () => {
    spec.given([]).when(open('referred')).then([opened('referred')]);
  });

  it('goes on unchanged when her care plan reacts again, a redelivery or a second livelihood goal', () => {
    spec.given([opened('referred')]).when(open('care-plan')).then([]);
    spec.given([opened('care-plan')]).when(open('care-plan')).then([]);
  });

  it('is not opened twice by hand', () => {
    spec.given([opened()]).when(open('referred')).thenThrows(DomainError, /she already has a livelihood plan/, refused('conflict'));
  });

  it('is not opened in the future, within five minutes of clock skew', () => {
    spec
      .given([])
      .when(open('referred', '2026-01-05T09:04:00.000Z', openedAt))
      .then([fact('livelihoodPlanOpened', '2026-01-05T09:04:00.000Z', { origin: 'referred', openedAt: '2026-01-05T09:04:00.000Z' })]);
    spec
      .given([])
      .when(open('referred', '2026-01-05T09:06:00.000Z', openedAt))
      .thenThrows(DomainError, /openedAt is in the future/, refused('rule-violated', 'openedAt'));
  });

  it.each([
    ['a skill training', startTraining()],
    ['the end of a training', endTraining()],
    ['a placement', startPlacement()],
    ['an income follow-up', followUp()],
    ['a placement lost', losePlacement()],
    ['a bank account', inclusion('bank-account')],
    ['a scheme linkage', scheme('applied')],
  ])('is needed before %s can be recorded', (_, cmd) => {
    spec.given([]).when(cmd).thenThrows(DomainError, /she has no livelihood plan/, refused('not-found'));
  });
});

describe('her skill trainings', () => {
  it('start with a trade and a provider (sealed), a skill level and, if known, a planned end', () => {
    spec.given([opened()]).when(startTraining()).then([trainingStarted]);
    const { plannedEndAt: _, ...withoutEnd } = (trainingStarted as Extract<LivelihoodPlanEvent, { type: typeof livelihoodEventTypes.skillTrainingStarted }>).data;
    spec
      .given([opened()])
      .when(startTraining({ plannedEndAt: undefined }))
      .then([{ ...trainingStarted, data: withoutEnd } as LivelihoodPlanEvent]);
  });

  it('started before their trade and provider were sealed are read as they were recorded', () => {
    const v1 = fact('skillTrainingStartedV1', trainingStart, { trainingId, trade: 'Sewing machine operator', provider: 'Jan Shikshan Sansthan', skillLevel: 'semi-skilled', startedAt: trainingStart });
    const plan = stateAfter([opened(), v1]);
    expect(plan.status === 'open' && plan.trainings[trainingId]).toMatchObject({ training: { trade: 'Sewing machine operator', provider: 'Jan Shikshan Sansthan' }, status: 'ongoing' });
  });

  it('are each recorded once', () => {
    spec.given([opened(), trainingStarted]).when(startTraining()).thenThrows(DomainError, /already recorded/, refused('conflict'));
  });

  it('are planned to end after they start', () => {
    spec
      .given([opened()])
      .when(startTraining({ plannedEndAt: trainingStart }))
      .thenThrows(DomainError, /plannedEndAt is not after startedAt/, refused('rule-violated', 'plannedEndAt'));
  });

  it('do not start in the future', () => {
    spec
      .given([opened()])
      .when(startTraining({ startedAt: '2026-09-01T12:06:00.000Z', plannedEndAt: undefined }))
      .thenThrows(DomainError, /startedAt is in the future/, refused('rule-violated', 'startedAt'));
  });

  it('end completed and certified, or dropped out', () => {
    spec.given([opened(), trainingStarted]).when(endTraining()).then([trainingEnded('completed', true)]);
    spec
      .given([opened(), trainingStarted])
      .when(endTraining({ outcome: 'dropped-out', certified: false }))
      .then([trainingEnded('dropped-out', false)]);
  });

  it('are certified only when completed', () => {
    spec
      .given([opened(), trainingStarted])
      .when(endTraining({ outcome: 'dropped-out', certified: true }))
      .thenThrows(DomainError, /only a completed training is certified/, refused('rule-violated', 'certified'));
  });

  it('end only once, and only if she started them', () => {
    spec.given([opened(), trainingStarted, trainingEnded()]).when(endTraining()).thenThrows(DomainError, /already ended/, refused('conflict'));
    spec.given([opened()]).when(endTraining()).thenThrows(DomainError, new RegExp(`no training ${trainingId}`), refused('not-found'));
  });

  it('do not end before they start', () => {
    spec
      .given([opened(), trainingStarted])
      .when(endTraining({ endedAt: '2026-01-11T09:00:00.000Z' }))
      .thenThrows(DomainError, /endedAt is before the training started/, refused('rule-violated', 'endedAt'));
  });
});

describe('her placements', () => {
  it('are compared with the minimum wage: a wage at or above it is sustainable', () => {
    spec.given([opened()]).when(startPlacement()).then([placementStarted(12000, true)]);
    spec.given([opened()]).when(startPlacement({ monthlyIncomeInr: 11363 })).then([placementStarted(11363, true)]);
  });

  it('are recorded as not sustainable when they pay below the minimum wage', () => {
    spec.given([opened()]).when(startPlacement({ monthlyIncomeInr: 4000 })).then([placementStarted(4000, false)]);
  });

  it('are not recorded in a state with no minimum wage on file for her skill level', () => {
    spec
      .given([opened()])
      .when(startPlacement({ state: 'Atlantis', minimumWage: undefined }))
      .thenThrows(DomainError, /no minimum wage on file for Atlantis, semi-skilled/, refused('rule-violated', 'state'));
  });

  it('are compared with the minimum wage of their own state and skill level', () => {
    spec
      .given([opened()])
      .when(startPlacement({ skillLevel: 'skilled' }))
      .thenThrows(DomainError, /for West Bengal, semi-skilled, not West Bengal, skilled/, refused('rule-violated', 'minimumWage'));
    spec.given([opened()]).when(startPlacement({ state: 'west  bengal' })).then([
      fact('placementStarted', placementStart, { ...(placementStarted().data as EventData<typeof livelihoodEventTypes.placementStarted>), state: 'west  bengal' }),
    ]);
  });

  it('carry the minimum wage as published, nothing more', () => {
    const withExtra = { ...semiSkilledWestBengal, zone: 'A' } as MinimumWage;
    spec.given([opened()]).when(startPlacement({ minimumWage: withExtra })).then([placementStarted()]);
  });

  it('pay a whole number of rupees', () => {
    spec.given([opened()]).when(startPlacement({ monthlyIncomeInr: 9000.5 })).thenThrows(DomainError, /whole number/, refused('rule-violated', 'monthlyIncomeInr'));
    spec.given([opened()]).when(startPlacement({ monthlyIncomeInr: -1 })).thenThrows(DomainError, /whole number/, refused('rule-violated', 'monthlyIncomeInr'));
  });

  it('may be several at once: she may hold two jobs', () => {
    spec
      .given([opened(), placementStarted()])
      .when(startPlacement({ placementId: secondPlacementId, monthlyIncomeInr: 6000 }))
      .then([placementStarted(6000, false, secondPlacementId)]);
  });

  it('are each recorded once', () => {
    spec.given([opened(), placementStarted()]).when(startPlacement()).thenThrows(DomainError, /already recorded/, refused('conflict'));
  });

  it('do not start in the future', () => {
    spec
      .given([opened()])
      .when(startPlacement({ startedAt: '2026-09-01T12:10:00.000Z' }))
      .thenThrows(DomainError, /startedAt is in the future/, refused('rule-violated', 'startedAt'));
  });
});

describe('her income follow-ups', () => {
  it('compare what a placement pays her now with the minimum wage', () => {
    spec.given([opened(), placementStarted()]).when(followUp()).then([incomeFollowedUp(10500, false)]);
    // A placement recorded before the employer's name was sealed (v1, in clear) is followed up the same.
    const v1 = placementStarted();
    const startedV1 = { ...v1, type: livelihoodEventTypes.placementStartedV1, data: { ...v1.data, employerOrEnterprise: 'Sonar Tailoring Unit' } } as LivelihoodPlanEvent;
    spec.given([opened(), startedV1]).when(followUp()).then([incomeFollowedUp(10500, false)]);
    spec.given([opened(), placementStarted()]).when(followUp({ monthlyIncomeInr: 30000 })).then([incomeFollowedUp(30000, true)]);
  });

  it('are for a placement she has', () => {
    spec.given([opened()]).when(followUp({ placementId: unknownId })).thenThrows(DomainError, new RegExp(`no placement ${unknownId}`), refused('not-found'));
  });

  it('are not made on a placement she lost', () => {
    spec.given([opened(), placementStarted(), placementLost]).when(followUp()).thenThrows(DomainError, /was lost/, refused('rule-violated', 'placementId'));
  });

  it('need a minimum wage on file for the placement', () => {
    spec
      .given([opened(), placementStarted()])
      .when(followUp({ minimumWage: undefined }))
      .thenThrows(DomainError, /no minimum wage on file for West Bengal, semi-skilled/, refused('rule-violated', 'state'));
  });

  it('are not dated before the placement started, nor in the future', () => {
    spec
      .given([opened(), placementStarted()])
      .when(followUp({ at: '2026-05-01T09:00:00.000Z' }))
      .thenThrows(DomainError, /at is before the placement started/, refused('rule-violated', 'at'));
    spec
      .given([opened(), placementStarted()])
      .when(followUp({ at: '2026-09-02T09:00:00.000Z' }))
      .thenThrows(DomainError, /at is in the future/, refused('rule-violated', 'at'));
  });
});

describe('a placement lost', () => {
  it('is recorded with the reason', () => {
    spec.given([opened(), placementStarted()]).when(losePlacement()).then([placementLost]);
  });

  it('is a placement she has, lost once', () => {
    spec.given([opened()]).when(losePlacement()).thenThrows(DomainError, /no placement/, refused('not-found'));
    spec.given([opened(), placementStarted(), placementLost]).when(losePlacement()).thenThrows(DomainError, /already recorded as lost/, refused('conflict'));
  });

  it('is not lost before it started', () => {
    spec
      .given([opened(), placementStarted()])
      .when(losePlacement({ lostAt: '2026-05-01T09:00:00.000Z' }))
      .thenThrows(DomainError, /lostAt is before the placement started/, refused('rule-violated', 'lostAt'));
  });
});

describe('her financial inclusion', () => {
  it('records her bank account and her self-help group', () => {
    spec.given([opened()]).when(inclusion('bank-account')).then([included('bank-account')]);
    spec.given([opened(), included('bank-account')]).when(inclusion('self-help-group')).then([included('self-help-group')]);
  });

  it('records each once: the same again changes nothing', () => {
    spec.given([opened(), included('bank-account')]).when(inclusion('bank-account', '2026-03-01T09:00:00.000Z')).then([]);
  });

  it('is not recorded in the future', () => {
    spec
      .given([opened()])
      .when(inclusion('bank-account', '2026-09-01T12:06:00.000Z'))
      .thenThrows(DomainError, /at is in the future/, refused('rule-violated', 'at'));
  });
});

describe('her scheme linkages', () => {
  it('move from applied to granted or refused', () => {
    spec.given([opened()]).when(scheme('applied')).then([linked('applied')]);
    spec.given([opened(), linked('applied')]).when(scheme('granted', '2026-04-01T09:00:00.000Z')).then([linked('granted', '2026-04-01T09:00:00.000Z')]);
    spec.given([opened(), linked('applied')]).when(scheme('refused', '2026-04-01T09:00:00.000Z')).then([linked('refused', '2026-04-01T09:00:00.000Z')]);
  });

  it('accept a grant or refusal with no application on record: she may have applied before the plan', () => {
    spec.given([opened()]).when(scheme('granted')).then([linked('granted')]);
  });

  it('record an application once', () => {
    spec.given([opened(), linked('applied')]).when(scheme('applied')).thenThrows(DomainError, /already recorded/, refused('conflict'));
  });

  it('do not move again once granted or refused', () => {
    spec.given([opened(), linked('applied'), linked('granted')]).when(scheme('refused')).thenThrows(DomainError, /was already granted/, refused('conflict'));
    spec.given([opened(), linked('refused')]).when(scheme('applied')).thenThrows(DomainError, /was already refused/, refused('conflict'));
  });
});

describe('her plan as read', () => {
  it('keeps her trainings, her placements with their latest income and losses, her inclusion and her schemes', () => {
    const secondStarted = placementStarted(6000, false, secondPlacementId);
    expect(
      stateAfter([opened(), trainingStarted, trainingEnded(), placementStarted(), secondStarted, incomeFollowedUp(), placementLost, included('bank-account'), linked('applied')]),
    ).toEqual({
      status: 'open',
      personId,
      origin: 'care-plan',
      openedAt,
      trainings: {
        [trainingId]: {
          training: sealedTraining,
          skillLevel: 'semi-skilled',
          startedAt: trainingStart,
          plannedEndAt: trainingEnd,
          status: 'completed',
          endedAt: trainingEnd,
          certified: true,
        },
      },
      placements: {
        [placementId]: {
          kind: 'wage-employment',
          sector: 'garments-and-tailoring',
          skillLevel: 'semi-skilled',
          state: 'West Bengal',
          startedAt: placementStart,
          status: 'lost',
          monthlyIncomeInr: 10500,
          incomeAt: followUpAt,
          minimumWage: semiSkilledWestBengal,
          sustainableWage: false,
          lostAt: '2026-08-20T09:00:00.000Z',
          lostReason: 'wages-unpaid',
          employerOrEnterprise: sealedEmployer,
        },
        [secondPlacementId]: expect.objectContaining({ status: 'active', monthlyIncomeInr: 6000, sustainableWage: false }),
      },
      financialInclusions: { 'bank-account': '2026-02-01T09:00:00.000Z' },
      schemes: { 'pm-vishwakarma': { stage: 'applied', at: '2026-03-01T09:00:00.000Z' } },
    });
  });

  it('keeps the latest income when an older follow-up is recorded late', () => {
    const older = fact('incomeFollowedUp', '2026-06-04T09:00:00.000Z', {
      placementId,
      at: '2026-06-04T09:00:00.000Z',
      monthlyIncomeInr: 9000,
      minimumWage: semiSkilledWestBengal,
      sustainableWage: false,
    });
    const plan = stateAfter([opened(), placementStarted(), incomeFollowedUp(30000, true), older]);
    expect(plan.status === 'open' && plan.placements[placementId]).toMatchObject({ monthlyIncomeInr: 30000, incomeAt: followUpAt });
  });

  it('is plain data that survives a round trip through JSON', () => {
    const plan = stateAfter([opened(), trainingStarted, placementStarted(), included('self-help-group'), linked('granted')]);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('every fact her plan records', () => {
  it('matches its published schema', () => {
    const history = [opened(), trainingStarted, placementStarted(), linked('applied')];
    const events = [
      ...decided([], open('referred')),
      ...decided([opened()], startTraining()),
      ...decided([opened()], startTraining({ plannedEndAt: undefined })),
      ...decided([opened(), trainingStarted], endTraining()),
      ...decided([opened()], startPlacement({ minimumWage: { ...semiSkilledWestBengal, zone: 'A' } as MinimumWage })),
      ...decided(history, followUp()),
      ...decided(history, losePlacement()),
      ...decided(history, inclusion('bank-account')),
      ...decided(history, scheme('granted')),
    ];
    expect(events).toHaveLength(9);
    for (const event of events) {
      expect({ type: event.type, problems: payloadProblems(event.type, event.data) }).toEqual({ type: event.type, problems: [] });
    }
  });
});
