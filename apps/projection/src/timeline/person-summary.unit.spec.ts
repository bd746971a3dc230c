import { AnyPillarEventEnvelope, EventData, intakeEventTypes, rehabilitationEventTypes, rescueEventTypes } from '@mukti/contracts';
import { describeEvent } from './describe-event';
import { summarisePerson, SummarisedEntry } from './person-summary';

const entry = (eventId: string, type: string, occurredAt: string, facts: Record<string, unknown>): SummarisedEntry => ({
  eventId,
  type,
  occurredAt: new Date(occurredAt),
  facts,
});

const registered = entry('e1', intakeEventTypes.personRegistered, '2026-01-01T09:00:00Z', {
  role: 'survivor',
  gender: 'female',
  ageBand: '16-17',
  origin: { state: 'Bihar', district: 'Araria' },
});
const granted = entry('e2', intakeEventTypes.consentRecorded, '2026-01-02T09:00:00Z', { scope: 'research', decision: 'granted' });
const withdrawn = entry('e3', intakeEventTypes.consentRecorded, '2026-01-03T09:00:00Z', { scope: 'research', decision: 'withdrawn' });
const assessed = entry('e4', intakeEventTypes.vulnerabilityAssessed, '2026-01-02T10:00:00Z', { level: 'high', score: 7 });

describe('a person summary', () => {
  it('shows the intake pillar as registered, with the latest consent per scope and the latest assessment', () => {
    expect(summarisePerson('p', [registered, granted, withdrawn, assessed]).pillars.intake).toEqual({
      status: 'registered',
      role: 'survivor',
      gender: 'female',
      ageBand: '16-17',
      origin: { state: 'Bihar', district: 'Araria' },
      registeredAt: '2026-01-01T09:00:00.000Z',
      consents: { research: 'withdrawn' },
      vulnerability: { level: 'high', score: 7, assessedAt: '2026-01-02T10:00:00.000Z' },
    });
  });

  it('is the same whatever order the events arrived in', () => {
    const inOrder = summarisePerson('p', [registered, granted, assessed, withdrawn]);
    expect(summarisePerson('p', [withdrawn, assessed, granted, registered])).toEqual(inOrder);
  });

  it('says so when her registration has not arrived yet', () => {
    const summary = summarisePerson('p', [granted]);
    expect(summary.pillars.intake.status).toBe('not-registered-yet');
    expect(summary.pillars.intake.consents).toEqual({ research: 'granted' });
    expect(summary.lastEventAt).toBe('2026-01-02T09:00:00.000Z');
  });
});

const personId = '5b0a1b8e-2f4c-4d6e-8a9b-0c1d2e3f4a5b';
const operationId = '0f8c2a4e-6b1d-4c3e-9a7f-2d5e8b1c4a6f';
let sequence = 0;
/** An event as a pillar publishes it: its summary entry is made the way the projection makes it. */
function happened<T extends AnyPillarEventEnvelope['type']>(type: T, time: string, data: EventData<T>): AnyPillarEventEnvelope {
  sequence += 1;
  return { id: `event-${String(sequence).padStart(3, '0')}`, type, source: '/mukti/test', subject: personId, time, data, correlationId: 'c', actor: { id: 'asha', role: 'caseworker' } } as AnyPillarEventEnvelope;
}
const given = (...events: AnyPillarEventEnvelope[]) =>
  summarisePerson(
    personId,
    events.map((event) => ({ eventId: event.id, type: event.type, occurredAt: new Date(event.time), facts: describeEvent(event).facts })),
  );

const rescued = (decriminalisationAlert: boolean) =>
  happened(rescueEventTypes.personRescued, '2026-03-01T02:00:00.000Z', {
    personId,
    operationId,
    rescuedAt: '2026-03-01T01:30:00.000Z',
    place: { state: 'Maharashtra', district: 'Mumbai', kindOfPlace: 'brothel' },
    policeRecordedAs: decriminalisationAlert ? 'accused' : 'victim',
    decriminalisationAlert,
    itpaAgeClass: 'minor',
    jjAgeClass: 'child',
    stepsDue: [
      { step: 'medical-examination', dueAt: '2026-03-02T01:30:00.000Z' },
      { step: 'production-before-child-welfare-committee', dueAt: '2026-03-02T01:30:00.000Z' },
      { step: 'age-determination', dueAt: '2026-03-16T01:30:00.000Z' },
    ],
  });
const overdue = (step: 'medical-examination' | 'production-before-child-welfare-committee', time = '2026-03-02T02:00:00.000Z') =>
  happened(rescueEventTypes.postRescueStepOverdue, time, { personId, operationId, step, dueAt: '2026-03-02T01:30:00.000Z', flaggedAt: time });
