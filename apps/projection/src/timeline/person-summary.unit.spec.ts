import { AnyPillarEventEnvelope, EventData, intakeEventTypes, legalEventTypes, livelihoodEventTypes, rehabilitationEventTypes, rescueEventTypes } from '@mukti/contracts';
import { evolvePerson, initialPersonView, summarisePerson } from './person-summary';

const personId = '5b0a1b8e-2f4c-4d6e-8a9b-0c1d2e3f4a5b';
const operationId = '0f8c2a4e-6b1d-4c3e-9a7f-2d5e8b1c4a6f';
let sequence = 0;
/** An event as a pillar publishes it: its summary entry is made the way the projection makes it. */
function happened<T extends AnyPillarEventEnvelope['type']>(type: T, time: string, data: EventData<T>): AnyPillarEventEnvelope {
  sequence += 1;
  return { id: `event-${String(sequence).padStart(3, '0')}`, type, source: '/mukti/test', subject: personId, time, data, correlationId: 'c', actor: { id: 'asha', role: 'caseworker' } } as AnyPillarEventEnvelope;
}
/** Her summary after these events, in the order they arrived. */
const given = (...events: AnyPillarEventEnvelope[]) => summarisePerson(personId, events);

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
/** Admitted, the shelter's name sealed with her key (v2). */
const admitted = (time: string) =>
  happened(rehabilitationEventTypes.shelterAdmitted, time, {
    personId,
    shelter: { name: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'c2hlbHRlcg==', authTag: 'dGFn' }, kind: 'child-care-institution', state: 'Maharashtra', district: 'Pune' },
    admittedAt: time,
  });
const discharged = (time: string) => happened(rehabilitationEventTypes.shelterDischarged, time, { personId, dischargedAt: time, reason: 'repatriated' });
/** As recorded before the name was sealed (v1): the name in clear, never copied into her summary. */
const admittedV1 = (name: string, time: string) =>
  happened(rehabilitationEventTypes.shelterAdmittedV1, time, { personId, shelter: { name, kind: 'child-care-institution', state: 'Maharashtra', district: 'Pune' }, admittedAt: time });
const dischargedV1 = (name: string, time: string) =>
  happened(rehabilitationEventTypes.shelterDischargedV1, time, { personId, shelterName: name, dischargedAt: time, reason: 'repatriated' });
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

const registered = () =>
  happened(intakeEventTypes.personRegistered, '2026-01-01T09:00:00Z', {
    personId,
    role: 'survivor',
    gender: 'female',
    ageBand: '16-17',
    origin: { state: 'Bihar', district: 'Araria' },
  } as never);
const consent = (decision: 'granted' | 'withdrawn', time: string) => happened(intakeEventTypes.consentRecorded, time, { personId, scope: 'research', decision, givenBy: 'self' } as never);
const assessed = () => happened(intakeEventTypes.vulnerabilityAssessed, '2026-01-02T10:00:00Z', { personId, level: 'high', score: 7, factors: [] } as never);

