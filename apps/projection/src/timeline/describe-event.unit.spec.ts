import {
  AnyPillarEventEnvelope,
  EventData,
  intakeEventTypes,
  legalEventTypes,
  livelihoodEventTypes,
  payloadProblems,
  rehabilitationEventTypes,
  rescueEventTypes,
} from '@mukti/contracts';
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
      {
        personId,
        shelter: { name: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-shelter-name', authTag: 'secret-tag' }, kind: 'ujjawala', state: 'Maharashtra', district: 'Pune' },
        admittedAt: '2026-03-02T00:00:00.000Z',
      },
      'Admitted to a shelter (ujjawala) in Pune, Maharashtra',
      { shelterKind: 'ujjawala', shelterState: 'Maharashtra', shelterDistrict: 'Pune', admittedAt: '2026-03-02T00:00:00.000Z' },
    ],
    // Recorded before the name was sealed: its name, in clear on the topic, is not copied.
    [
      rehabilitationEventTypes.shelterAdmittedV1,
      { personId, shelter: { name: 'Asha Sadan', kind: 'ujjawala', state: 'Maharashtra', district: 'Pune' }, admittedAt: '2026-03-02T00:00:00.000Z' },
      'Admitted to a shelter (ujjawala) in Pune, Maharashtra',
      { shelterKind: 'ujjawala', shelterState: 'Maharashtra', shelterDistrict: 'Pune', admittedAt: '2026-03-02T00:00:00.000Z' },
    ],
    [
      rehabilitationEventTypes.shelterDischarged,
      { personId, dischargedAt: '2026-06-01T00:00:00.000Z', reason: 'repatriated' },
      'Discharged from the shelter (repatriated)',
      { reason: 'repatriated', dischargedAt: '2026-06-01T00:00:00.000Z' },
    ],
    [
      rehabilitationEventTypes.shelterDischargedV1,
      { personId, shelterName: 'Asha Sadan', dischargedAt: '2026-06-01T00:00:00.000Z', reason: 'repatriated' },
      'Discharged from the shelter (repatriated)',
      { reason: 'repatriated', dischargedAt: '2026-06-01T00:00:00.000Z' },
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

describe('timeline entries of the legal pillar', () => {
  const caseId = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
  const otherVictimId = '6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  const keeperId = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
  const lodgeOwnerId = '2f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
  const buyerId = '3f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
  const victimIds = [personId, otherVictimId];
  const ofCase = (type: string, data: Record<string, unknown>) => ({ ...envelope(type, { caseId, victimIds, ...data }), subject: caseId }) as AnyPillarEventEnvelope;
  const sealed = { keyId: keeperId, algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-name-and-phone', authTag: 'secret-tag' };

  it('describe a FIR by its case, district, sections grouped by act and how many are accused: never its number or police station', () => {
    const numberAndStation = { keyId: caseId, algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-number-and-station', authTag: 'secret-tag' };
    const described = describeEvent(
      ofCase(legalEventTypes.firRegistered, {
        fir: { district: 'Mumbai', state: 'Maharashtra', numberAndStation, registeredAt: '2026-03-02T10:00:00.000Z' },
        sections: [
          { act: 'itpa', section: '3' },
          { act: 'itpa', section: '4' },
          { act: 'itpa', section: '5' },
        ],
        accusedIds: [keeperId, lodgeOwnerId, buyerId],
        mainAccusedId: keeperId,
      }),
      personId,
    );
    expect(described).toEqual({
      pillar: 'legal',
      summary: `FIR registered (case ${caseId}) in Mumbai, Maharashtra: ITPA s.3, s.4, s.5; 3 accused`,
      facts: {
        caseId,
        district: 'Mumbai',
        state: 'Maharashtra',
        registeredAt: '2026-03-02T10:00:00.000Z',
        sections: [
          { act: 'itpa', section: '3' },
          { act: 'itpa', section: '4' },
          { act: 'itpa', section: '5' },
        ],
        accusedIds: [keeperId, lodgeOwnerId, buyerId],
        mainAccusedId: keeperId,
      },
    });
  });

  it('leave out the number and police station an FIR registered before sealing (v1) carries in clear, cite several acts, and say when the main accused is not among the accused', () => {
    const described = describeEvent(
      ofCase(legalEventTypes.firRegisteredV1, {
        fir: { policeStation: 'Sonagachi Police Station', district: 'Kolkata', state: 'West Bengal', number: '9/2026', registeredAt: '2026-03-02T10:00:00.000Z' },
        sections: [
          { act: 'itpa', section: '5' },
          { act: 'bns', section: '143' },
          { act: 'pocso', section: '17' },
        ],
        accusedIds: [],
        mainAccusedId: keeperId,
      }),
    );
    expect(described.summary).toBe(
      `FIR registered (case ${caseId}) in Kolkata, West Bengal: ITPA s.5, BNS s.143 and POCSO s.17; no accused named yet; the main accused not among them`,
    );
    expect(JSON.stringify(described)).not.toMatch(/Sonagachi|9\/2026/);
  });

  it('never carry a perpetrator\'s sealed personal data, nor his places: a profile is his id, category and how he profits', () => {
    const described = describeEvent({
      ...envelope(legalEventTypes.perpetratorProfiled, {
        perpetratorId: keeperId,
        category: 'brothel-keeper',
        beneficiary: 'direct',
        personalData: sealed,
        knownPlaces: [{ state: 'Maharashtra', district: 'Mumbai' }],
        profiledAt: '2026-03-01T00:00:00.000Z',
      }),
      subject: keeperId,
    } as AnyPillarEventEnvelope);
    expect(described).toEqual({
      pillar: 'legal',
      summary: 'Perpetrator profiled: brothel keeper (direct beneficiary)',
      facts: { perpetratorId: keeperId, category: 'brothel-keeper', beneficiary: 'direct' },
    });
    const stored = JSON.stringify(described);
    for (const secret of ['secret', 'ciphertext', 'AES-256-GCM', 'personalData', 'Mumbai']) expect(stored).not.toContain(secret);
  });

  it('say whether support as a witness, compensation or bail is hers or another victim\'s: the facts are the same on both timelines', () => {
    const support = ofCase(legalEventTypes.witnessSupportRecorded, {
      personId,
      at: '2026-06-01T10:00:00.000Z',
      testimony: 'deposition-in-court',
      inCamera: true,
      supportPerson: true,
      protectionMeasures: ['screen-in-court', 'separate-waiting-area'],
      travelSupported: false,
    });
    expect(describeEvent(support, personId).summary).toBe(
      'Supported as a witness: deposition in court; in camera; with a support person; protection: screen in court, separate waiting area',
    );
    expect(describeEvent(support, otherVictimId).summary).toBe(
      'Another victim of the case supported as a witness: deposition in court; in camera; with a support person; protection: screen in court, separate waiting area',
    );
    expect(describeEvent(support, otherVictimId).facts).toEqual(describeEvent(support, personId).facts);

    const compensation = ofCase(legalEventTypes.compensationOrdered, { personId, orderedAt: '2026-09-01T00:00:00.000Z', amountInr: 200000, payableBy: 'state' });
    expect(describeEvent(compensation, personId).summary).toBe('Compensation of ₹2,00,000 ordered to her, payable by the state');
    expect(describeEvent(compensation, otherVictimId).summary).toBe('Compensation ordered to another victim of the case');

    const bail = ofCase(legalEventTypes.bailRecorded, { personId, stage: 'granted', at: '2026-03-05T00:00:00.000Z', surety: 'known-perpetrator', suretyPerpetratorId: keeperId });
    expect(describeEvent(bail, personId).summary).toBe('Bail granted to her; surety: a known perpetrator');
    expect(describeEvent(bail, otherVictimId).summary).toBe('Bail granted to a survivor accused in the case; surety: a known perpetrator');
  });

  it.each([
    [legalEventTypes.accusedNamed, { perpetratorId: keeperId, main: true, namedAt: '2026-03-03T00:00:00.000Z' }, 'The main accused named', { caseId, perpetratorId: keeperId, main: true }],
    [legalEventTypes.accusedArrested, { perpetratorId: keeperId, arrestedAt: '2026-03-03T00:00:00.000Z' }, 'Accused arrested', { caseId, perpetratorId: keeperId }],
    [legalEventTypes.accusedAbsconding, { perpetratorId: keeperId, declaredAt: '2026-03-03T00:00:00.000Z' }, 'Accused declared absconding', { caseId, perpetratorId: keeperId }],
    [
      legalEventTypes.bailRecorded,
      { perpetratorId: lodgeOwnerId, stage: 'applied', at: '2026-03-04T00:00:00.000Z' },
      'Bail applied for by an accused',
      { caseId, perpetratorId: lodgeOwnerId, stage: 'applied' },
    ],
    [
      legalEventTypes.chargeSheetFiled,
      { filedAt: '2026-04-20T00:00:00.000Z', sections: [{ act: 'itpa', section: '5' }, { act: 'bns', section: '143' }], accusedIds: [keeperId, lodgeOwnerId], daysAfterFir: 49 },
      'Charge sheet filed 49 days after the FIR: ITPA s.5 and BNS s.143; 2 accused charged',
      { caseId, sections: [{ act: 'itpa', section: '5' }, { act: 'bns', section: '143' }], accusedIds: [keeperId, lodgeOwnerId], daysAfterFir: 49 },
    ],
    [
      legalEventTypes.chargeSheetMissing,
      { daysAfterFir: 60, dueAt: '2026-05-01T10:00:00.000Z', flaggedAt: '2026-05-01T10:05:00.000Z' },
      'OVERDUE: no charge sheet 60 days after the FIR (due 2026-05-01); an arrested accused may walk out on default bail',
      { caseId, daysAfterFir: 60, dueAt: '2026-05-01T10:00:00.000Z' },
    ],
    [
      legalEventTypes.hearingRecorded,
      { heldAt: '2026-05-10T00:00:00.000Z', court: 'special-court-itpa', stage: 'prosecution-evidence', nextHearingAt: '2026-06-01T05:30:00.000Z' },
      'Hearing in the special court (ITPA): prosecution evidence; next hearing 2026-06-01',
      { caseId, court: 'special-court-itpa', stage: 'prosecution-evidence', nextHearingAt: '2026-06-01T05:30:00.000Z' },
    ],
    [
      legalEventTypes.hearingRecorded,
      { heldAt: '2026-05-10T00:00:00.000Z', court: 'sessions-court', stage: 'judgment' },
      'Hearing in the sessions court: judgment; no next date set',
      { caseId, court: 'sessions-court', stage: 'judgment' },
    ],
    [
      legalEventTypes.verdictRecorded,
      { perpetratorId: keeperId, outcome: 'convicted', decidedAt: '2026-11-01T00:00:00.000Z', court: 'sessions-court', sentenceMonths: 84 },
      'Verdict: convicted, 84 months (the sessions court)',
      { caseId, perpetratorId: keeperId, outcome: 'convicted', court: 'sessions-court', sentenceMonths: 84 },
    ],
    [
      legalEventTypes.verdictRecorded,
      { perpetratorId: buyerId, outcome: 'acquitted', decidedAt: '2026-11-01T00:00:00.000Z', court: 'sessions-court' },
      'Verdict: acquitted (the sessions court)',
      { caseId, perpetratorId: buyerId, outcome: 'acquitted', court: 'sessions-court' },
    ],
    [
      legalEventTypes.appealFiled,
      { perpetratorId: buyerId, appellant: 'prosecution', court: 'high-court', filedAt: '2026-12-01T00:00:00.000Z' },
      'Appeal filed by the prosecution in the High Court',
      { caseId, perpetratorId: buyerId, appellant: 'prosecution', court: 'high-court' },
    ],
    [
      legalEventTypes.premisesClosed,
      { closedAt: '2026-04-01T00:00:00.000Z', place: { state: 'Maharashtra', district: 'Mumbai' } },
      "Premises closed by a magistrate's order (ITPA s.18) in Mumbai, Maharashtra",
      { caseId, state: 'Maharashtra', district: 'Mumbai' },
    ],
    [legalEventTypes.propertyAttached, { attachedAt: '2026-04-01T00:00:00.000Z', kind: 'bank-account', valueInr: 500000 }, 'Property attached: bank account (₹5,00,000)', { caseId, kind: 'bank-account', valueInr: 500000 }],
    [legalEventTypes.caseClosed, { closedAt: '2027-01-01T00:00:00.000Z', reason: 'verdicts-final' }, 'Case closed (verdicts final)', { caseId, reason: 'verdicts-final' }],
  ])('describe %s in plain words, naming no perpetrator', (type, data, summary, facts) => {
    expect(describeEvent(ofCase(type, data), personId)).toEqual({ pillar: 'legal', summary, facts });
  });

  it.each([
    [legalEventTypes.survivorNamedAsAccused, { personId, caseId, namedAt: '2026-03-02T00:00:00.000Z' }, 'ALERT: named as accused in a case; a survivor is never an offender', { caseId }],
    [
      legalEventTypes.survivorAccusationDropped,
      { personId, caseId, droppedAt: '2026-04-02T00:00:00.000Z' },
      'The accusation against her was dropped; the decriminalisation alert is closed',
      { caseId },
    ],
    [
      legalEventTypes.debtBondageSuspected,
      { personId, caseId, suretyPerpetratorId: keeperId, suspectedAt: '2026-03-05T00:00:00.000Z' },
      'ALERT: a known perpetrator stood surety for her bail, a sign of debt bondage',
      { caseId, suretyPerpetratorId: keeperId },
    ],
    [
      legalEventTypes.consentWithdrawnOnOpenCase,
      { personId, caseId, scope: 'share-with-courts', withdrawnAt: '2026-05-02T00:00:00.000Z' },
      'ALERT: she withdrew her consent to share with courts while her case is open',
      { caseId, scope: 'share-with-courts' },
    ],
  ])('describe the alert %s about her', (type, data, summary, facts) => {
    expect(describeEvent(envelope(type, data))).toEqual({ pillar: 'legal', summary, facts });
  });

  it('describe training without the participants\' sealed names', () => {
    const trainingId = '8b9c0d1e-2f3a-4b5c-8d6e-7f8a9b0c1d2e';
    const described = describeEvent({
      ...envelope(legalEventTypes.trainingSessionHeld, {
        trainingId,
        audience: 'police-and-ahtu',
        topic: 'victim-identification',
        heldAt: '2026-02-01T00:00:00.000Z',
        trainerId: 'asha',
        participantCount: 25,
        participantNames: { keyId: trainingId, algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-names', authTag: 'secret-tag' },
        refresherDueAt: '2027-02-01T00:00:00.000Z',
        district: 'Pune',
        state: 'Maharashtra',
      }),
      subject: trainingId,
    } as AnyPillarEventEnvelope);
    expect(described.summary).toBe(
      'Training on victim identification for police and anti-human-trafficking units: 25 participants in Pune, Maharashtra; refresher due 2027-02-01',
    );
    expect(JSON.stringify(described)).not.toContain('secret');
  });
});

describe('timeline entries of the livelihood pillar', () => {
  const trainingId = '2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182';
  const placementId = '3c4d5e6f-7081-4b92-8c3d-4e5f60718293';
  const minimumWage = {
    monthlyInr: 11000,
    state: 'West Bengal',
    skillLevel: 'semi-skilled' as const,
    source: 'Labour Department, Government of West Bengal, notification of 2025-01-01',
    effectiveFrom: '2025-01-01',
  };
  const codedWage = { monthlyInr: 11000, state: 'West Bengal', skillLevel: 'semi-skilled', effectiveFrom: '2025-01-01' };
  /** A livelihood event as the livelihood service publishes it (its payload checked against the contract). */
  const livelihood = <T extends AnyPillarEventEnvelope['type']>(type: T, data: EventData<T>, subject = personId) => {
    expect(payloadProblems(type, data)).toEqual([]);
    return { ...envelope(type, data), subject } as AnyPillarEventEnvelope;
  };
  const placed = (monthlyIncomeInr: number, sustainableWage: boolean, kind: 'wage-employment' | 'self-employment' = 'wage-employment') =>
    livelihood(livelihoodEventTypes.placementStarted, {
      personId,
      placementId,
      kind,
      employerOrEnterprise: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-employer', authTag: 'secret-tag' },
      sector: 'garments-and-tailoring',
      skillLevel: 'semi-skilled',
      state: 'West Bengal',
      startedAt: '2026-05-01T00:00:00.000Z',
      monthlyIncomeInr,
      minimumWage,
      sustainableWage,
    });

  it('describe a placement below the minimum wage in plain words, with its codes and the wage it is compared with, not the employer', () => {
    const described = describeEvent(placed(9500, false));
    expect(described).toEqual({
      pillar: 'livelihood',
      summary: 'Placed in a job (garments and tailoring) at ₹9,500 a month: BELOW the minimum wage of ₹11,000 for semi-skilled work in West Bengal',
      facts: {
        placementId,
        kind: 'wage-employment',
        sector: 'garments-and-tailoring',
        skillLevel: 'semi-skilled',
        state: 'West Bengal',
        startedAt: '2026-05-01T00:00:00.000Z',
        monthlyIncomeInr: 9500,
        minimumWage: codedWage,
        sustainableWage: false,
      },
    });
    expect(JSON.stringify(described)).not.toContain('secret');
    expect(describeEvent(placed(12000, true, 'self-employment')).summary).toBe(
      'Self-employed (garments and tailoring) at ₹12,000 a month: at or above the minimum wage of ₹11,000 for semi-skilled work in West Bengal',
    );
    // Recorded before the name was sealed (v1): its employer, in clear on the topic, is not copied.
    const v1 = placed(9500, false);
    const placedV1 = { ...v1, type: livelihoodEventTypes.placementStartedV1, data: { ...v1.data, employerOrEnterprise: 'Sonar Tailoring Unit' } } as AnyPillarEventEnvelope;
    expect(describeEvent(placedV1)).toEqual(described);
  });

  it('describe an income follow-up against the minimum wage', () => {
    const followedUp = (monthlyIncomeInr: number, sustainableWage: boolean) =>
      describeEvent(livelihood(livelihoodEventTypes.incomeFollowedUp, { personId, placementId, at: '2026-08-01T00:00:00.000Z', monthlyIncomeInr, minimumWage, sustainableWage }));
    expect(followedUp(12000, true)).toEqual({
      pillar: 'livelihood',
      summary: 'Income followed up: ₹12,000 a month, at or above the minimum wage',
      facts: { placementId, at: '2026-08-01T00:00:00.000Z', monthlyIncomeInr: 12000, minimumWage: codedWage, sustainableWage: true },
    });
    expect(followedUp(8000, false).summary).toBe('Income followed up: ₹8,000 a month, BELOW the minimum wage of ₹11,000 for semi-skilled work in West Bengal');
  });

  it('never name the trade or the provider of a training, sealed (v2) or recorded in clear before (v1): codes, ids and dates', () => {
    const sealed = { keyId: personId, algorithm: 'AES-256-GCM' as const, iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' };
    const common = { personId, trainingId, skillLevel: 'semi-skilled' as const, startedAt: '2026-02-01T00:00:00.000Z', plannedEndAt: '2026-04-30T00:00:00.000Z' };
    const expected = {
      pillar: 'livelihood',
      summary: 'Skill training started (for semi-skilled work), to end 2026-04-30',
      facts: { trainingId, skillLevel: 'semi-skilled', startedAt: '2026-02-01T00:00:00.000Z', plannedEndAt: '2026-04-30T00:00:00.000Z' },
    };
    expect(describeEvent(livelihood(livelihoodEventTypes.skillTrainingStarted, { ...common, training: sealed }))).toEqual(expected);
    expect(
      describeEvent(livelihood(livelihoodEventTypes.skillTrainingStartedV1, { ...common, trade: 'Tailoring and garment making', provider: 'Jan Shikshan Sansthan, Kolkata' })),
    ).toEqual(expected);
  });

  it.each([
    [livelihoodEventTypes.livelihoodPlanOpened, { personId, origin: 'care-plan', openedAt: '2026-01-10T00:00:00.000Z' }, "Livelihood plan opened from her care plan's livelihood goal", { origin: 'care-plan', openedAt: '2026-01-10T00:00:00.000Z' }],
    [livelihoodEventTypes.livelihoodPlanOpened, { personId, origin: 'referred', openedAt: '2026-01-10T00:00:00.000Z' }, 'Livelihood plan opened on referral', { origin: 'referred', openedAt: '2026-01-10T00:00:00.000Z' }],
    [
      livelihoodEventTypes.skillTrainingEnded,
      { personId, trainingId, outcome: 'completed', endedAt: '2026-04-30T00:00:00.000Z', certified: true },
      'Skill training completed, certified',
      { trainingId, outcome: 'completed', certified: true, endedAt: '2026-04-30T00:00:00.000Z' },
    ],
    [
      livelihoodEventTypes.skillTrainingEnded,
      { personId, trainingId, outcome: 'completed', endedAt: '2026-04-30T00:00:00.000Z', certified: false },
      'Skill training completed (not certified)',
      { trainingId, outcome: 'completed', certified: false, endedAt: '2026-04-30T00:00:00.000Z' },
    ],
    [
      livelihoodEventTypes.skillTrainingEnded,
      { personId, trainingId, outcome: 'dropped-out', endedAt: '2026-03-01T00:00:00.000Z', certified: false },
      'Dropped out of skill training',
      { trainingId, outcome: 'dropped-out', certified: false, endedAt: '2026-03-01T00:00:00.000Z' },
    ],
    [
      livelihoodEventTypes.placementLost,
      { personId, placementId, lostAt: '2026-09-01T00:00:00.000Z', reason: 'wages-unpaid' },
      'Placement lost: wages unpaid',
      { placementId, reason: 'wages-unpaid', lostAt: '2026-09-01T00:00:00.000Z' },
    ],
    [livelihoodEventTypes.financialInclusionRecorded, { personId, kind: 'bank-account', at: '2026-02-01T00:00:00.000Z' }, 'Bank account opened in her name', { kind: 'bank-account' }],
    [livelihoodEventTypes.financialInclusionRecorded, { personId, kind: 'self-help-group', at: '2026-02-01T00:00:00.000Z' }, 'Joined a self-help group', { kind: 'self-help-group' }],
    [
      livelihoodEventTypes.schemeLinkageRecorded,
      { personId, scheme: 'pm-vishwakarma', stage: 'granted', at: '2026-02-01T00:00:00.000Z' },
      'Government scheme, PM Vishwakarma: granted',
      { scheme: 'pm-vishwakarma', stage: 'granted' },
    ],
  ])('describe %s in plain words, with its coded facts', (type, data, summary, facts) => {
    expect(describeEvent(livelihood(type as AnyPillarEventEnvelope['type'], data as never))).toEqual({ pillar: 'livelihood', summary, facts });
  });
});

describe('timeline entries of a prevention plan', () => {
  const householdId = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
  const sisterId = '9b0c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e';
  const supportId = '0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f';
  const ofPlan = { preventionPlanId: householdId, subject: 'household' as const, personIds: [personId, sisterId] };
  const planEvent = <T extends AnyPillarEventEnvelope['type']>(type: T, data: EventData<T>) => {
    expect(payloadProblems(type, data)).toEqual([]);
    return { ...envelope(type, data), subject: householdId } as AnyPillarEventEnvelope;
  };

  it('describe a household\'s plan and its supports on each covered person\'s timeline, with the same facts', () => {
    const opened = planEvent(livelihoodEventTypes.preventionPlanOpened, { ...ofPlan, openedAt: '2026-01-05T00:00:00.000Z' });
    expect(describeEvent(opened, personId)).toEqual({
      pillar: 'livelihood',
      summary: 'Prevention plan opened for her household: 2 people at risk followed',
      facts: { preventionPlanId: householdId, subject: 'household', covered: 2, openedAt: '2026-01-05T00:00:00.000Z' },
    });
    expect(describeEvent(opened, sisterId)).toEqual(describeEvent(opened, personId));
    const linked = planEvent(livelihoodEventTypes.preventionSupportRecorded, {
      ...ofPlan,
      supportId,
      kind: 'scheme-linkage',
      status: 'completed',
      startedAt: '2026-01-10T00:00:00.000Z',
      endedAt: '2026-03-01T00:00:00.000Z',
      scheme: 'pm-awas',
    });
    expect(describeEvent(linked, personId)).toEqual({
      pillar: 'livelihood',
      summary: 'Prevention support for her household: scheme linkage to PM Awas Yojana, completed (ended 2026-03-01)',
      facts: {
        preventionPlanId: householdId,
        subject: 'household',
        supportId,
        kind: 'scheme-linkage',
        status: 'completed',
        startedAt: '2026-01-10T00:00:00.000Z',
        endedAt: '2026-03-01T00:00:00.000Z',
        scheme: 'pm-awas',
      },
    });
    const ownPlan = planEvent(livelihoodEventTypes.preventionPlanOpened, { preventionPlanId: personId, subject: 'person', personIds: [personId], openedAt: '2026-01-05T00:00:00.000Z' });
    expect(describeEvent(ownPlan, personId).summary).toBe('Prevention plan opened for her, a person at risk');
  });

  it('say whether an entry prevented or an entry into exploitation is hers or another covered person\'s: the facts name her', () => {
    const prevented = planEvent(livelihoodEventTypes.entryPrevented, {
      ...ofPlan,
      personId,
      followedSince: '2026-01-10T00:00:00.000Z',
      countedAt: '2027-01-10T00:05:00.000Z',
    });
    const facts = { preventionPlanId: householdId, subject: 'household', personId, followedSince: '2026-01-10T00:00:00.000Z', countedAt: '2027-01-10T00:05:00.000Z' };
    expect(describeEvent(prevented, personId)).toEqual({
      pillar: 'livelihood',
      summary: 'Counted as an entry prevented: followed 12 months with no entry into exploitation',
      facts,
    });
    expect(describeEvent(prevented, sisterId)).toEqual({ pillar: 'livelihood', summary: 'Another person her prevention plan covers counted as an entry prevented', facts });
    const entered = planEvent(livelihoodEventTypes.entryIntoExploitationRecorded, {
      ...ofPlan,
      personId: sisterId,
      enteredAt: '2026-06-01T00:00:00.000Z',
      source: 'rescued',
      followedSince: '2026-01-10T00:00:00.000Z',
    });
    expect(describeEvent(entered, sisterId).summary).toBe('Entered exploitation (found at her rescue) on 2026-06-01, followed since 2026-01-10');
    expect(describeEvent(entered, personId).summary).toBe('Another person her prevention plan covers entered exploitation');
  });

  it('describe a household\'s own events without its village or ward (they are on no one\'s timeline)', () => {
    const registered = planEvent(intakeEventTypes.householdRegisteredV1, {
      householdId,
      place: { state: 'West Bengal', district: 'South 24 Parganas', villageOrWard: 'Canning' },
      memberIds: [personId, sisterId],
      registeredAt: '2026-01-01T00:00:00.000Z',
    });
    const described = describeEvent(registered);
    expect(described).toEqual({
      pillar: 'intake',
      summary: 'Household registered in South 24 Parganas, West Bengal: 2 members',
      facts: { householdId, state: 'West Bengal', district: 'South 24 Parganas', members: 2 },
    });
    expect(JSON.stringify(described)).not.toContain('Canning');
    // From v2 the village or ward is sealed with the household's key: described the same.
    const sealed = planEvent(intakeEventTypes.householdRegistered, {
      householdId,
      place: { state: 'West Bengal', district: 'South 24 Parganas' },
      villageOrWard: { keyId: householdId, algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-village', authTag: 'secret-tag' },
      memberIds: [personId, sisterId],
      registeredAt: '2026-01-01T00:00:00.000Z',
    });
    expect(describeEvent(sealed)).toEqual(described);
  });
});