const completed = (step: 'medical-examination' | 'production-before-child-welfare-committee' | 'age-determination', doneAt: string, late: boolean) =>
  happened(rescueEventTypes.postRescueStepCompleted, doneAt, { personId, operationId, step, doneAt, late });
const profile = (traffickingStatus: 'possible' | 'actual', time: string) =>
  happened(rescueEventTypes.traffickingProfileRecorded, time, {
    personId,
    operationId,
    recordedAt: time,
    traffickingStatus,
    exploitationTypes: ['sexual-exploitation'],
    recruitmentMethod: 'false-job-offer',
    meansOfControl: ['debt-bondage'],
    relationshipToTrafficker: 'acquaintance',
    source: { country: 'IN', state: 'West Bengal', district: 'Nadia' },
    transit: [],
    destination: { country: 'IN', state: 'Maharashtra' },
  });
const carePlanOpened = (time = '2026-03-01T03:00:00.000Z') =>
  happened(rehabilitationEventTypes.carePlanOpened, time, { personId, openedAt: time, origin: 'rescued', operationId, child: true, goals: ['safety', 'education'] });
const admitted = (name: string, time: string) =>
  happened(rehabilitationEventTypes.shelterAdmitted, time, { personId, shelter: { name, kind: 'child-care-institution', state: 'Maharashtra', district: 'Pune' }, admittedAt: time });
const discharged = (name: string, time: string) =>
  happened(rehabilitationEventTypes.shelterDischarged, time, { personId, shelterName: name, dischargedAt: time, reason: 'repatriated' });
const repatriation = (step: 'home-investigation-report' | 'escort' | 'handover', time: string) =>
  happened(rehabilitationEventTypes.repatriationStepRecorded, time, {
    personId,
    step,
    at: time,
    home: { state: 'West Bengal', district: 'Nadia' },
    ...(step === 'home-investigation-report' ? { homeInvestigationOutcome: 'favourable' as const } : {}),
    ...(step === 'handover' ? { handedOverTo: 'child-welfare-committee' as const } : {}),
  });
const followUpsScheduled = (time = '2026-06-02T00:00:00.000Z') =>
  happened(rehabilitationEventTypes.followUpsScheduled, time, {
    personId,
    everyMonths: 3,
    forMonths: 9,
    dueDates: ['2026-09-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z'],
  });
const followUpMissed = (dueAt: string, time: string) => happened(rehabilitationEventTypes.followUpMissed, time, { personId, dueAt, flaggedAt: time });
const followUpHeld = (dueAt: string, time: string) =>
  happened(rehabilitationEventTypes.followUpRecorded, time, { personId, dueAt, heldAt: time, status: 'settled', retraffickingRisk: 'low' });