describe('a person summary', () => {
  it('shows the intake pillar as registered, with the latest consent per scope and the latest assessment', () => {
    expect(given(registered(), consent('granted', '2026-01-02T09:00:00Z'), consent('withdrawn', '2026-01-03T09:00:00Z'), assessed()).pillars.intake).toEqual({
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

  it('says so when her registration has not arrived yet', () => {
    const summary = given(consent('granted', '2026-01-02T09:00:00Z'));
    expect(summary.pillars.intake.status).toBe('not-registered-yet');
    expect(summary.pillars.intake.consents).toEqual({ research: 'granted' });
    expect(summary.lastEventAt).toBe('2026-01-02T09:00:00.000Z');
  });

  it('is the same whatever order her pillars\' streams interleave in, and shows her latest event in time', () => {
    // Each pillar's events come on its own topic, in order; the topics interleave in any order.
    const intake = [registered(), consent('granted', '2026-01-02T09:00:00Z')];
    const rescue = [rescued(true), overdue('medical-examination')];
    expect(given(...rescue, ...intake)).toEqual(given(...intake, ...rescue));
    expect(given(...rescue, ...intake).lastEventAt).toBe('2026-03-02T02:00:00.000Z');
  });
});

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

  it('is the same whatever order her rescue and rehabilitation streams interleave in', () => {
    const rescue = [rescued(true), overdue('medical-examination'), completed('medical-examination', '2026-03-03T00:00:00.000Z', true), profile('actual', '2026-03-04T00:00:00.000Z')];
    const rehabilitation = [carePlanOpened(), followUpsScheduled()];
    expect(given(...rehabilitation, ...rescue)).toEqual(given(...rescue, ...rehabilitation));
    expect(given(rescue[0], ...rehabilitation, ...rescue.slice(1))).toEqual(given(...rescue, ...rehabilitation));
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
    expect(given(admitted('2026-03-01T00:00:00.000Z')).pillars.rehabilitation.status).toBe('no-care-plan');
  });

  it('follows her from care plan to shelter, repatriation and reintegration: the latest milestone is her status', () => {
    const journey = [
      carePlanOpened(),
      admittedV1('Snehalaya', '2026-03-02T00:00:00.000Z'),
      repatriation('home-investigation-report', '2026-05-01T00:00:00.000Z'),
      repatriation('escort', '2026-06-01T00:00:00.000Z'),
      repatriation('handover', '2026-06-01T12:00:00.000Z'),
      dischargedV1('Snehalaya', '2026-06-01T13:00:00.000Z'),
      followUpsScheduled(),
      admitted('2027-01-01T00:00:00.000Z'),
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
    expect(given(carePlanOpened(), admitted('2026-03-02T00:00:00.000Z'), discharged('2026-04-01T00:00:00.000Z')).pillars.rehabilitation.status).toBe(
      'care-plan-open',
    );
    expect(JSON.stringify(given(...journey))).not.toContain('Snehalaya');
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
      admitted('2026-03-02T00:00:00.000Z'),
      // Transferred: discharged from the first shelter, then admitted to the next (one at a time).
      discharged('2026-03-10T00:00:00.000Z'),
      admitted('2026-03-10T01:00:00.000Z'),
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
      shelter: { kind: 'child-care-institution', admittedAt: '2026-03-10T01:00:00.000Z' },
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

describe('the legal pillar of her summary', () => {
  const caseId = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
  const otherCaseId = '9c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
  const otherVictimId = '6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  const keeperId = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
  const lodgeOwnerId = '2f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
  const buyerId = '3f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
  /** A case's event: keyed by the case, naming both victims. */
  function ofCase<T extends AnyPillarEventEnvelope['type']>(type: T, time: string, data: Record<string, unknown>, id = caseId): AnyPillarEventEnvelope {
    return { ...happened(type, time, { caseId: id, victimIds: [personId, otherVictimId], ...data } as never), subject: id } as AnyPillarEventEnvelope;
  }
  /** Her summary, or another victim's, with each entry made as the projection makes it on her timeline. */
  const summaryOf = (whom: string, ...events: AnyPillarEventEnvelope[]) => summarisePerson(whom, events);

  const fir = (id = caseId, time = '2026-03-02T10:00:00.000Z') =>
    ofCase(
      legalEventTypes.firRegistered,
      time,
      {
        fir: { district: 'Mumbai', state: 'Maharashtra', numberAndStation: { keyId: id, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'MTIzLzIwMjY=', authTag: 'dGFn' }, registeredAt: time },
        sections: [{ act: 'itpa', section: '5' }],
        accusedIds: [keeperId, lodgeOwnerId, buyerId],
        mainAccusedId: keeperId,
      },
      id,
    );
  const arrested = (perpetratorId: string, time: string) => ofCase(legalEventTypes.accusedArrested, time, { perpetratorId, arrestedAt: time });
  const absconding = (perpetratorId: string, time: string) => ofCase(legalEventTypes.accusedAbsconding, time, { perpetratorId, declaredAt: time });
  const chargeSheet = (time = '2026-04-20T00:00:00.000Z') =>
    ofCase(legalEventTypes.chargeSheetFiled, time, { filedAt: time, sections: [{ act: 'itpa', section: '5' }], accusedIds: [keeperId, lodgeOwnerId, buyerId], daysAfterFir: 48 });
  const hearing = (time: string, stage: string, nextHearingAt?: string) =>
    ofCase(legalEventTypes.hearingRecorded, time, { heldAt: time, court: 'sessions-court', stage, ...(nextHearingAt ? { nextHearingAt } : {}) });
  const support = (witness: string, time: string, inCamera: boolean) =>
    ofCase(legalEventTypes.witnessSupportRecorded, time, {
      personId: witness,
      at: time,
      testimony: 'deposition-in-court',
      inCamera,
      supportPerson: true,
      protectionMeasures: ['screen-in-court'],
      travelSupported: true,
    });
  const verdict = (perpetratorId: string, outcome: 'convicted' | 'acquitted', time: string, court = 'sessions-court') =>
    ofCase(legalEventTypes.verdictRecorded, time, { perpetratorId, outcome, decidedAt: time, court, ...(outcome === 'convicted' ? { sentenceMonths: 84 } : {}) });
  const compensation = (to: string, amountInr: number, time: string) =>
    ofCase(legalEventTypes.compensationOrdered, time, { personId: to, orderedAt: time, amountInr, payableBy: 'state' });
  const closed = (time = '2027-03-01T00:00:00.000Z', id = caseId) => ofCase(legalEventTypes.caseClosed, time, { closedAt: time, reason: 'verdicts-final' }, id);
  const missing = (daysAfterFir: 60 | 90, time: string) =>
    ofCase(legalEventTypes.chargeSheetMissing, time, { daysAfterFir, dueAt: time, flaggedAt: time });
  const aboutHer = <T extends AnyPillarEventEnvelope['type']>(type: T, time: string, data: Record<string, unknown>) =>
    happened(type, time, { personId, caseId, ...data } as never);

  it('says she has no case, with nothing due and no alert, before any FIR names her', () => {
    const summary = given();
    expect(summary.pillars.legal).toEqual({ status: 'no-case', cases: [] });
    expect(summary.openAlerts).toEqual([]);
  });

  it('follows her case from the FIR through charge sheet, trial and verdicts to its closure', () => {
    const journey = [
      fir(),
      arrested(keeperId, '2026-03-03T00:00:00.000Z'),
      arrested(lodgeOwnerId, '2026-03-04T00:00:00.000Z'),
      absconding(buyerId, '2026-03-05T00:00:00.000Z'),
      chargeSheet(),
      hearing('2026-05-10T00:00:00.000Z', 'framing-of-charges', '2026-06-01T05:30:00.000Z'),
      support(personId, '2026-06-01T06:00:00.000Z', true),
      support(otherVictimId, '2026-06-01T07:00:00.000Z', false),
      verdict(keeperId, 'convicted', '2026-11-01T00:00:00.000Z'),
      verdict(lodgeOwnerId, 'acquitted', '2026-11-01T00:00:01.000Z'),
      compensation(personId, 200000, '2026-11-02T00:00:00.000Z'),
      compensation(otherVictimId, 100000, '2026-11-02T00:00:00.000Z'),
      compensation(personId, 50000, '2026-12-02T00:00:00.000Z'),
      closed(),
    ];
    const after = (count: number) => summaryOf(personId, ...journey.slice(0, count)).pillars.legal;
    expect([1, 5, 6, 9, 14].map((count) => [after(count).status, after(count).cases[0].stage])).toEqual([
      ['case-open', 'fir-registered'],
      ['case-open', 'charge-sheet-filed'],
      ['case-open', 'trial'],
      ['verdict', 'verdict'],
      ['closed', 'closed'],
    ]);
    expect(after(13)).toEqual({
      status: 'verdict',
      cases: [
        {
          caseId,
          firRegisteredAt: '2026-03-02T10:00:00.000Z',
          stage: 'verdict',
          accusedCount: 3,
          arrested: 2,
          absconding: 1,
          convictions: 1,
          acquittals: 1,
          witnessSupport: { count: 1, inCamera: 1 },
          compensationOrderedInr: 250000,
          nextHearingAt: '2026-06-01T05:30:00.000Z',
        },
      ],
    });
    // The other victim's summary, from the same events: the case is the same, her support and compensation are hers.
    expect(summaryOf(otherVictimId, ...journey.slice(0, 13)).pillars.legal.cases[0]).toMatchObject({
      stage: 'verdict',
      convictions: 1,
      witnessSupport: { count: 1, inCamera: 0 },
      compensationOrderedInr: 100000,
    });
    expect(JSON.stringify(after(14))).not.toMatch(new RegExp(`${keeperId}|${lodgeOwnerId}|${buyerId}`));
  });

  it('does not take a bail hearing before the charge sheet for the trial', () => {
    expect(summaryOf(personId, fir(), hearing('2026-03-10T00:00:00.000Z', 'bail')).pillars.legal.cases[0].stage).toBe('fir-registered');
    expect(summaryOf(personId, fir(), hearing('2026-03-10T00:00:00.000Z', 'bail'), chargeSheet()).pillars.legal.cases[0].stage).toBe('charge-sheet-filed');
  });

  it('counts the verdict that stands: an appeal court\'s overrules the trial court\'s', () => {
    const overturned = summaryOf(personId, fir(), verdict(keeperId, 'convicted', '2026-11-01T00:00:00.000Z'), verdict(keeperId, 'acquitted', '2027-06-01T00:00:00.000Z', 'high-court'));
    expect(overturned.pillars.legal.cases[0]).toMatchObject({ convictions: 0, acquittals: 1 });
  });

  it('shows the next hearing of each open case as due, until the case closes', () => {
    const heard = [fir(), chargeSheet(), hearing('2026-05-10T00:00:00.000Z', 'prosecution-evidence', '2026-06-01T05:30:00.000Z')];
    expect(summaryOf(personId, ...heard).nextDueSteps).toEqual([{ pillar: 'legal', what: 'next-hearing', dueAt: '2026-06-01T05:30:00.000Z' }]);
    const heardAgain = [...heard, hearing('2026-06-01T05:30:00.000Z', 'prosecution-evidence', '2026-07-15T05:30:00.000Z')];
    expect(summaryOf(personId, ...heardAgain).nextDueSteps).toEqual([{ pillar: 'legal', what: 'next-hearing', dueAt: '2026-07-15T05:30:00.000Z' }]);
    expect(summaryOf(personId, ...heardAgain, hearing('2026-07-15T05:30:00.000Z', 'judgment')).nextDueSteps).toEqual([]);
    expect(summaryOf(personId, ...heardAgain, closed('2026-07-01T00:00:00.000Z')).nextDueSteps).toEqual([]);
  });

  it('keeps its decriminalisation alert, by case, apart from rescue\'s, open until the accusation is dropped', () => {
    const named = aboutHer(legalEventTypes.survivorNamedAsAccused, '2026-03-02T10:00:00.000Z', { namedAt: '2026-03-02T10:00:00.000Z' });
    const summary = summaryOf(personId, rescued(true), named);
    expect(summary.openAlerts).toEqual([
      { kind: 'decriminalisation', pillar: 'rescue', raisedAt: '2026-03-01T02:00:00.000Z', details: { operationId, policeRecordedAs: 'accused' } },
      { kind: 'decriminalisation', pillar: 'legal', raisedAt: '2026-03-02T10:00:00.000Z', details: { caseId } },
    ]);
    // Accused, not a victim: the case is not hers.
    expect(summary.pillars.legal).toEqual({ status: 'no-case', cases: [] });
    const dropped = aboutHer(legalEventTypes.survivorAccusationDropped, '2026-04-01T00:00:00.000Z', { droppedAt: '2026-04-01T00:00:00.000Z' });
    expect(summaryOf(personId, rescued(true), named, dropped).openAlerts).toEqual([expect.objectContaining({ kind: 'decriminalisation', pillar: 'rescue' })]);
  });

  it('raises the debt-bondage alert when a known perpetrator stands surety for her bail, and shows her bail without making the case hers', () => {
    const bail = ofCase(legalEventTypes.bailRecorded, '2026-03-05T00:00:00.000Z', {
      personId,
      stage: 'granted',
      at: '2026-03-05T00:00:00.000Z',
      surety: 'known-perpetrator',
      suretyPerpetratorId: keeperId,
    }, otherCaseId);
    const suspected = aboutHer(legalEventTypes.debtBondageSuspected, '2026-03-05T00:00:00.000Z', { caseId: otherCaseId, suretyPerpetratorId: keeperId, suspectedAt: '2026-03-05T00:00:00.000Z' });
    const summary = summaryOf(personId, bail, suspected);
    expect(summary.openAlerts).toEqual([
      { kind: 'debt-bondage', pillar: 'legal', raisedAt: '2026-03-05T00:00:00.000Z', details: { caseId: otherCaseId, suretyPerpetratorId: keeperId } },
    ]);
    expect(summary.pillars.legal.cases).toEqual([]);
  });

  it('keeps a consent withdrawn on an open case open until the case closes, or she grants it again', () => {
    const withdrawn = aboutHer(legalEventTypes.consentWithdrawnOnOpenCase, '2026-05-02T00:00:00.000Z', { scope: 'share-with-courts', withdrawnAt: '2026-05-02T00:00:00.000Z' });
    expect(summaryOf(personId, fir(), withdrawn).openAlerts).toEqual([
      {
        kind: 'consent-withdrawn-on-open-case',
        pillar: 'legal',
        raisedAt: '2026-05-02T00:00:00.000Z',
        details: { caseId, scope: 'share-with-courts' },
      },
    ]);
    expect(summaryOf(personId, fir(), withdrawn, closed('2026-06-01T00:00:00.000Z')).openAlerts).toEqual([]);
    const grantedAgain = happened(intakeEventTypes.consentRecorded, '2026-05-20T00:00:00.000Z', {
      personId,
      consentId: 'c',
      scope: 'share-with-courts',
      decision: 'granted',
      givenBy: 'self',
      decidedAt: '2026-05-20T00:00:00.000Z',
    });
    expect(summaryOf(personId, fir(), withdrawn, grantedAgain).openAlerts).toEqual([]);
  });

  it('agrees on the withdrawn-consent alert whatever order her consents and the case alert arrive in (a replay interleaves the two topics differently; found by the chaos run)', () => {
    const withdrawn = aboutHer(legalEventTypes.consentWithdrawnOnOpenCase, '2026-05-02T00:00:00.000Z', { scope: 'share-with-courts', withdrawnAt: '2026-05-02T00:00:00.000Z' });
    const grant = (decidedAt: string) =>
      happened(intakeEventTypes.consentRecorded, decidedAt, { personId, consentId: decidedAt, scope: 'share-with-courts', decision: 'granted', givenBy: 'self', decidedAt });
    const grantedBefore = grant('2026-04-01T00:00:00.000Z');
    const grantedAfter = grant('2026-05-20T00:00:00.000Z');
    // The grant made before the withdrawal, read after the alert, does not close it.
    expect(summaryOf(personId, fir(), withdrawn, grantedBefore).openAlerts.map((alert) => alert.kind)).toEqual(['consent-withdrawn-on-open-case']);
    // A grant made after the withdrawal closes it, whether it is read after the alert or before it.
    expect(summaryOf(personId, fir(), withdrawn, grantedAfter).openAlerts).toEqual([]);
    expect(summaryOf(personId, fir(), grantedAfter, withdrawn).openAlerts).toEqual([]);
  });

  it('stores the same view of her alerts whatever order the case\'s events and hers arrive in (two replicas interleave the topics differently; found by the replicas run)', () => {
    const withdrawn = aboutHer(legalEventTypes.consentWithdrawnOnOpenCase, '2026-05-02T00:00:00.000Z', { scope: 'share-with-courts', withdrawnAt: '2026-05-02T00:00:00.000Z' });
    const sixty = missing(60, '2026-05-01T10:00:00.000Z');
    const viewAfter = (...events: AnyPillarEventEnvelope[]) => events.reduce(evolvePerson, initialPersonView(personId));
    expect(viewAfter(fir(), withdrawn, sixty)).toEqual(viewAfter(fir(), sixty, withdrawn));
    // Her grant, on intake's topic, before or after her case's events: a case event kept no grant it had not seen.
    const granted = happened(intakeEventTypes.consentRecorded, '2026-04-01T00:00:00.000Z', { personId, consentId: 'g', scope: 'share-with-police', decision: 'granted', givenBy: 'self', decidedAt: '2026-04-01T00:00:00.000Z' });
    expect(viewAfter(granted, fir(), sixty)).toEqual(viewAfter(fir(), sixty, granted));
  });

  it('keeps one charge-sheet-missing alert per case, from the 60-day flag on, until a charge sheet is filed', () => {
    const sixty = missing(60, '2026-05-01T10:00:00.000Z');
    const ninety = missing(90, '2026-05-31T10:00:00.000Z');
    expect(summaryOf(personId, fir(), sixty, ninety).openAlerts).toEqual([
      {
        kind: 'charge-sheet-missing',
        pillar: 'legal',
        raisedAt: '2026-05-01T10:00:00.000Z',
        details: { caseId, daysAfterFir: '90', dueAt: '2026-05-31T10:00:00.000Z' },
      },
    ]);
    expect(summaryOf(otherVictimId, fir(), sixty).openAlerts).toEqual([expect.objectContaining({ kind: 'charge-sheet-missing' })]);
    expect(summaryOf(personId, fir(), sixty, chargeSheet('2026-05-10T00:00:00.000Z')).openAlerts).toEqual([]);
    // Flagged after the charge sheet was filed (a late flag): nothing is missing.
    expect(summaryOf(personId, fir(), chargeSheet('2026-04-10T00:00:00.000Z'), sixty).openAlerts).toEqual([]);
  });

  it('lists her cases in the order they began, an open one making her status case-open', () => {
    const summary = summaryOf(personId, fir(), verdict(keeperId, 'convicted', '2026-11-01T00:00:00.000Z'), fir(otherCaseId, '2026-12-01T00:00:00.000Z'));
    expect(summary.pillars.legal.status).toBe('case-open');
    expect(summary.pillars.legal.cases.map((herCase) => [herCase.caseId, herCase.stage])).toEqual([
      [caseId, 'verdict'],
      [otherCaseId, 'fir-registered'],
    ]);
  });

  it('is the same whatever order the case\'s stream and her own legal stream interleave in', () => {
    // A case's events are keyed by the case, hers by her: each stream in order, the two in any.
    const events = [
      fir(),
      arrested(keeperId, '2026-03-03T00:00:00.000Z'),
      missing(60, '2026-05-01T10:00:00.000Z'),
      chargeSheet('2026-05-10T00:00:00.000Z'),
      hearing('2026-05-20T00:00:00.000Z', 'prosecution-evidence', '2026-06-01T05:30:00.000Z'),
      support(personId, '2026-06-01T06:00:00.000Z', true),
      verdict(keeperId, 'convicted', '2026-11-01T00:00:00.000Z'),
    ];
    const hers = aboutHer(legalEventTypes.survivorNamedAsAccused, '2026-03-02T10:00:00.000Z', { namedAt: '2026-03-02T10:00:00.000Z' });
    expect(summaryOf(personId, hers, ...events)).toEqual(summaryOf(personId, ...events, hers));
    expect(summaryOf(personId, ...events.slice(0, 3), hers, ...events.slice(3))).toEqual(summaryOf(personId, ...events, hers));
  });
});

describe('the livelihood pillar of her summary', () => {
  const trainingId = '2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182';
  const otherTrainingId = '2b3c4d5e-6f70-4a81-9b2c-3d4e5f607183';
  const placementId = '3c4d5e6f-7081-4b92-8c3d-4e5f60718293';
  const otherPlacementId = '3c4d5e6f-7081-4b92-8c3d-4e5f60718294';
  const minimumWage = { monthlyInr: 11000, state: 'West Bengal', skillLevel: 'semi-skilled' as const, source: 'West Bengal notification, 2025', effectiveFrom: '2025-01-01' };
  const codedWage = { monthlyInr: 11000, state: 'West Bengal', skillLevel: 'semi-skilled', effectiveFrom: '2025-01-01' };
  const planOpened = () => happened(livelihoodEventTypes.livelihoodPlanOpened, '2026-01-10T00:00:00.000Z', { personId, origin: 'care-plan', openedAt: '2026-01-10T00:00:00.000Z' });
  const trainingStarted = (id: string, time: string) =>
    happened(livelihoodEventTypes.skillTrainingStarted, time, {
      personId,
      trainingId: id,
      training: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' },
      skillLevel: 'semi-skilled',
      startedAt: time,
    });
  const trainingEnded = (id: string, time: string, outcome: 'completed' | 'dropped-out', certified: boolean) =>
    happened(livelihoodEventTypes.skillTrainingEnded, time, { personId, trainingId: id, outcome, endedAt: time, certified });
  const placed = (id: string, time: string, monthlyIncomeInr: number) =>
    happened(livelihoodEventTypes.placementStarted, time, {
      personId,
      placementId: id,
      kind: 'wage-employment',
      employerOrEnterprise: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'U29uYXI=', authTag: 'dGFn' },
      sector: 'garments-and-tailoring',
      skillLevel: 'semi-skilled',
      state: 'West Bengal',
      startedAt: time,
      monthlyIncomeInr,
      minimumWage,
      sustainableWage: monthlyIncomeInr >= minimumWage.monthlyInr,
    });
  const followedUp = (id: string, time: string, monthlyIncomeInr: number) =>
    happened(livelihoodEventTypes.incomeFollowedUp, time, { personId, placementId: id, at: time, monthlyIncomeInr, minimumWage, sustainableWage: monthlyIncomeInr >= minimumWage.monthlyInr });
  const lost = (id: string, time: string) => happened(livelihoodEventTypes.placementLost, time, { personId, placementId: id, lostAt: time, reason: 'wages-unpaid' });
  const belowMinimumWage = (raisedAt: string, monthlyIncomeInr: number, id = placementId) => ({
    kind: 'below-minimum-wage',
    pillar: 'livelihood',
    raisedAt,
    details: { placementId: id, monthlyIncomeInr: String(monthlyIncomeInr), minimumWageInr: '11000' },
  });

  it('has no plan, no training, placement or scheme until her plan is opened', () => {
    expect(given().pillars.livelihood).toEqual({
      status: 'no-plan',
      trainings: { inTraining: 0, completed: 0, certified: 0, droppedOut: 0 },
      placements: { current: [], lost: 0 },
      financialInclusion: { bankAccount: false, selfHelpGroup: false },
      schemes: {},
    });
  });

  it('follows her plan: trainings, her current placements with her latest income against the minimum wage, placements lost, her bank account and schemes', () => {
    const summary = given(
      planOpened(),
      trainingStarted(trainingId, '2026-01-15T00:00:00.000Z'),
      trainingEnded(trainingId, '2026-04-15T00:00:00.000Z', 'completed', true),
      trainingStarted(otherTrainingId, '2026-05-01T00:00:00.000Z'),
      placed(otherPlacementId, '2026-04-20T00:00:00.000Z', 7000),
      lost(otherPlacementId, '2026-04-30T00:00:00.000Z'),
      placed(placementId, '2026-05-02T00:00:00.000Z', 9500),
      followedUp(placementId, '2026-08-02T00:00:00.000Z', 12000),
      happened(livelihoodEventTypes.financialInclusionRecorded, '2026-02-01T00:00:00.000Z', { personId, kind: 'bank-account', at: '2026-02-01T00:00:00.000Z' }),
      happened(livelihoodEventTypes.schemeLinkageRecorded, '2026-02-02T00:00:00.000Z', { personId, scheme: 'pm-vishwakarma', stage: 'applied', at: '2026-02-02T00:00:00.000Z' }),
      happened(livelihoodEventTypes.schemeLinkageRecorded, '2026-03-02T00:00:00.000Z', { personId, scheme: 'pm-vishwakarma', stage: 'granted', at: '2026-03-02T00:00:00.000Z' }),
    );
    expect(summary.pillars.livelihood).toEqual({
      status: 'plan-open',
      origin: 'care-plan',
      planOpenedAt: '2026-01-10T00:00:00.000Z',
      trainings: { inTraining: 1, completed: 1, certified: 1, droppedOut: 0 },
      placements: {
        current: [
          {
            placementId,
            kind: 'wage-employment',
            sector: 'garments-and-tailoring',
            skillLevel: 'semi-skilled',
            state: 'West Bengal',
            startedAt: '2026-05-02T00:00:00.000Z',
            monthlyIncomeInr: 12000,
            minimumWage: codedWage,
            sustainableWage: true,
            incomeKnownAt: '2026-08-02T00:00:00.000Z',
          },
        ],
        lost: 1,
        lastLossReason: 'wages-unpaid',
      },
      financialInclusion: { bankAccount: true, selfHelpGroup: false },
      schemes: { 'pm-vishwakarma': 'granted' },
    });
    // Nothing of the employer, trade or provider on her summary: they are in the words of her timeline.
    expect(JSON.stringify(summary)).not.toMatch(/Sonar|Tailoring|Sansthan/);
  });

  it('keeps the below-minimum-wage alert open while her latest income is below it, and closes it when a follow-up finds it at or above', () => {
    const start = placed(placementId, '2026-05-02T00:00:00.000Z', 9500);
    const stillBelow = followedUp(placementId, '2026-06-02T00:00:00.000Z', 10000);
    const above = followedUp(placementId, '2026-07-02T00:00:00.000Z', 12000);
    expect(given(planOpened(), start).openAlerts).toEqual([belowMinimumWage('2026-05-02T00:00:00.000Z', 9500)]);
    // Waiting since it was first found below, with what she earns now.
    expect(given(planOpened(), start, stillBelow).openAlerts).toEqual([belowMinimumWage('2026-05-02T00:00:00.000Z', 10000)]);
    expect(given(planOpened(), start, stillBelow, above).openAlerts).toEqual([]);
    // Found below again later: a new alert.
    const belowAgain = followedUp(placementId, '2026-10-02T00:00:00.000Z', 8000);
    expect(given(planOpened(), start, above, belowAgain).openAlerts).toEqual([belowMinimumWage('2026-10-02T00:00:00.000Z', 8000)]);
    // The same whatever order her rescue's stream interleaves with them.
    expect(given(rescued(false), planOpened(), start, above, belowAgain)).toEqual(given(planOpened(), start, above, rescued(false), belowAgain));
  });

  it('closes the alert when the placement is lost, and ignores a follow-up on a placement she lost', () => {
    const start = placed(placementId, '2026-05-02T00:00:00.000Z', 9500);
    const gone = lost(placementId, '2026-06-01T00:00:00.000Z');
    const summary = given(planOpened(), start, gone, followedUp(placementId, '2026-07-01T00:00:00.000Z', 8000));
    expect(summary.openAlerts).toEqual([]);
    expect(summary.pillars.livelihood.placements).toEqual({ current: [], lost: 1, lastLossReason: 'wages-unpaid' });
  });

  it('keeps one alert per placement below the minimum wage', () => {
    const summary = given(placed(placementId, '2026-05-02T00:00:00.000Z', 9500), placed(otherPlacementId, '2026-05-03T00:00:00.000Z', 6000));
    expect(summary.openAlerts).toEqual([belowMinimumWage('2026-05-02T00:00:00.000Z', 9500), belowMinimumWage('2026-05-03T00:00:00.000Z', 6000, otherPlacementId)]);
    // Placed before her plan arrived: the placement counts, the plan is not open yet.
    expect(summary.pillars.livelihood.status).toBe('no-plan');
  });
});

describe('the prevention pillar of her summary', () => {
  const householdId = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
  const [sister, brother] = ['6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', '7a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'];
  const household = [personId, sister, brother];
  const supportId = '0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f';
  const otherSupportId = '1c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f';
  /** A prevention plan's event: keyed by the household, naming the three people at risk it covers. */
  const ofPlan = <T extends AnyPillarEventEnvelope['type']>(type: T, time: string, data: Record<string, unknown>) =>
    ({ ...happened(type, time, { preventionPlanId: householdId, subject: 'household', personIds: household, ...data } as never), subject: householdId }) as AnyPillarEventEnvelope;
  /** Her summary, or another covered person's, with each entry made as the projection makes it on her timeline. */
  const summaryOf = (whom: string, ...events: AnyPillarEventEnvelope[]) => summarisePerson(whom, events);
  const opened = () => ofPlan(livelihoodEventTypes.preventionPlanOpened, '2026-01-05T00:00:00.000Z', { openedAt: '2026-01-05T00:00:00.000Z' });
  const supported = (id: string, time: string, kind: string, status: string) => ofPlan(livelihoodEventTypes.preventionSupportRecorded, time, { supportId: id, kind, status, startedAt: '2026-01-10T00:00:00.000Z' });
  const prevented = (whom: string) =>
    ofPlan(livelihoodEventTypes.entryPrevented, '2027-01-10T00:05:00.000Z', { personId: whom, followedSince: '2026-01-10T00:00:00.000Z', countedAt: '2027-01-10T00:05:00.000Z' });
  const entered = (whom: string, time: string) =>
    ofPlan(livelihoodEventTypes.entryIntoExploitationRecorded, time, { personId: whom, enteredAt: time, source: 'rescued', followedSince: '2026-01-10T00:00:00.000Z' });

  it('says she is not covered, and not followed, without a plan', () => {
    expect(given().pillars.prevention).toEqual({ status: 'not-covered', outcome: 'not-followed', plans: [] });
  });

  it('shows her household\'s plan on the summary of each of its three people: not followed until its first support', () => {
    for (const whom of household) {
      expect(summaryOf(whom, opened()).pillars.prevention).toEqual({
        status: 'covered',
        outcome: 'not-followed',
        plans: [{ planId: householdId, subject: 'household', openedAt: '2026-01-05T00:00:00.000Z', supports: {}, outcome: 'not-followed' }],
      });
    }
  });

  it('counts the supports at their latest status, by kind, and follows everyone from the first', () => {
    const events = [
      opened(),
      supported(supportId, '2026-01-10T00:00:00.000Z', 'education-support', 'ongoing'),
      supported(otherSupportId, '2026-01-12T00:00:00.000Z', 'livelihood-support', 'ongoing'),
      supported(supportId, '2026-06-10T00:00:00.000Z', 'education-support', 'completed'),
    ];
    for (const whom of household) {
      expect(summaryOf(whom, ...events).pillars.prevention).toEqual({
        status: 'covered',
        outcome: 'followed',
        plans: [
          {
            planId: householdId,
            subject: 'household',
            openedAt: '2026-01-05T00:00:00.000Z',
            supports: { 'education-support': { completed: 1 }, 'livelihood-support': { ongoing: 1 } },
            followedSince: '2026-01-10T00:00:00.000Z',
            outcome: 'followed',
          },
        ],
      });
    }
  });

  it('counts an entry prevented, or an entry into exploitation, as the outcome of the person it names only', () => {
    const events = [opened(), supported(supportId, '2026-01-10T00:00:00.000Z', 'education-support', 'ongoing'), prevented(personId), entered(brother, '2026-09-01T00:00:00.000Z')];
    expect(summaryOf(personId, ...events).pillars.prevention.outcome).toBe('entry-prevented');
    expect(summaryOf(personId, ...events).pillars.prevention.plans[0]).toMatchObject({ outcome: 'entry-prevented', followedSince: '2026-01-10T00:00:00.000Z' });
    expect(summaryOf(sister, ...events).pillars.prevention.outcome).toBe('followed');
    expect(summaryOf(brother, ...events).pillars.prevention.outcome).toBe('entered-exploitation');
    // Every one of them has all four events on her timeline.
    for (const whom of household) expect(summaryOf(whom, ...events).entryCount).toBe(4);
  });

  it('takes the latest of her outcomes: counted as prevented, then entered exploitation, she entered', () => {
    const events = [opened(), supported(supportId, '2026-01-10T00:00:00.000Z', 'education-support', 'ongoing'), prevented(sister), entered(sister, '2027-05-01T00:00:00.000Z')];
    expect(summaryOf(sister, ...events).pillars.prevention.outcome).toBe('entered-exploitation');
    expect(summaryOf(sister, ...[...events].reverse())).toEqual(summaryOf(sister, ...events));
  });

  it('shows a plan of her own as a person at risk apart from her household\'s', () => {
    const own = {
      ...happened(livelihoodEventTypes.preventionPlanOpened, '2026-01-01T00:00:00.000Z', {
        preventionPlanId: personId,
        subject: 'person',
        personIds: [personId],
        openedAt: '2026-01-01T00:00:00.000Z',
      }),
      subject: personId,
    } as AnyPillarEventEnvelope;
    const plans = summaryOf(personId, own, opened()).pillars.prevention.plans;
    expect(plans.map((plan) => [plan.planId, plan.subject])).toEqual([
      [personId, 'person'],
      [householdId, 'household'],
    ]);
  });
});
