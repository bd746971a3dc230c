import { EventData, livelihoodEventTypes, payloadProblems, PREVENTION_FOLLOW_UP_MONTHS } from '@mukti/contracts';
import { deciderSpecification, DomainError, DomainErrorKind, fold } from '@mukti/decider';
import { PreventionPlanCommand, PreventionPlanEvent, preventionDeadlines, preventionPlanDecider } from './prevention-plan.decider';

/** A household of three people at risk: Puja, Raju and Meena. */
const householdId = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const puja = '11111111-1111-4111-8111-111111111111';
const raju = '22222222-2222-4222-8222-222222222222';
const meena = '33333333-3333-4333-8333-333333333333';
const household = [puja, raju, meena];
const stranger = '44444444-4444-4444-8444-444444444444';
const educationSupport = '55555555-5555-4555-8555-555555555555';
const schemeSupport = '66666666-6666-4666-8666-666666666666';

const openedAt = '2026-01-05T09:00:00.000Z';
const supportStart = '2026-01-15T10:00:00.000Z';
const now = '2026-02-01T12:00:00.000Z';
const elevenMonthsOn = '2026-12-15T10:00:00.000Z';
const twelveMonthsOn = '2027-01-15T10:00:00.000Z';

const spec = deciderSpecification(preventionPlanDecider);
const stateAfter = (events: PreventionPlanEvent[]) => fold(preventionPlanDecider, preventionPlanDecider.initialState(), events);
const decided = (events: PreventionPlanEvent[], command: PreventionPlanCommand) => preventionPlanDecider.decide(command, stateAfter(events));
/** A refusal of this kind, naming this field. */
const refused = (kind: DomainErrorKind, field?: string) => (error: Error) => {
  expect((error as DomainError).kind).toBe(kind);
  if (field) expect((error as DomainError).details).toMatchObject({ field });
};

// Commands
type Data<T extends PreventionPlanCommand['type']> = Extract<PreventionPlanCommand, { type: T }>['data'];
const command = <T extends PreventionPlanCommand['type']>(type: T, data: Omit<Data<T>, 'preventionPlanId' | 'now'> & { preventionPlanId?: string; now?: string }) =>
  ({ type, data: { preventionPlanId: householdId, now, ...data } }) as PreventionPlanCommand;
const open = (overrides: Partial<Data<'OpenPreventionPlan'>> = {}) => command('OpenPreventionPlan', { subject: 'household', personIds: household, openedAt, ...overrides });
const support = (overrides: Partial<Data<'RecordPreventionSupport'>> = {}) =>
  command('RecordPreventionSupport', { supportId: educationSupport, kind: 'education-support', status: 'ongoing', startedAt: supportStart, ...overrides });
const entry = (personId: string, enteredAt = '2026-04-10T08:00:00.000Z', source: 'recorded' | 'rescued' = 'recorded', overrides: Partial<Data<'RecordEntryIntoExploitation'>> = {}) =>
  command('RecordEntryIntoExploitation', { personId, enteredAt, source, now: enteredAt, ...overrides });
const flag = (at: string, preventionPlanId = householdId) => command('FlagEntriesPrevented', { preventionPlanId, now: at });

// Events: every fact of the plan carries the plan, its subject and the people it covers
type EventKey = keyof typeof livelihoodEventTypes;
type PlanFact = Exclude<EventKey, 'livelihoodPlanOpened' | 'skillTrainingStarted' | 'skillTrainingEnded' | 'placementStarted' | 'incomeFollowedUp' | 'placementLost' | 'financialInclusionRecorded' | 'schemeLinkageRecorded'>;
const fact = <K extends PlanFact>(key: K, time: string, data: Omit<EventData<(typeof livelihoodEventTypes)[K]>, 'preventionPlanId' | 'subject' | 'personIds'>) =>
  ({ type: livelihoodEventTypes[key], subject: householdId, time, data: { preventionPlanId: householdId, subject: 'household', personIds: household, ...data } }) as PreventionPlanEvent;
const opened = fact('preventionPlanOpened', openedAt, { openedAt });
const supported = (overrides: Partial<EventData<typeof livelihoodEventTypes.preventionSupportRecorded>> = {}, time = supportStart) =>
  fact('preventionSupportRecorded', time, { supportId: educationSupport, kind: 'education-support', status: 'ongoing', startedAt: supportStart, ...overrides });