describe('the rescue pillar of her summary', () => {
  it('says she is not rescued, with nothing due and no alert, before any rescue', () => {
    const summary = given();
    expect(summary.pillars.rescue).toEqual({ status: 'not-rescued', steps: [] });
    expect(summary.openAlerts).toEqual([]);
    expect(summary.nextDueSteps).toEqual([]);
  });

  it('shows her rescue, its steps (done, late, overdue), the latest trafficking profile, and the steps still due', () => {
    const summary = given(
      rescued(false),
      overdue('medical-examination'),
      completed('medical-examination', '2026-03-02T05:00:00.000Z', true),
      completed('age-determination', '2026-03-05T00:00:00.000Z', false),
      overdue('production-before-child-welfare-committee'),
      profile('possible', '2026-03-03T00:00:00.000Z'),
      profile('actual', '2026-03-04T00:00:00.000Z'),
    );
    expect(summary.pillars.rescue).toEqual({
      status: 'rescued',
      operationId,
      rescuedAt: '2026-03-01T01:30:00.000Z',
      policeRecordedAs: 'victim',
      itpaAgeClass: 'minor',
      jjAgeClass: 'child',
      traffickingProfile: {
        traffickingStatus: 'actual',
        exploitationTypes: ['sexual-exploitation'],
        recruitmentMethod: 'false-job-offer',
        meansOfControl: ['debt-bondage'],
        relationshipToTrafficker: 'acquaintance',
        source: { country: 'IN', state: 'West Bengal', district: 'Nadia' },
        transit: [],
        destination: { country: 'IN', state: 'Maharashtra' },
        recordedAt: '2026-03-04T00:00:00.000Z',
      },
      steps: [
        { step: 'medical-examination', dueAt: '2026-03-02T01:30:00.000Z', doneAt: '2026-03-02T05:00:00.000Z', late: true, overdue: false },
        { step: 'production-before-child-welfare-committee', dueAt: '2026-03-02T01:30:00.000Z', overdue: true },
        { step: 'age-determination', dueAt: '2026-03-16T01:30:00.000Z', doneAt: '2026-03-05T00:00:00.000Z', late: false, overdue: false },
      ],
    });
    expect(summary.openAlerts).toEqual([
      {
        kind: 'post-rescue-step-overdue',
        pillar: 'rescue',
        raisedAt: '2026-03-02T02:00:00.000Z',
        details: { operationId, step: 'production-before-child-welfare-committee', dueAt: '2026-03-02T01:30:00.000Z' },
      },
    ]);
    expect(summary.nextDueSteps).toEqual([{ pillar: 'rescue', what: 'production-before-child-welfare-committee', dueAt: '2026-03-02T01:30:00.000Z' }]);
  });

  it('keeps a decriminalisation alert open until the police record changes, and an overdue step open until it is done', () => {
    const alertsOf = (...events: AnyPillarEventEnvelope[]) => given(...events).openAlerts.map((alert) => `${alert.kind} ${alert.details['step'] ?? ''}`.trim());
    const rescue = rescued(true);
    const late = overdue('medical-examination');
    expect(given(rescue).openAlerts).toEqual([
      { kind: 'decriminalisation', pillar: 'rescue', raisedAt: '2026-03-01T02:00:00.000Z', details: { operationId, policeRecordedAs: 'accused' } },
    ]);
    expect(alertsOf(rescue, late)).toEqual(['decriminalisation', 'post-rescue-step-overdue medical-examination']);
    const done = completed('medical-examination', '2026-03-03T00:00:00.000Z', true);
    expect(alertsOf(rescue, late, done)).toEqual(['decriminalisation']);
    expect(alertsOf(rescue, late, done, carePlanOpened(), followUpsScheduled())).toEqual(['decriminalisation']);
  });

  it('closes the decriminalisation alert once the police record her as a victim, and raises it again if they go back', () => {
    const changed = (policeRecordedAs: 'victim' | 'accused', time: string) =>
      happened(rescueEventTypes.policeRecordChanged, time, { personId, operationId, policeRecordedAs, decriminalisationAlert: policeRecordedAs === 'accused', changedAt: time });
    const corrected = given(rescued(true), changed('victim', '2026-03-05T00:00:00.000Z'));
    expect(corrected.openAlerts).toEqual([]);
    expect(corrected.pillars.rescue.policeRecordedAs).toBe('victim');
    expect(given(rescued(true), changed('victim', '2026-03-05T00:00:00.000Z'), changed('accused', '2026-03-06T00:00:00.000Z')).openAlerts).toEqual([
      expect.objectContaining({ kind: 'decriminalisation', raisedAt: '2026-03-06T00:00:00.000Z' }),
    ]);
  });

  it('is the same whatever order the events arrived in', () => {
    const events = [rescued(true), overdue('medical-examination'), completed('medical-examination', '2026-03-03T00:00:00.000Z', true), profile('actual', '2026-03-04T00:00:00.000Z')];
    expect(given(...[...events].reverse())).toEqual(given(...events));
  });
});

