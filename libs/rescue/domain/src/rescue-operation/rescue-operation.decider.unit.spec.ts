import { rescueEventTypes } from '@mukti/contracts';
import { deciderSpecification, DomainError } from '@mukti/decider';
import { itpaAgeClass, jjAgeClass } from './age-classes';
import { overdueSteps } from './post-rescue-steps';
import { RescueOperationEvent, rescueOperationDecider } from './rescue-operation.decider';

const operationId = '0c9e8d7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const minor = '11111111-1111-4111-8111-111111111111';
const accused = '22222222-2222-4222-8222-222222222222';
const adult = '33333333-3333-4333-8333-333333333333';
const now = '2026-11-28T12:00:00.000Z';
const carriedOutAt = '2026-11-28T02:00:00.000Z';
const place = { state: 'Maharashtra', district: 'Mumbai City', kindOfPlace: 'brothel' as const };

const plan = {
  operationId,
  kind: 'raid-on-information' as const,
  place,
  agencies: ['anti-human-trafficking-unit' as const, 'ngo' as const],
  legalBasis: 'itpa-s15' as const,
  leadOfficer: 'Inspector, AHTU Mumbai',
  plannedFor: '2026-11-28T01:00:00.000Z',
};
const planned: RescueOperationEvent = { type: rescueEventTypes.operationPlanned, subject: operationId, time: plan.plannedFor, data: plan };
const rescue = (overrides: Partial<{ women: number; total: number; persons: { personId: string; policeRecordedAs: 'victim' | 'witness' | 'accused'; ageAtRescue?: number }[]; registered: string[] }> = {}) => ({
  type: 'RecordRescue' as const,
  data: {
    operationId,
    carriedOutAt,
    searchWitnesses: { total: overrides.total ?? 2, women: overrides.women ?? 1 },
    persons: overrides.persons ?? [
      { personId: minor, policeRecordedAs: 'victim' as const, ageAtRescue: 16 },
      { personId: accused, policeRecordedAs: 'accused' as const, ageAtRescue: 24 },
    ],
    registeredPersonIds: new Set(overrides.registered ?? [minor, accused, adult]),
    now,
  },
});

const spec = deciderSpecification(rescueOperationDecider);
const decided = (events: RescueOperationEvent[], command: Parameters<typeof rescueOperationDecider.decide>[0]) =>
  rescueOperationDecider.decide(command, events.reduce(rescueOperationDecider.evolve, rescueOperationDecider.initialState()));

describe('a rescue operation', () => {
  it('is planned once', () => {
    spec.given([]).when({ type: 'PlanRescueOperation', data: plan }).then([planned]);
    spec.given([planned]).when({ type: 'PlanRescueOperation', data: plan }).thenThrows(DomainError, /already planned/);
  });

  it('rescues a minor onto the child-protection path: Child Welfare Committee and care arranged within 24 hours', () => {
    const [, rescuedMinor] = decided([planned], rescue());
    expect(rescuedMinor).toMatchObject({
      type: rescueEventTypes.personRescued,
      subject: minor,
      data: { policeRecordedAs: 'victim', decriminalisationAlert: false, itpaAgeClass: 'minor', jjAgeClass: 'child' },
    });
    expect(rescuedMinor.type === rescueEventTypes.personRescued && rescuedMinor.data.stepsDue).toEqual(
      expect.arrayContaining([
        { step: 'production-before-child-welfare-committee', dueAt: '2026-11-29T02:00:00.000Z' },
        { step: 'care-arrangements', dueAt: '2026-11-29T02:00:00.000Z' },
      ]),
    );
  });

  it('raises the decriminalisation alert when the police record a rescued person as accused, and takes an adult to the magistrate', () => {
    const [, , rescuedAccused] = decided([planned], rescue());
    expect(rescuedAccused).toMatchObject({ subject: accused, data: { policeRecordedAs: 'accused', decriminalisationAlert: true, itpaAgeClass: 'adult', jjAgeClass: 'adult' } });
    expect(rescuedAccused.type === rescueEventTypes.personRescued && rescuedAccused.data.stepsDue.map((due) => due.step)).toContain('production-before-magistrate');
  });

  it('accepts an ITPA s.15 search without two witnesses, one a woman, but flags it', () => {
    const [carriedOut] = decided([planned], rescue({ women: 0 }));
    expect(carriedOut).toMatchObject({ type: rescueEventTypes.operationCarriedOut, data: { personsRescued: 2, searchWithoutRequiredWitnesses: true } });
    expect(decided([planned], rescue())[0]).toMatchObject({ data: { searchWithoutRequiredWitnesses: false } });
  });

  it('refuses a person who is not registered in intake, naming her id', () =>
    spec
      .given([planned])
      .when(rescue({ registered: [minor] }))
      .thenThrows(DomainError, /register every person rescued in intake first/, (error) =>
        expect((error as DomainError).details).toEqual({ field: 'persons', unknownPersonIds: [accused] }),
      ));

  it('refuses a rescue of an operation never planned, and a second record of the same rescue', () => {
    spec.given([]).when(rescue()).thenThrows(DomainError, /not planned/);
    spec.given([planned, ...decided([planned], rescue())]).when(rescue()).thenThrows(DomainError, /already recorded/);
  });

  it('records a post-rescue step once, late when after its due time', () => {
    const history = [planned, ...decided([planned], rescue())];
    const step = { type: 'RecordPostRescueStep' as const, data: { operationId, personId: minor, step: 'production-before-child-welfare-committee' as const, doneAt: '2026-11-29T03:00:00.000Z', now: '2026-11-29T04:00:00.000Z' } };
    const [completed] = decided(history, step);
    expect(completed).toMatchObject({ type: rescueEventTypes.postRescueStepCompleted, subject: minor, data: { late: true } });
    expect(decided([...history, completed], step)).toEqual([]);
    spec.given(history).when({ ...step, data: { ...step.data, personId: accused } }).thenThrows(DomainError, /not a step for this person/);
  });
});