const entered = (personId: string, enteredAt = '2026-04-10T08:00:00.000Z', source: 'recorded' | 'rescued' = 'recorded', followedSince = supportStart) =>
  fact('entryIntoExploitationRecorded', enteredAt, { personId, enteredAt, source, followedSince });
const prevented = (personId: string, countedAt = twelveMonthsOn) => fact('entryPrevented', countedAt, { personId, followedSince: supportStart, countedAt });

describe('a prevention plan', () => {
  it('opens for a household, covering its people at risk', () => {
    spec.given([]).when(open()).then([opened]);
  });

  it('opens for one person at risk, covering her alone', () => {
    spec
      .given([])
      .when(open({ preventionPlanId: puja, subject: 'person', personIds: [puja] }))
      .then([
        {
          type: livelihoodEventTypes.preventionPlanOpened,
          subject: puja,
          time: openedAt,
          data: { preventionPlanId: puja, subject: 'person', personIds: [puja], openedAt },
        },
      ]);
    spec
      .given([])
      .when(open({ preventionPlanId: puja, subject: 'person', personIds: [puja, raju] }))
      .thenThrows(DomainError, /covers her alone/, refused('rule-violated', 'personIds'));
  });

  it('covers at least one person, each once', () => {
    spec.given([]).when(open({ personIds: [] })).thenThrows(DomainError, /at least one person/, refused('rule-violated', 'personIds'));
    spec.given([]).when(open({ personIds: [puja, raju, puja, meena] })).then([opened]);
  });

  it('covers at most fifty people', () => {
    const many = Array.from({ length: 51 }, (_, index) => `${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`);
    spec.given([]).when(open({ personIds: many })).thenThrows(DomainError, /at most 50/, refused('rule-violated', 'personIds'));
  });

  it('is opened once', () => {
    spec.given([opened]).when(open()).thenThrows(DomainError, /already open/, refused('conflict'));
  });

  it('is not opened in the future, within five minutes of clock skew', () => {
    spec
      .given([])
      .when(open({ openedAt: '2026-02-01T12:06:00.000Z' }))
      .thenThrows(DomainError, /openedAt is in the future/, refused('rule-violated', 'openedAt'));
  });

  it.each([
    ['support', support()],
    ['an entry into exploitation', entry(puja)],
  ])('is needed before %s can be recorded by staff', (_, cmd) => {
    spec.given([]).when(cmd).thenThrows(DomainError, new RegExp(`no prevention plan ${householdId}`), refused('not-found'));
  });
});

describe('support under the plan', () => {
  it('is recorded for the whole household, and the first starts the follow-up of every person it covers', () => {
    spec.given([opened]).when(support()).then([supported()]);
    expect(preventionDeadlines(stateAfter([opened, supported()]))).toEqual(household.map((personId) => ({ personId, dueAt: twelveMonthsOn })));
  });

  it('changes status under the same id, and its end is recorded', () => {
    const end = '2026-06-30T10:00:00.000Z';
    spec
      .given([opened, supported()])
      .when(support({ status: 'completed', endedAt: end, now: '2026-07-01T10:00:00.000Z' }))
      .then([supported({ status: 'completed', endedAt: end }, end)]);
    spec
      .given([opened, supported()])
      .when(support({ status: 'discontinued', now: '2026-07-01T10:00:00.000Z' }))
      .then([supported({ status: 'discontinued' }, '2026-07-01T10:00:00.000Z')]);
  });

  it('changes nothing when the same status is recorded again', () => {
    spec.given([opened, supported()]).when(support()).then([]);
  });

  it('keeps its kind under the same id', () => {
    spec
      .given([opened, supported()])
      .when(support({ kind: 'livelihood-support' }))
      .thenThrows(DomainError, /is education-support, not livelihood-support/, refused('conflict'));
  });

  it('keeps its start when its status changes', () => {
    spec
      .given([opened, supported()])
      .when(support({ status: 'completed', startedAt: '2026-01-20T10:00:00.000Z' }))
      .thenThrows(DomainError, /does not move its start/, refused('rule-violated', 'startedAt'));
  });

  it('names the scheme for a scheme linkage, and only then', () => {
    spec
      .given([opened])
      .when(support({ supportId: schemeSupport, kind: 'scheme-linkage', scheme: 'ration-card-pds' }))
      .then([supported({ supportId: schemeSupport, kind: 'scheme-linkage', scheme: 'ration-card-pds' })]);
    spec
      .given([opened])
      .when(support({ supportId: schemeSupport, kind: 'scheme-linkage' }))
      .thenThrows(DomainError, /names the scheme/, refused('rule-violated', 'scheme'));
    spec.given([opened]).when(support({ scheme: 'mgnrega' })).thenThrows(DomainError, /only for a scheme linkage/, refused('rule-violated', 'scheme'));
  });

  it('ends only when completed or discontinued, after it started', () => {
    spec
      .given([opened])
      .when(support({ endedAt: '2026-01-30T10:00:00.000Z' }))
      .thenThrows(DomainError, /an ongoing support has not ended/, refused('rule-violated', 'endedAt'));
    spec
      .given([opened])
      .when(support({ status: 'completed', endedAt: '2026-01-10T10:00:00.000Z' }))
      .thenThrows(DomainError, /endedAt is not after startedAt/, refused('rule-violated', 'endedAt'));
  });

  it('does not start in the future', () => {
    spec
      .given([opened])
      .when(support({ startedAt: '2026-02-01T12:06:00.000Z' }))
      .thenThrows(DomainError, /startedAt is in the future/, refused('rule-violated', 'startedAt'));
  });

  it('starts the follow-up from the earliest support, even one recorded late', () => {
    const earlierSupport = supported({ supportId: schemeSupport, kind: 'scheme-linkage', scheme: 'mgnrega', startedAt: '2026-01-10T10:00:00.000Z' }, '2026-01-10T10:00:00.000Z');
    expect(preventionDeadlines(stateAfter([opened, supported(), earlierSupport]))[0]).toEqual({ personId: puja, dueAt: '2027-01-10T10:00:00.000Z' });
  });
});