describe('the rehabilitation pillar of her summary', () => {
  it('has no care plan until one is opened, whatever else arrived first', () => {
    expect(given().pillars.rehabilitation).toEqual({
      status: 'no-care-plan',
      goals: {},
      counsellingSessions: 0,
      healthServices: 0,
      education: [],
      documents: {},
      voterRegistered: false,
      followUps: { scheduled: 0, held: 0, missed: 0 },
    });
    expect(given(admitted('Snehalaya', '2026-03-01T00:00:00.000Z')).pillars.rehabilitation.status).toBe('no-care-plan');
  });

  it('follows her from care plan to shelter, repatriation and reintegration: the latest milestone is her status', () => {
    const journey = [
      carePlanOpened(),
      admitted('Snehalaya', '2026-03-02T00:00:00.000Z'),
      repatriation('home-investigation-report', '2026-05-01T00:00:00.000Z'),
      repatriation('escort', '2026-06-01T00:00:00.000Z'),
      repatriation('handover', '2026-06-01T12:00:00.000Z'),
      discharged('Snehalaya', '2026-06-01T13:00:00.000Z'),
      followUpsScheduled(),
      admitted('Snehalaya', '2027-01-01T00:00:00.000Z'),
    ];
    const statusAfter = (count: number) => given(...journey.slice(0, count)).pillars.rehabilitation.status;
    expect([1, 2, 3, 5, 6, 7, 8].map(statusAfter)).toEqual([
      'care-plan-open',
      'in-shelter',
      'in-shelter',
      'repatriated',
      'repatriated',
      'reintegrating',
      // She came back: where she is now is what matters.
      'in-shelter',
    ]);
    expect(given(carePlanOpened(), admitted('Snehalaya', '2026-03-02T00:00:00.000Z'), discharged('Snehalaya', '2026-04-01T00:00:00.000Z')).pillars.rehabilitation.status).toBe(
      'care-plan-open',
    );
    expect(given(...journey.slice(0, 7)).pillars.rehabilitation.repatriation).toEqual({
      homeInvestigation: 'favourable',
      escorted: true,
      handedOverTo: 'child-welfare-committee',
    });
  });

  it('counts what was done under her plan, and keeps the latest status of each goal, document and compensation', () => {
    const summary = given(
      carePlanOpened(),
      happened(rehabilitationEventTypes.goalSet, '2026-04-01T00:00:00.000Z', { personId, domain: 'safety', status: 'achieved', setAt: '2026-04-01T00:00:00.000Z' }),
      happened(rehabilitationEventTypes.goalSet, '2026-04-01T00:00:00.000Z', { personId, domain: 'livelihood', status: 'open', setAt: '2026-04-01T00:00:00.000Z' }),
      admitted('Transit Home', '2026-03-02T00:00:00.000Z'),
      // Transferred: admitted to the next shelter before the discharge from the first is recorded.
      admitted('Snehalaya', '2026-03-10T00:00:00.000Z'),
      discharged('Transit Home', '2026-03-10T01:00:00.000Z'),
      happened(rehabilitationEventTypes.counsellingSessionRecorded, '2026-03-05T00:00:00.000Z', {
        personId,
        sessionId: '9d3e7b21-4c5a-4f6b-8e9d-1a2b3c4d5e6f',
        heldAt: '2026-03-05T00:00:00.000Z',
        kind: 'individual',
        notes: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'c2VjcmV0', authTag: 'dGFn' },
      }),
      happened(rehabilitationEventTypes.counsellingSessionRecorded, '2026-03-12T00:00:00.000Z', {
        personId,
        sessionId: '1d3e7b21-4c5a-4f6b-8e9d-1a2b3c4d5e6f',
        heldAt: '2026-03-12T00:00:00.000Z',
        kind: 'group',
        notes: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'c2VjcmV0', authTag: 'dGFn' },
      }),
      happened(rehabilitationEventTypes.healthServiceRecorded, '2026-03-03T00:00:00.000Z', { personId, service: 'medical-examination', providedAt: '2026-03-03T00:00:00.000Z', provider: 'government' }),
      happened(rehabilitationEventTypes.educationEnrolled, '2026-04-01T00:00:00.000Z', { personId, programme: 'bridge-course', enrolledAt: '2026-04-01T00:00:00.000Z' }),
      happened(rehabilitationEventTypes.educationEnrolled, '2026-05-01T00:00:00.000Z', { personId, programme: 'school', enrolledAt: '2026-05-01T00:00:00.000Z' }),
      happened(rehabilitationEventTypes.identityDocumentRecorded, '2026-04-01T00:00:00.000Z', { personId, document: 'aadhaar', status: 'applied', recordedAt: '2026-04-01T00:00:00.000Z' }),
      happened(rehabilitationEventTypes.identityDocumentRecorded, '2026-05-01T00:00:00.000Z', { personId, document: 'aadhaar', status: 'obtained', recordedAt: '2026-05-01T00:00:00.000Z' }),
      happened(rehabilitationEventTypes.voterRegistered, '2026-05-02T00:00:00.000Z', { personId, registeredAt: '2026-05-02T00:00:00.000Z' }),
      happened(rehabilitationEventTypes.compensationRecorded, '2026-05-03T00:00:00.000Z', { personId, stage: 'awarded', scheme: 'state-victim-compensation-scheme', at: '2026-05-03T00:00:00.000Z', amountInr: 300000 }),
      happened(rehabilitationEventTypes.compensationRecorded, '2026-05-04T00:00:00.000Z', { personId, stage: 'paid', scheme: 'state-victim-compensation-scheme', at: '2026-05-04T00:00:00.000Z' }),
    );
    expect(summary.pillars.rehabilitation).toEqual({
      status: 'in-shelter',
      carePlanOpenedAt: '2026-03-01T03:00:00.000Z',
      origin: 'rescued',
      goals: { safety: 'achieved', education: 'open', livelihood: 'open' },
      shelter: { name: 'Snehalaya', kind: 'child-care-institution', admittedAt: '2026-03-10T00:00:00.000Z' },
      counsellingSessions: 2,
      healthServices: 1,
      education: ['bridge-course', 'school'],
      documents: { aadhaar: 'obtained' },
      voterRegistered: true,
      followUps: { scheduled: 0, held: 0, missed: 0 },
      compensation: { stage: 'paid', amountInr: 300000 },
    });
    expect(JSON.stringify(summary)).not.toContain('c2VjcmV0');
  });

  it('keeps a missed follow-up open until a follow-up answers it, and shows the next one due', () => {
    const scheduled = followUpsScheduled();
    const missed = followUpMissed('2026-09-01T00:00:00.000Z', '2026-09-15T00:00:00.000Z');
    const missedSummary = given(carePlanOpened(), scheduled, missed);
    expect(missedSummary.openAlerts).toEqual([
      { kind: 'follow-up-missed', pillar: 'rehabilitation', raisedAt: '2026-09-15T00:00:00.000Z', details: { dueAt: '2026-09-01T00:00:00.000Z' } },
    ]);
    expect(missedSummary.pillars.rehabilitation.followUps).toEqual({ scheduled: 3, held: 0, missed: 1 });
    // The missed one is still the one to hold next.
    expect(missedSummary.nextDueSteps).toEqual([{ pillar: 'rehabilitation', what: 'reintegration-follow-up', dueAt: '2026-09-01T00:00:00.000Z' }]);

    const heldSummary = given(carePlanOpened(), scheduled, missed, followUpHeld('2026-09-01T00:00:00+00:00', '2026-09-20T00:00:00.000Z'));
    expect(heldSummary.openAlerts).toEqual([]);
    expect(heldSummary.pillars.rehabilitation.followUps).toEqual({ scheduled: 3, held: 1, missed: 0, lastStatus: 'settled', lastRisk: 'low' });
    expect(heldSummary.nextDueSteps).toEqual([{ pillar: 'rehabilitation', what: 'reintegration-follow-up', dueAt: '2026-12-01T00:00:00.000Z' }]);
  });
});