describe('the law counts ages two ways', () => {
  it.each([
    [15, 'child', 'child'],
    [16, 'minor', 'child'],
    [17, 'minor', 'child'],
    [18, 'adult', 'adult'],
    [undefined, 'unknown', 'unknown'],
  ] as const)('age %s: ITPA %s, JJ Act and POCSO %s', (age, itpa, jj) => {
    expect(itpaAgeClass(age)).toBe(itpa);
    expect(jjAgeClass(age)).toBe(jj);
  });
});

describe('overdue steps', () => {
  it('are those not done by their due time, by the clock given', () => {
    const due = [
      { step: 'medical-examination' as const, dueAt: '2026-11-29T02:00:00.000Z' },
      { step: 'production-before-child-welfare-committee' as const, dueAt: '2026-11-29T02:00:00.000Z' },
    ];
    expect(overdueSteps(due, new Set(), new Date('2026-11-29T01:59:00Z'))).toEqual([]);
    expect(overdueSteps(due, new Set(['medical-examination']), new Date('2026-11-29T02:01:00Z')).map((entry) => entry.step)).toEqual([
      'production-before-child-welfare-committee',
    ]);
  });
});

describe('after the rescue', () => {
  const history = [planned, ...decided([planned], rescue())];
  const flag = (at: string) => ({ type: 'FlagOverdueSteps' as const, data: { operationId, personId: minor, now: at } });

  it("flags the minor's Child Welfare Committee step overdue once the clock passes 24 hours, and only once", () => {
    expect(decided(history, flag('2026-11-29T01:59:00.000Z'))).toEqual([]);
    const overdue = decided(history, flag('2026-11-29T02:01:00.000Z'));
    expect(overdue.map((event) => event.type === rescueEventTypes.postRescueStepOverdue && event.data.step).sort()).toEqual(
      ['care-arrangements', 'medical-examination', 'production-before-child-welfare-committee', 'shelter-placement-requested'].sort(),
    );
    expect(overdue[0]).toMatchObject({ subject: minor, time: '2026-11-29T02:01:00.000Z', data: { flaggedAt: '2026-11-29T02:01:00.000Z' } });
    expect(decided([...history, ...overdue], flag('2026-11-29T03:00:00.000Z'))).toEqual([]);
  });

  it('does not flag a step that was done in time', () => {
    const done = decided(history, {
      type: 'RecordPostRescueStep',
      data: { operationId, personId: minor, step: 'medical-examination', doneAt: '2026-11-28T10:00:00.000Z', now },
    });
    const overdue = decided([...history, ...done], flag('2026-11-29T02:01:00.000Z'));
    expect(overdue.map((event) => event.type === rescueEventTypes.postRescueStepOverdue && event.data.step)).not.toContain('medical-examination');
  });

  const profile = {
    traffickingStatus: 'actual' as const,
    exploitationTypes: ['sexual-exploitation' as const],
    recruitmentMethod: 'false-job-offer' as const,
    meansOfControl: ['debt-bondage' as const, 'withheld-documents' as const],
    relationshipToTrafficker: 'acquaintance' as const,
    source: { country: 'NP' },
    transit: [{ country: 'IN', state: 'Bihar', district: 'Araria' }],
    destination: { country: 'IN', state: 'Maharashtra', district: 'Mumbai City' },
  };
  const recordProfile = (personId: string) => ({ type: 'RecordTraffickingProfile' as const, data: { operationId, personId, profile, recordedAt: now, now } });

  it("records a rescued person's trafficking profile in HTCDS terms; the same profile again changes nothing", () => {
    const [recorded] = decided(history, recordProfile(minor));
    expect(recorded).toEqual({ type: rescueEventTypes.traffickingProfileRecorded, subject: minor, time: now, data: { personId: minor, operationId, recordedAt: now, ...profile } });
    expect(decided([...history, recorded], recordProfile(minor))).toEqual([]);
    spec.given(history).when(recordProfile(adult)).thenThrows(DomainError, /was not rescued in operation/);
    spec.given([planned]).when(recordProfile(minor)).thenThrows(DomainError, /no one rescued yet/);
  });

  it('closes with counts: persons, children, adults, recorded as accused, steps done, late and open', () => {
    const late = decided(history, {
      type: 'RecordPostRescueStep',
      data: { operationId, personId: accused, step: 'production-before-magistrate', doneAt: '2026-11-29T05:00:00.000Z', now: '2026-11-29T06:00:00.000Z' },
    });
    const close = { type: 'CloseRescueOperation' as const, data: { operationId, closedAt: '2026-11-30T00:00:00.000Z', now: '2026-11-30T00:00:00.000Z' } };
    const [closed] = decided([...history, ...late], close);
    expect(closed).toEqual({
      type: rescueEventTypes.operationClosed,
      subject: operationId,
      time: '2026-11-30T00:00:00.000Z',
      data: {
        operationId,
        closedAt: '2026-11-30T00:00:00.000Z',
        outcome: 'carried-out',
        counts: { personsRescued: 2, children: 1, adults: 1, recordedAsAccused: 1, stepsDone: 1, stepsDoneLate: 1, stepsOpen: 8 },
      },
    });
    spec.given([...history, closed]).when(close).thenThrows(DomainError, /already closed/);
  });

  it('closes an operation called off before any rescue; no rescue is recorded on it afterwards', () => {
    const [calledOff] = decided([planned], { type: 'CloseRescueOperation', data: { operationId, closedAt: now, now } });
    expect(calledOff).toMatchObject({ data: { outcome: 'called-off', counts: { personsRescued: 0, stepsOpen: 0 } } });
    spec.given([planned, calledOff]).when(rescue()).thenThrows(DomainError, /called off/);
  });
});