describe('an entry into exploitation', () => {
  it('is counted with her history: followed since the first support', () => {
    spec.given([opened, supported()]).when(entry(raju)).then([entered(raju)]);
  });

  it('is counted from the opening of the plan when no support had started', () => {
    spec.given([opened]).when(entry(raju)).then([entered(raju, '2026-04-10T08:00:00.000Z', 'recorded', openedAt)]);
  });

  it('is for someone the plan covers', () => {
    spec.given([opened, supported()]).when(entry(stranger)).thenThrows(DomainError, /not covered/, refused('rule-violated', 'personId'));
  });

  it('is counted once: a second record of her entry changes nothing', () => {
    spec.given([opened, supported(), entered(raju)]).when(entry(raju, '2026-05-01T08:00:00.000Z')).then([]);
    spec.given([opened, supported(), entered(raju)]).when(entry(raju, '2026-05-01T08:00:00.000Z', 'rescued')).then([]);
  });

  it('is recorded from her rescue by itself, and a rescue the plan cannot place changes nothing', () => {
    spec.given([opened, supported()]).when(entry(raju, '2026-04-10T08:00:00.000Z', 'rescued')).then([entered(raju, '2026-04-10T08:00:00.000Z', 'rescued')]);
    spec.given([]).when(entry(raju, '2026-04-10T08:00:00.000Z', 'rescued')).then([]);
    spec.given([opened, supported()]).when(entry(stranger, '2026-04-10T08:00:00.000Z', 'rescued')).then([]);
  });

  it('is not recorded by staff in the future', () => {
    spec
      .given([opened, supported()])
      .when(entry(raju, '2026-04-10T08:06:00.000Z', 'recorded', { now: '2026-04-10T08:00:00.000Z' }))
      .thenThrows(DomainError, /enteredAt is in the future/, refused('rule-violated', 'enteredAt'));
  });
});