describe('what falls due next', () => {
  it('lists post-rescue steps not done and her next follow-up, soonest first, five at most', () => {
    const secondRescue = happened(rescueEventTypes.personRescued, '2026-03-01T02:00:00.000Z', {
      personId,
      operationId,
      rescuedAt: '2026-03-01T01:30:00.000Z',
      place: { state: 'Maharashtra', district: 'Mumbai', kindOfPlace: 'brothel' },
      policeRecordedAs: 'victim',
      decriminalisationAlert: false,
      itpaAgeClass: 'adult',
      jjAgeClass: 'unknown',
      stepsDue: [
        { step: 'shelter-placement-requested', dueAt: '2026-03-08T00:00:00.000Z' },
        { step: 'care-arrangements', dueAt: '2026-03-07T00:00:00.000Z' },
        { step: 'production-before-magistrate', dueAt: '2026-03-02T00:00:00.000Z' },
        { step: 'production-before-child-welfare-committee', dueAt: '2026-03-02T00:00:00.000Z' },
        { step: 'age-determination', dueAt: '2026-03-05T00:00:00.000Z' },
        { step: 'medical-examination', dueAt: '2026-03-01T20:00:00.000Z' },
      ],
    });
    const summary = given(secondRescue, completed('medical-examination', '2026-03-01T10:00:00.000Z', false), carePlanOpened(), followUpsScheduled('2026-03-01T04:00:00.000Z'));
    expect(summary.nextDueSteps).toEqual([
      { pillar: 'rescue', what: 'production-before-child-welfare-committee', dueAt: '2026-03-02T00:00:00.000Z' },
      { pillar: 'rescue', what: 'production-before-magistrate', dueAt: '2026-03-02T00:00:00.000Z' },
      { pillar: 'rescue', what: 'age-determination', dueAt: '2026-03-05T00:00:00.000Z' },
      { pillar: 'rescue', what: 'care-arrangements', dueAt: '2026-03-07T00:00:00.000Z' },
      { pillar: 'rescue', what: 'shelter-placement-requested', dueAt: '2026-03-08T00:00:00.000Z' },
    ]);
    // The follow-up due in September is sixth: beyond the five.
    expect(given(secondRescue, carePlanOpened(), followUpsScheduled()).nextDueSteps).toHaveLength(5);
  });
});