describe('when the police change how they recorded her', () => {
  const history = [planned, ...decided([planned], rescue())];
  const change = (policeRecordedAs: 'victim' | 'witness' | 'accused') => ({
    type: 'RecordPoliceRecordChange' as const,
    data: { operationId, personId: accused, policeRecordedAs, changedAt: now, now },
  });

  it('recorded as a victim now: the decriminalisation alert closes; recorded again as she was: nothing changes', () => {
    const [changed] = decided(history, change('victim'));
    expect(changed).toEqual({
      type: rescueEventTypes.policeRecordChanged,
      subject: accused,
      time: now,
      data: { personId: accused, operationId, policeRecordedAs: 'victim', decriminalisationAlert: false, changedAt: now },
    });
    expect(decided(history, change('accused'))).toEqual([]);
    expect(decided([...history, changed], change('accused'))[0]).toMatchObject({ data: { decriminalisationAlert: true } });
  });

  it('refuses a change for someone not rescued in the operation', () =>
    spec.given(history).when({ ...change('victim'), data: { ...change('victim').data, personId: adult } }).thenThrows(DomainError, /was not rescued/));
});

describe("an operation's team", () => {
  const plannedByRekha: RescueOperationEvent = { ...planned, data: { ...plan, plannedBy: 'rekha' } } as RescueOperationEvent;
  const join = (staffId: string) => ({ type: 'JoinRescueOperationTeam' as const, data: { operationId, staffId, addedBy: 'rekha', now } });
  const joined = (staffId: string): RescueOperationEvent => ({
    type: rescueEventTypes.operationTeamJoined,
    subject: operationId,
    time: now,
    data: { operationId, staffId, addedBy: 'rekha', joinedAt: now },
  });
  const stateAfter = (events: RescueOperationEvent[]) => events.reduce(rescueOperationDecider.evolve, rescueOperationDecider.initialState());

  it('starts with who planned it, and keeps the plan free of it', () => {
    const state = stateAfter([plannedByRekha]);
    expect(state).toMatchObject({ status: 'planned', team: { rekha: { joinedAt: plan.plannedFor } } });
    expect(state.status === 'planned' && state.plan).not.toHaveProperty('plannedBy');
  });

  it('takes a coordinator once, and keeps its team when the rescue is recorded', () => {
    spec.given([plannedByRekha]).when(join('ravi')).then([joined('ravi')]);
    spec.given([plannedByRekha, joined('ravi')]).when(join('ravi')).then([]);
    spec.given([]).when(join('ravi')).thenThrows(DomainError, /not planned/);
    const [carriedOut, ...rescued] = decided([plannedByRekha, joined('ravi')], rescue());
    expect(stateAfter([plannedByRekha, joined('ravi'), carriedOut!, ...rescued])).toMatchObject({ status: 'carried-out', team: { rekha: {}, ravi: {} } });
  });
});
