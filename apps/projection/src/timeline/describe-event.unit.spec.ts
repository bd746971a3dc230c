import { AnyPillarEventEnvelope, intakeEventTypes, rehabilitationEventTypes, rescueEventTypes } from '@mukti/contracts';
import { describeEvent } from './describe-event';

const envelope = (type: string, data: unknown) =>
  ({ id: 'e', type, source: '/mukti/intake', subject: 'p', time: '2026-01-01T00:00:00Z', data, correlationId: 'c', actor: { id: 'a', role: 'caseworker' } }) as AnyPillarEventEnvelope;

describe('timeline entries', () => {
  it('describe a registration without any personal data', () => {
    const described = describeEvent(
      envelope(intakeEventTypes.personRegistered, {
        personId: 'p',
        role: 'at-risk',
        personalData: { keyId: 'p', algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-ciphertext', authTag: 't' },
        gender: 'female',
        ageBand: '12-15',
        languages: ['hi'],
        referralSource: 'hotline',
        registeredAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(described).toEqual({
      pillar: 'intake',
      summary: 'Registered as a person at risk (female, age 12-15); referred by hotline',
      facts: { role: 'at-risk', gender: 'female', ageBand: '12-15', origin: undefined, referralSource: 'hotline', languages: ['hi'] },
    });
    expect(JSON.stringify(described)).not.toContain('secret');
  });

  it('describe consent in the words staff use, naming who gave it', () => {
    const described = describeEvent(
      envelope(intakeEventTypes.consentRecorded, {
        personId: 'p',
        consentId: 'c',
        scope: 'share-with-organisations',
        decision: 'withdrawn',
        givenBy: 'guardian',
        decidedAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(described.summary).toBe('Consent to share with organisations withdrawn (given by her guardian)');
  });

  it('describe an assessment with its level, score and factors', () => {
    const described = describeEvent(
      envelope(intakeEventTypes.vulnerabilityAssessed, {
        personId: 'p',
        assessmentId: 'a',
        factors: ['no-identity-documents'],
        score: 1,
        level: 'low',
        assessedAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(described.summary).toBe('Vulnerability assessed: low (score 1; no identity documents)');
  });
});

const personId = '5b0a1b8e-2f4c-4d6e-8a9b-0c1d2e3f4a5b';
const operationId = '0f8c2a4e-6b1d-4c3e-9a7f-2d5e8b1c4a6f';

describe('timeline entries of the rescue pillar', () => {
  it('carry what her summary needs from a rescue: the operation, when, the alert and the steps due', () => {
    const described = describeEvent(
      envelope(rescueEventTypes.personRescued, {
        personId,
        operationId,
        rescuedAt: '2026-03-01T02:00:00.000Z',
        place: { state: 'Maharashtra', district: 'Mumbai', kindOfPlace: 'brothel' },
        policeRecordedAs: 'accused',
        decriminalisationAlert: true,
        ageAtRescue: 16,
        itpaAgeClass: 'minor',
        jjAgeClass: 'child',
        stepsDue: [{ step: 'medical-examination', dueAt: '2026-03-02T02:00:00.000Z' }],
      }),
    );
    expect(described.pillar).toBe('rescue');
    expect(described.summary).toContain('ALERT: the police recorded her as accused');
    expect(described.facts).toEqual({
      operationId,
      rescuedAt: '2026-03-01T02:00:00.000Z',
      kindOfPlace: 'brothel',
      policeRecordedAs: 'accused',
      decriminalisationAlert: true,
      itpaAgeClass: 'minor',
      jjAgeClass: 'child',
      stepsDue: [{ step: 'medical-examination', dueAt: '2026-03-02T02:00:00.000Z' }],
    });
  });

  it('describe a step done, with when', () => {
    const described = describeEvent(
      envelope(rescueEventTypes.postRescueStepCompleted, { personId, operationId, step: 'age-determination', doneAt: '2026-03-03T10:00:00.000Z', late: true }),
    );
    expect(described.summary).toBe('age determination done (after its due time)');
    expect(described.facts).toEqual({ operationId, step: 'age-determination', doneAt: '2026-03-03T10:00:00.000Z', late: true });
  });

  it('describe an overdue step with the step and when it was due', () => {
    const described = describeEvent(
      envelope(rescueEventTypes.postRescueStepOverdue, {
        personId,
        operationId,
        step: 'production-before-child-welfare-committee',
        dueAt: '2026-03-02T02:00:00.000Z',
        flaggedAt: '2026-03-02T02:05:00.000Z',
      }),
    );
    expect(described).toEqual({
      pillar: 'rescue',
      summary: 'OVERDUE: production before child welfare committee was due by 2026-03-02 02:00 UTC and is not recorded as done',
      facts: { operationId, step: 'production-before-child-welfare-committee', dueAt: '2026-03-02T02:00:00.000Z' },
    });
  });

  it('describe a trafficking profile with all its codes and the route, places as country, state and district', () => {
    const described = describeEvent(
      envelope(rescueEventTypes.traffickingProfileRecorded, {
        personId,
        operationId,
        recordedAt: '2026-03-04T10:00:00.000Z',
        traffickingStatus: 'actual',
        exploitationTypes: ['sexual-exploitation', 'domestic-servitude'],
        recruitmentMethod: 'false-job-offer',
        meansOfControl: ['debt-bondage', 'withheld-documents'],
        relationshipToTrafficker: 'acquaintance',
        source: { country: 'NP', district: 'Sindhupalchok' },
        transit: [{ country: 'IN', state: 'Bihar', district: 'Araria' }],
        destination: { country: 'IN', state: 'Maharashtra', district: 'Mumbai' },
      }),
    );
    expect(described.summary).toBe(
      'Trafficking profile recorded (actual victim): sexual exploitation, domestic servitude; recruited by false job offer; ' +
        'controlled by debt bondage, withheld documents; trafficker: acquaintance; from Sindhupalchok, NP through Araria, Bihar, IN to Mumbai, Maharashtra, IN',
    );
    expect(described.facts).toEqual({
      operationId,
      traffickingStatus: 'actual',
      exploitationTypes: ['sexual-exploitation', 'domestic-servitude'],
      recruitmentMethod: 'false-job-offer',
      meansOfControl: ['debt-bondage', 'withheld-documents'],
      relationshipToTrafficker: 'acquaintance',
      source: { country: 'NP', district: 'Sindhupalchok' },
      transit: [{ country: 'IN', state: 'Bihar', district: 'Araria' }],
      destination: { country: 'IN', state: 'Maharashtra', district: 'Mumbai' },
    });
  });

  it('describe an operation closed with its counts (the operation has no timeline, but it is described like the rest)', () => {
    const described = describeEvent(
      envelope(rescueEventTypes.operationClosed, {
        operationId,
        closedAt: '2026-03-10T10:00:00.000Z',
        outcome: 'carried-out',
        counts: { personsRescued: 3, children: 1, adults: 2, recordedAsAccused: 1, stepsDone: 10, stepsDoneLate: 2, stepsOpen: 1 },
      }),
    );
    expect(described.summary).toBe(
      'Rescue operation closed (carried out): 3 rescued (1 on the child-protection path, 2 adults), 1 recorded as accused; post-rescue steps 10 done (2 late), 1 open',
    );
    expect(described.facts).toEqual({ outcome: 'carried-out', personsRescued: 3, children: 1, adults: 2, recordedAsAccused: 1, stepsDone: 10, stepsDoneLate: 2, stepsOpen: 1 });
  });
});

describe('timeline entries of the rehabilitation pillar', () => {
  const sealedNotes = { keyId: personId, algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-ciphertext-of-the-notes', authTag: 'secret-tag' };

  it('never carry counselling notes, sealed or not: a session is its id and kind', () => {
    const sessionId = '9d3e7b21-4c5a-4f6b-8e9d-1a2b3c4d5e6f';
    const described = describeEvent(
      envelope(rehabilitationEventTypes.counsellingSessionRecorded, { personId, sessionId, heldAt: '2026-03-05T10:00:00.000Z', kind: 'individual', notes: sealedNotes }),
    );
    expect(described).toEqual({ pillar: 'rehabilitation', summary: 'Individual counselling session held', facts: { sessionId, kind: 'individual' } });
    const stored = JSON.stringify(described);
    for (const secret of ['secret', 'notes', 'ciphertext', 'AES-256-GCM', 'authTag', '"iv"']) expect(stored).not.toContain(secret);
  });

  it.each([
    [
      rehabilitationEventTypes.carePlanOpened,
      { personId, openedAt: '2026-03-01T03:00:00.000Z', origin: 'rescued', operationId, child: true, goals: ['safety', 'mental-health'] },
      'Care plan opened after her rescue, on the child-protection path; goals: safety, mental health',
      { origin: 'rescued', operationId, child: true, goals: ['safety', 'mental-health'] },
    ],
    [
      rehabilitationEventTypes.goalSet,
      { personId, domain: 'education', status: 'achieved', setAt: '2026-04-01T00:00:00.000Z' },
      'Care plan goal education: achieved',
      { domain: 'education', status: 'achieved' },
    ],
    [
      rehabilitationEventTypes.shelterAdmitted,
      { personId, shelter: { name: 'Asha Sadan', kind: 'ujjawala', state: 'Maharashtra', district: 'Pune' }, admittedAt: '2026-03-02T00:00:00.000Z' },
      'Admitted to Asha Sadan (ujjawala shelter) in Pune, Maharashtra',
      { shelterName: 'Asha Sadan', shelterKind: 'ujjawala', shelterState: 'Maharashtra', shelterDistrict: 'Pune', admittedAt: '2026-03-02T00:00:00.000Z' },
    ],
    [
      rehabilitationEventTypes.shelterDischarged,
      { personId, shelterName: 'Asha Sadan', dischargedAt: '2026-06-01T00:00:00.000Z', reason: 'repatriated' },
      'Discharged from Asha Sadan (repatriated)',
      { shelterName: 'Asha Sadan', reason: 'repatriated', dischargedAt: '2026-06-01T00:00:00.000Z' },
    ],
    [
      rehabilitationEventTypes.healthServiceRecorded,
      { personId, service: 'mental-health-care', providedAt: '2026-03-03T00:00:00.000Z', provider: 'ngo' },
      'Health care: mental health care (NGO provider)',
      { service: 'mental-health-care', provider: 'ngo' },
    ],
    [
      rehabilitationEventTypes.educationEnrolled,
      { personId, programme: 'bridge-course', enrolledAt: '2026-04-01T00:00:00.000Z' },
      'Enrolled in education: bridge course',
      { programme: 'bridge-course' },
    ],
    [
      rehabilitationEventTypes.identityDocumentRecorded,
      { personId, document: 'aadhaar', status: 'obtained', recordedAt: '2026-04-01T00:00:00.000Z' },
      'Aadhaar card: obtained',
      { document: 'aadhaar', status: 'obtained' },
    ],
    [rehabilitationEventTypes.voterRegistered, { personId, registeredAt: '2026-05-01T00:00:00.000Z' }, 'Registered as a voter, on the electoral roll', {}],
    [
      rehabilitationEventTypes.repatriationStepRecorded,
      { personId, step: 'home-investigation-report', at: '2026-05-01T00:00:00.000Z', home: { state: 'West Bengal', district: 'Nadia' }, homeInvestigationOutcome: 'favourable' },
      'Repatriation to Nadia, West Bengal: home investigation report favourable',
      { step: 'home-investigation-report', home: { state: 'West Bengal', district: 'Nadia' }, homeInvestigationOutcome: 'favourable' },
    ],
    [
      rehabilitationEventTypes.repatriationStepRecorded,
      { personId, step: 'handover', at: '2026-06-01T00:00:00.000Z', home: { state: 'West Bengal', district: 'Nadia' }, handedOverTo: 'child-welfare-committee' },
      'Repatriation to Nadia, West Bengal: handed over to the Child Welfare Committee of her home district',
      { step: 'handover', home: { state: 'West Bengal', district: 'Nadia' }, handedOverTo: 'child-welfare-committee' },
    ],
    [
      rehabilitationEventTypes.followUpsScheduled,
      { personId, everyMonths: 3, forMonths: 6, dueDates: ['2026-12-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z'] },
      'Reintegration follow-ups scheduled every 3 months for 6 months (2 in all, the first due 2026-09-01)',
      { everyMonths: 3, forMonths: 6, dueDates: ['2026-12-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z'] },
    ],
    [
      rehabilitationEventTypes.followUpRecorded,
      { personId, dueAt: '2026-09-01T00:00:00.000Z', heldAt: '2026-09-03T00:00:00.000Z', status: 'struggling', retraffickingRisk: 'medium' },
      'Reintegration follow-up (due 2026-09-01) held: struggling; risk of re-trafficking medium',
      { dueAt: '2026-09-01T00:00:00.000Z', heldAt: '2026-09-03T00:00:00.000Z', status: 'struggling', retraffickingRisk: 'medium' },
    ],
    [
      rehabilitationEventTypes.followUpMissed,
      { personId, dueAt: '2026-09-01T00:00:00.000Z', flaggedAt: '2026-09-15T00:00:00.000Z' },
      'MISSED: the reintegration follow-up due 2026-09-01 was not held',
      { dueAt: '2026-09-01T00:00:00.000Z' },
    ],
    [
      rehabilitationEventTypes.compensationRecorded,
      { personId, stage: 'awarded', scheme: 'state-victim-compensation-scheme', at: '2026-07-01T00:00:00.000Z', amountInr: 300000 },
      'Compensation awarded (₹3,00,000) under the state victim compensation scheme',
      { stage: 'awarded', scheme: 'state-victim-compensation-scheme', amountInr: 300000 },
    ],
  ])('describe %s', (type, data, summary, facts) => {
    expect(describeEvent(envelope(type, data))).toEqual({ pillar: 'rehabilitation', summary, facts });
  });
});