describe('entries prevented', () => {
  it(`are not counted before ${PREVENTION_FOLLOW_UP_MONTHS} months: at 11 months nothing is`, () => {
    spec.given([opened, supported()]).when(flag(elevenMonthsOn)).then([]);
    spec.given([opened, supported()]).when(flag('2027-01-15T09:59:00.000Z')).then([]);
  });

  it('counts a household member followed 12 months with no entry as an entry prevented: all three of a household', () => {
    spec.given([opened, supported()]).when(flag(twelveMonthsOn)).then([prevented(puja), prevented(raju), prevented(meena)]);
  });

  it('does not count one who entered exploitation as an entry prevented', () => {
    spec.given([opened, supported(), entered(raju)]).when(flag(twelveMonthsOn)).then([prevented(puja), prevented(meena)]);
  });

  it('counts each person once, however often the deadline fires', () => {
    spec.given([opened, supported(), prevented(puja), prevented(raju), prevented(meena)]).when(flag('2027-02-01T00:00:00.000Z')).then([]);
    spec.given([opened, supported(), prevented(puja)]).when(flag('2027-02-01T00:00:00.000Z')).then([prevented(raju, '2027-02-01T00:00:00.000Z'), prevented(meena, '2027-02-01T00:00:00.000Z')]);
  });

  it('keeps one counted as prevented who entered later, and records her entry too: both are facts', () => {
    const later = '2027-03-01T08:00:00.000Z';
    spec.given([opened, supported(), prevented(puja), prevented(raju), prevented(meena)]).when(entry(raju, later)).then([entered(raju, later)]);
    spec.given([opened, supported(), prevented(puja), prevented(raju), prevented(meena), entered(raju, later)]).when(flag('2027-04-01T00:00:00.000Z')).then([]);
    const plan = stateAfter([opened, supported(), prevented(raju), entered(raju, later)]);
    expect(plan.status === 'open' && plan.outcomes[raju]).toEqual({ countedAt: twelveMonthsOn, enteredAt: later, entrySource: 'recorded' });
  });

  it('are not counted for a plan with no support yet: no one is followed', () => {
    spec.given([opened]).when(flag('2028-01-01T00:00:00.000Z')).then([]);
  });

  it('are the service’s own deadline: an unknown plan changes nothing and never throws', () => {
    spec.given([]).when(flag(twelveMonthsOn, stranger)).then([]);
  });
});

describe('prevention deadlines', () => {
  it('fall 12 calendar months after her follow-up began', () => {
    expect(preventionDeadlines(stateAfter([opened, supported()]))).toEqual([
      { personId: puja, dueAt: twelveMonthsOn },
      { personId: raju, dueAt: twelveMonthsOn },
      { personId: meena, dueAt: twelveMonthsOn },
    ]);
  });

  it('fall on the last day of the month when the day does not exist, in UTC', () => {
    const leapDay = supported({ startedAt: '2028-02-29T23:30:00.000Z' }, '2028-02-29T23:30:00.000Z');
    expect(preventionDeadlines(stateAfter([opened, leapDay]))[0]).toEqual({ personId: puja, dueAt: '2029-02-28T23:30:00.000Z' });
  });

  it('are none before the first support, and none for a plan not open', () => {
    expect(preventionDeadlines(stateAfter([opened]))).toEqual([]);
    expect(preventionDeadlines(preventionPlanDecider.initialState())).toEqual([]);
  });

  it('leave out whoever entered exploitation or is already counted', () => {
    expect(preventionDeadlines(stateAfter([opened, supported(), entered(raju), prevented(meena)]))).toEqual([{ personId: puja, dueAt: twelveMonthsOn }]);
  });
});

describe('the plan as read', () => {
  it('keeps who it covers, its supports, when the follow-up began and what became of each person, as plain data', () => {
    const plan = stateAfter([opened, supported(), entered(raju), prevented(puja)]);
    expect(plan).toEqual({
      status: 'open',
      subject: 'household',
      personIds: household,
      openedAt,
      supports: { [educationSupport]: { kind: 'education-support', status: 'ongoing', startedAt: supportStart } },
      followedSince: supportStart,
      outcomes: { [raju]: { enteredAt: '2026-04-10T08:00:00.000Z', entrySource: 'recorded' }, [puja]: { countedAt: twelveMonthsOn } },
    });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('every fact the plan records', () => {
  it('matches its published schema', () => {
    const events = [
      ...decided([], open()),
      ...decided([], open({ preventionPlanId: puja, subject: 'person', personIds: [puja] })),
      ...decided([opened], support()),
      ...decided([opened], support({ supportId: schemeSupport, kind: 'scheme-linkage', scheme: 'ration-card-pds' })),
      ...decided([opened, supported()], support({ status: 'completed', endedAt: '2026-01-30T10:00:00.000Z' })),
      ...decided([opened, supported()], entry(raju)),
      ...decided([opened], entry(raju, '2026-04-10T08:00:00.000Z', 'rescued')),
      ...decided([opened, supported()], flag(twelveMonthsOn)),
    ];
    expect(events).toHaveLength(10);
    for (const event of events) {
      expect({ type: event.type, problems: payloadProblems(event.type, event.data) }).toEqual({ type: event.type, problems: [] });
    }
  });
});
