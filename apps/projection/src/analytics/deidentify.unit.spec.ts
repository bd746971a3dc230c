import {
  analyticsEventTypes,
  AnyPillarEventEnvelope,
  intakeEventTypes,
  legalEventTypes,
  livelihoodEventTypes,
  payloadProblems,
  rehabilitationEventTypes,
  rescueEventTypes,
} from '@mukti/contracts';
import { describeEvent } from '../timeline/describe-event';
// Summaries built from entries (test support).
import { summaryOfEntries } from '../timeline/entries.testing';
import { deidentify, incomeBandOf, pseudonymOf } from './deidentify';

const personId = '5b0a1b8e-2f4c-4d6e-8a9b-0c1d2e3f4a5b';
const key = 'a-test-pseudonym-key';
const envelope = (type: string, data: unknown, time = '2026-03-14T10:22:33.000Z') =>
  ({ id: 'e1', type, source: '/mukti/intake', subject: personId, time, data, correlationId: 'c', actor: { id: 'asha', role: 'caseworker' } }) as AnyPillarEventEnvelope;

const summaryOf = (ageBand: string, research?: 'granted' | 'withdrawn') =>
  summaryOfEntries(personId, [
    {
      eventId: 'r',
      type: intakeEventTypes.personRegistered,
      occurredAt: new Date('2026-03-01T00:00:00Z'),
      facts: { role: 'survivor', gender: 'female', ageBand, origin: { state: 'Bihar', district: 'Araria' } },
    },
    ...(research
      ? [{ eventId: 'c', type: intakeEventTypes.consentRecorded, occurredAt: new Date('2026-03-02T00:00:00Z'), facts: { scope: 'research', decision: research } }]
      : []),
  ]);

const assigned = envelope(intakeEventTypes.staffAssigned, { personId, staffId: 'asha', staffRole: 'caseworker', assignedAt: '2026-03-14T10:22:33.000Z' });

describe('the analytics record of an event', () => {
  it('carries a pseudonym, the month, her age band, gender and place, and only coded facts', () => {
    const record = deidentify(assigned, describeEvent(assigned).facts, summaryOf('25-34'), key);
    expect(record).toEqual({
      pseudonym: pseudonymOf(key, personId),
      tracked: true,
      eventType: intakeEventTypes.staffAssigned,
      pillar: 'intake',
      period: '2026-03',
      ageBand: '25-34',
      gender: 'female',
      state: 'Bihar',
      district: 'Araria',
      facts: { staffRole: 'caseworker' },
    });
    const wire = JSON.stringify(record);
    for (const identifying of [personId, 'asha', '2026-03-14', '10:22']) expect(wire).not.toContain(identifying);
  });

  it('cannot follow a child: a new pseudonym every time, and no district', () => {
    const first = deidentify(assigned, describeEvent(assigned).facts, summaryOf('12-15'), key)!;
    const second = deidentify(assigned, describeEvent(assigned).facts, summaryOf('12-15'), key)!;
    expect(first.tracked).toBe(false);
    expect(first.pseudonym).not.toBe(second.pseudonym);
    expect(first.pseudonym).not.toBe(pseudonymOf(key, personId));
    expect(first.district).toBeUndefined();
    expect(first.state).toBe('Bihar');
  });

  it('leaves out a person who withdrew her consent to research', () => {
    expect(deidentify(assigned, describeEvent(assigned).facts, summaryOf('25-34', 'withdrawn'), key)).toBeUndefined();
    expect(deidentify(assigned, describeEvent(assigned).facts, summaryOf('25-34', 'granted'), key)).toBeDefined();
  });

  it('gives the same adult the same pseudonym, which cannot be made without the key', () => {
    expect(pseudonymOf(key, personId)).toBe(pseudonymOf(key, personId));
    expect(pseudonymOf('another-key', personId)).not.toBe(pseudonymOf(key, personId));
  });
});

describe('the analytics record of a rescue or rehabilitation event', () => {
  const operationId = '0f8c2a4e-6b1d-4c3e-9a7f-2d5e8b1c4a6f';
  const adult = summaryOf('25-34');
  const recordOf = (type: string, data: unknown) => {
    const event = envelope(type, data);
    const record = deidentify(event, describeEvent(event).facts, adult, key)!;
    // Whatever goes out must be a valid record of the analytics topic (no objects, no long text).
    expect(payloadProblems(analyticsEventTypes.pillarEventObserved, record)).toEqual([]);
    return record;
  };

  it('keeps every code of a trafficking profile, its places as countries and states only', () => {
    const record = recordOf(rescueEventTypes.traffickingProfileRecorded, {
      personId,
      operationId,
      recordedAt: '2026-03-14T10:22:33.000Z',
      traffickingStatus: 'actual',
      exploitationTypes: ['sexual-exploitation'],
      recruitmentMethod: 'false-job-offer',
      meansOfControl: ['debt-bondage', 'threats'],
      relationshipToTrafficker: 'acquaintance',
      source: { country: 'NP', district: 'Sindhupalchok' },
      transit: [
        { country: 'IN', state: 'Bihar', district: 'Araria' },
        { country: 'IN', state: 'Bihar', district: 'Purnia' },
      ],
      destination: { country: 'IN', state: 'Maharashtra', district: 'Mumbai' },
    });
    expect(record.facts).toEqual({
      traffickingStatus: 'actual',
      exploitationTypes: ['sexual-exploitation'],
      recruitmentMethod: 'false-job-offer',
      meansOfControl: ['debt-bondage', 'threats'],
      relationshipToTrafficker: 'acquaintance',
      sourceCountry: 'NP',
      transitCountries: ['IN'],
      transitStates: ['Bihar'],
      destinationCountry: 'IN',
      destinationState: 'Maharashtra',
    });
    const wire = JSON.stringify(record.facts);
    for (const identifying of [operationId, 'Sindhupalchok', 'Araria', 'Purnia', 'Mumbai']) expect(wire).not.toContain(identifying);
  });

  it.each([
    [
      rescueEventTypes.postRescueStepOverdue,
      { personId, operationId, step: 'medical-examination', dueAt: '2026-03-14T10:22:33.000Z', flaggedAt: '2026-03-14T10:22:33.000Z' },
      { step: 'medical-examination' },
    ],
    [
      rehabilitationEventTypes.carePlanOpened,
      { personId, openedAt: '2026-03-14T10:22:33.000Z', origin: 'rescued', operationId, child: false, goals: ['safety'] },
      { origin: 'rescued', child: false, goals: ['safety'] },
    ],
    [rehabilitationEventTypes.goalSet, { personId, domain: 'livelihood', status: 'open', setAt: '2026-03-14T10:22:33.000Z' }, { domain: 'livelihood', status: 'open' }],
    [
      rehabilitationEventTypes.shelterAdmitted,
      { personId, shelter: { name: 'Asha Sadan', kind: 'ngo', state: 'Maharashtra', district: 'Pune' }, admittedAt: '2026-03-14T10:22:33.000Z' },
      { shelterKind: 'ngo', shelterState: 'Maharashtra' },
    ],
    [
      rehabilitationEventTypes.shelterDischarged,
      { personId, shelterName: 'Asha Sadan', dischargedAt: '2026-03-14T10:22:33.000Z', reason: 'reintegrated-locally' },
      { reason: 'reintegrated-locally' },
    ],
    [
      rehabilitationEventTypes.counsellingSessionRecorded,
      {
        personId,
        sessionId: '9d3e7b21-4c5a-4f6b-8e9d-1a2b3c4d5e6f',
        heldAt: '2026-03-14T10:22:33.000Z',
        kind: 'group',
        notes: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'secret', authTag: 'dGFn' },
      },
      { kind: 'group' },
    ],
    [
      rehabilitationEventTypes.healthServiceRecorded,
      { personId, service: 'treatment', providedAt: '2026-03-14T10:22:33.000Z', provider: 'government' },
      { service: 'treatment', provider: 'government' },
    ],
    [rehabilitationEventTypes.educationEnrolled, { personId, programme: 'literacy', enrolledAt: '2026-03-14T10:22:33.000Z' }, { programme: 'literacy' }],
    [
      rehabilitationEventTypes.identityDocumentRecorded,
      { personId, document: 'ration-card', status: 'applied', recordedAt: '2026-03-14T10:22:33.000Z' },
      { document: 'ration-card', status: 'applied' },
    ],
    [rehabilitationEventTypes.voterRegistered, { personId, registeredAt: '2026-03-14T10:22:33.000Z' }, {}],
    [
      rehabilitationEventTypes.repatriationStepRecorded,
      { personId, step: 'handover', at: '2026-03-14T10:22:33.000Z', home: { state: 'West Bengal', district: 'Nadia' }, handedOverTo: 'family' },
      { step: 'handover', homeState: 'West Bengal', handedOverTo: 'family' },
    ],
    [
      rehabilitationEventTypes.followUpsScheduled,
      { personId, everyMonths: 6, forMonths: 12, dueDates: ['2026-09-14T10:22:33.000Z', '2027-03-14T10:22:33.000Z'] },
      { everyMonths: 6, forMonths: 12, followUps: 2 },
    ],
    [
      rehabilitationEventTypes.followUpRecorded,
      { personId, dueAt: '2026-03-14T10:22:33.000Z', heldAt: '2026-03-14T10:22:33.000Z', status: 'settled', retraffickingRisk: 'low' },
      { status: 'settled', retraffickingRisk: 'low' },
    ],
    [rehabilitationEventTypes.followUpMissed, { personId, dueAt: '2026-03-14T10:22:33.000Z', flaggedAt: '2026-03-14T10:22:33.000Z' }, {}],
    [
      rehabilitationEventTypes.compensationRecorded,
      { personId, stage: 'paid', scheme: 'court-ordered', at: '2026-03-14T10:22:33.000Z', amountInr: 250000 },
      { stage: 'paid', scheme: 'court-ordered' },
    ],
  ])('keeps only the coded facts of %s: no names, districts, ids, exact dates or amounts', (type, data, facts) => {
    const record = recordOf(type, data);
    expect(record.facts).toEqual(facts);
    const wire = JSON.stringify(record);
    for (const identifying of [personId, operationId, 'asha', 'Asha Sadan', 'Pune', 'Nadia', '2026-03-14', '2026-09', '10:22', '250000', 'secret']) {
      expect(wire).not.toContain(identifying);
    }
  });
});

describe('the analytics record of a legal event', () => {
  const caseId = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
  const otherVictimId = '6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  const keeperId = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
  const buyerId = '3f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
  const adult = summaryOf('25-34');
  const ofCase = (type: string, data: Record<string, unknown>) =>
    ({ ...envelope(type, { caseId, victimIds: [personId, otherVictimId], ...data }), subject: caseId }) as AnyPillarEventEnvelope;
  /** Her record of a case's event: made on her timeline, for her. */
  const herRecordOf = (event: AnyPillarEventEnvelope, summary = adult) => {
    const record = deidentify(event, describeEvent(event, personId).facts, summary, key, personId)!;
    expect(payloadProblems(analyticsEventTypes.pillarEventObserved, record)).toEqual([]);
    return record;
  };
  const identifying = [personId, otherVictimId, caseId, keeperId, buyerId, 'Kamathipura', '123/2026', 'Mumbai', 'asha', '2026-03-14', '10:22', '200000', '84'];

  it('is hers, under her pseudonym, for a case\'s event: not the case\'s', () => {
    const event = ofCase(legalEventTypes.accusedArrested, { perpetratorId: keeperId, arrestedAt: '2026-03-14T10:22:33.000Z' });
    const record = herRecordOf(event);
    expect(record).toEqual({
      pseudonym: pseudonymOf(key, personId),
      tracked: true,
      eventType: legalEventTypes.accusedArrested,
      pillar: 'legal',
      period: '2026-03',
      ageBand: '25-34',
      gender: 'female',
      state: 'Bihar',
      district: 'Araria',
      facts: {},
    });
    expect(record.pseudonym).not.toBe(pseudonymOf(key, caseId));
    // A child victim of the same case cannot be followed, as anywhere else; a victim who withdrew her consent to research is left out.
    expect(herRecordOf(event, summaryOf('16-17'))).toMatchObject({ tracked: false });
    expect(herRecordOf(event, summaryOf('16-17')).district).toBeUndefined();
    expect(deidentify(event, describeEvent(event, personId).facts, summaryOf('25-34', 'withdrawn'), key, personId)).toBeUndefined();
  });

  it.each([
    [
      legalEventTypes.firRegistered,
      {
        fir: { policeStation: 'Kamathipura', district: 'Mumbai', state: 'Maharashtra', number: '123/2026', registeredAt: '2026-03-14T10:22:33.000Z' },
        sections: [
          { act: 'itpa', section: '3' },
          { act: 'itpa', section: '5' },
          { act: 'bns', section: '143' },
        ],
        accusedIds: [keeperId, buyerId],
        mainAccusedId: keeperId,
      },
      { actsCited: ['itpa', 'bns'], firState: 'Maharashtra', accused: 2, mainAccusedNamed: true },
    ],
    [legalEventTypes.accusedNamed, { perpetratorId: keeperId, main: true, namedAt: '2026-03-14T10:22:33.000Z' }, { main: true }],
    [legalEventTypes.accusedAbsconding, { perpetratorId: keeperId, declaredAt: '2026-03-14T10:22:33.000Z' }, {}],
    [
      legalEventTypes.bailRecorded,
      { perpetratorId: keeperId, stage: 'granted', at: '2026-03-14T10:22:33.000Z', surety: 'family' },
      { bailOf: 'accused', stage: 'granted', surety: 'family' },
    ],
    [
      legalEventTypes.chargeSheetFiled,
      { filedAt: '2026-03-14T10:22:33.000Z', sections: [{ act: 'itpa', section: '5' }], accusedIds: [keeperId], daysAfterFir: 84 },
      { actsCited: ['itpa'], accusedCharged: 1, filed: 'within-90-days' },
    ],
    [legalEventTypes.chargeSheetMissing, { daysAfterFir: 60, dueAt: '2026-03-14T10:22:33.000Z', flaggedAt: '2026-03-14T10:22:33.000Z' }, { daysAfterFir: 60 }],
    [
      legalEventTypes.hearingRecorded,
      { heldAt: '2026-03-14T10:22:33.000Z', court: 'special-court-itpa', stage: 'arguments', nextHearingAt: '2026-04-14T10:22:33.000Z' },
      { court: 'special-court-itpa', stage: 'arguments', nextHearingSet: true },
    ],
    [
      legalEventTypes.witnessSupportRecorded,
      { personId, at: '2026-03-14T10:22:33.000Z', testimony: 'cross-examination', inCamera: true, supportPerson: true, protectionMeasures: ['video-link'], travelSupported: false },
      { testimony: 'cross-examination', inCamera: true, supportPerson: true, protectionMeasures: ['video-link'], travelSupported: false },
    ],
    [
      legalEventTypes.verdictRecorded,
      { perpetratorId: keeperId, outcome: 'convicted', decidedAt: '2026-03-14T10:22:33.000Z', court: 'sessions-court', sentenceMonths: 84, fineInr: 200000 },
      { outcome: 'convicted', court: 'sessions-court', sentenceBand: '7-to-10-years', fined: true },
    ],
    [
      legalEventTypes.verdictRecorded,
      { perpetratorId: buyerId, outcome: 'acquitted', decidedAt: '2026-03-14T10:22:33.000Z', court: 'sessions-court' },
      { outcome: 'acquitted', court: 'sessions-court' },
    ],
    [legalEventTypes.appealFiled, { perpetratorId: buyerId, appellant: 'victim', court: 'high-court', filedAt: '2026-03-14T10:22:33.000Z' }, { appellant: 'victim', court: 'high-court' }],
    [legalEventTypes.premisesClosed, { closedAt: '2026-03-14T10:22:33.000Z', place: { state: 'Maharashtra', district: 'Mumbai' } }, { premisesState: 'Maharashtra' }],
    [legalEventTypes.propertyAttached, { attachedAt: '2026-03-14T10:22:33.000Z', kind: 'vehicle', valueInr: 200000 }, { kind: 'vehicle' }],
    [legalEventTypes.compensationOrdered, { personId, orderedAt: '2026-03-14T10:22:33.000Z', amountInr: 200000, payableBy: 'accused' }, { payableBy: 'accused' }],
    [legalEventTypes.caseClosed, { closedAt: '2026-03-14T10:22:33.000Z', reason: 'quashed' }, { reason: 'quashed' }],
  ])('keeps only the coded facts of %s: no case, perpetrator or person ids, police station, FIR number, district, exact dates or amounts', (type, data, facts) => {
    const { pseudonym, ...record } = herRecordOf(ofCase(type, data));
    expect(pseudonym).toBe(pseudonymOf(key, personId));
    expect(record.facts).toEqual(facts);
    const wire = JSON.stringify(record);
    for (const leak of identifying) expect(wire).not.toContain(leak);
  });

  it.each([
    [legalEventTypes.survivorNamedAsAccused, { personId, caseId, namedAt: '2026-03-14T10:22:33.000Z' }, {}],
    [legalEventTypes.survivorAccusationDropped, { personId, caseId, droppedAt: '2026-03-14T10:22:33.000Z' }, {}],
    [legalEventTypes.debtBondageSuspected, { personId, caseId, suretyPerpetratorId: keeperId, suspectedAt: '2026-03-14T10:22:33.000Z' }, {}],
    [legalEventTypes.consentWithdrawnOnOpenCase, { personId, caseId, scope: 'share-with-police', withdrawnAt: '2026-03-14T10:22:33.000Z' }, { scope: 'share-with-police' }],
  ])('keeps only the coded facts of the alert %s about her', (type, data, facts) => {
    const event = envelope(type, data);
    const published = deidentify(event, describeEvent(event).facts, adult, key)!;
    expect(payloadProblems(analyticsEventTypes.pillarEventObserved, published)).toEqual([]);
    const { pseudonym, ...record } = published;
    expect(pseudonym).toBe(pseudonymOf(key, personId));
    expect(record.facts).toEqual(facts);
    for (const leak of identifying) expect(JSON.stringify(record)).not.toContain(leak);
  });

  it.each([
    [5, 'under-1-year'],
    [12, '1-to-3-years'],
    [36, '3-to-7-years'],
    [83, '3-to-7-years'],
    [120, '10-years-or-more'],
  ])('puts a sentence of %i months in the band %s', (sentenceMonths, sentenceBand) => {
    const event = ofCase(legalEventTypes.verdictRecorded, { perpetratorId: keeperId, outcome: 'convicted', decidedAt: '2026-03-14T10:22:33.000Z', court: 'sessions-court', sentenceMonths });
    expect(herRecordOf(event).facts).toEqual({ outcome: 'convicted', court: 'sessions-court', sentenceBand, fined: false });
  });
});

describe('the analytics record of a livelihood or prevention event', () => {
  const adult = summaryOf('25-34');
  const trainingId = '2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182';
  const placementId = '3c4d5e6f-7081-4b92-8c3d-4e5f60718293';
  const householdId = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
  const sisterId = '6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  const supportId = '0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f';
  const minimumWage = { monthlyInr: 11000, state: 'West Bengal', skillLevel: 'semi-skilled', source: 'Labour Department notification 2025', effectiveFrom: '2025-01-01' };
  const ofPlan = { preventionPlanId: householdId, subject: 'household', personIds: [personId, sisterId] };
  const identifying = [
    personId,
    sisterId,
    householdId,
    trainingId,
    placementId,
    supportId,
    'Sonar',
    'Tailoring and garment making',
    'Jan Shikshan',
    'Labour Department',
    '9500',
    '11000',
    '2026-03-14',
    '2025-01-01',
    '10:22',
    'asha',
  ];
  /** Her record of an event, made on her timeline (a plan's event for her, though the plan is keyed by her household). */
  const herRecordOf = (type: string, data: Record<string, unknown>, summary = adult, subject = personId) => {
    const event = { ...envelope(type, data), subject } as AnyPillarEventEnvelope;
    expect(payloadProblems(type, data)).toEqual([]);
    const record = deidentify(event, describeEvent(event, personId).facts, summary, key, personId);
    if (record) expect(payloadProblems(analyticsEventTypes.pillarEventObserved, record)).toEqual([]);
    return record;
  };

  it.each([
    [livelihoodEventTypes.livelihoodPlanOpened, { personId, origin: 'care-plan', openedAt: '2026-03-14T10:22:33.000Z' }, { origin: 'care-plan' }],
    [
      livelihoodEventTypes.skillTrainingStarted,
      { personId, trainingId, training: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'U2V3aW5n', authTag: 'dGFn' }, skillLevel: 'semi-skilled', startedAt: '2026-03-14T10:22:33.000Z' },
      { skillLevel: 'semi-skilled' },
    ],
    [
      livelihoodEventTypes.skillTrainingStartedV1,
      { personId, trainingId, trade: 'Tailoring and garment making', provider: 'Jan Shikshan Sansthan', skillLevel: 'semi-skilled', startedAt: '2026-03-14T10:22:33.000Z' },
      { skillLevel: 'semi-skilled' },
    ],
    [
      livelihoodEventTypes.skillTrainingEnded,
      { personId, trainingId, outcome: 'completed', endedAt: '2026-03-14T10:22:33.000Z', certified: true },
      { outcome: 'completed', certified: true },
    ],
    [
      livelihoodEventTypes.placementStarted,
      {
        personId,
        placementId,
        kind: 'wage-employment',
        employerOrEnterprise: { keyId: personId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'U29uYXI=', authTag: 'dGFn' },
        sector: 'garments-and-tailoring',
        skillLevel: 'semi-skilled',
        state: 'West Bengal',
        startedAt: '2026-03-14T10:22:33.000Z',
        monthlyIncomeInr: 9500,
        minimumWage,
        sustainableWage: false,
      },
      { kind: 'wage-employment', sector: 'garments-and-tailoring', skillLevel: 'semi-skilled', placementState: 'West Bengal', incomeBand: '5000-to-9999', sustainableWage: false },
    ],
    [
      livelihoodEventTypes.incomeFollowedUp,
      { personId, placementId, at: '2026-03-14T10:22:33.000Z', monthlyIncomeInr: 12000, minimumWage, sustainableWage: true },
      { skillLevel: 'semi-skilled', incomeBand: '10000-to-14999', sustainableWage: true },
    ],
    [livelihoodEventTypes.placementLost, { personId, placementId, lostAt: '2026-03-14T10:22:33.000Z', reason: 'harassment-or-unsafe' }, { reason: 'harassment-or-unsafe' }],
    [livelihoodEventTypes.financialInclusionRecorded, { personId, kind: 'self-help-group', at: '2026-03-14T10:22:33.000Z' }, { kind: 'self-help-group' }],
    [livelihoodEventTypes.schemeLinkageRecorded, { personId, scheme: 'pmegp', stage: 'refused', at: '2026-03-14T10:22:33.000Z' }, { scheme: 'pmegp', stage: 'refused' }],
  ])('keeps only the coded facts of %s: no employer, trade, provider, ids, amounts or exact dates', (type, data, facts) => {
    const record = herRecordOf(type, data)!;
    expect(record).toMatchObject({ pseudonym: pseudonymOf(key, personId), tracked: true, pillar: 'livelihood', period: '2026-03' });
    expect(record.facts).toEqual(facts);
    const wire = JSON.stringify(record);
    for (const leak of identifying) expect(wire).not.toContain(leak);
  });

  it.each([
    [livelihoodEventTypes.preventionPlanOpened, { ...ofPlan, openedAt: '2026-03-14T10:22:33.000Z' }, { subject: 'household', peopleCovered: 2 }],
    [
      livelihoodEventTypes.preventionSupportRecorded,
      { ...ofPlan, supportId, kind: 'scheme-linkage', status: 'ongoing', startedAt: '2026-03-14T10:22:33.000Z', scheme: 'ration-card-pds' },
      { subject: 'household', kind: 'scheme-linkage', status: 'ongoing', scheme: 'ration-card-pds' },
    ],
    [
      livelihoodEventTypes.entryPrevented,
      { ...ofPlan, personId, followedSince: '2025-03-14T10:22:33.000Z', countedAt: '2026-03-14T10:22:33.000Z' },
      { subject: 'household', outcome: 'entry-prevented' },
    ],
    [
      livelihoodEventTypes.entryIntoExploitationRecorded,
      { ...ofPlan, personId, enteredAt: '2026-03-14T10:22:33.000Z', source: 'rescued', followedSince: '2025-03-14T10:22:33.000Z' },
      { subject: 'household', outcome: 'entered-exploitation', source: 'rescued' },
    ],
  ])('keeps only the coded facts of %s for the person it concerns: no plan, household, support or person ids, no dates', (type, data, facts) => {
    const record = herRecordOf(type, data, adult, householdId)!;
    expect(record.pseudonym).toBe(pseudonymOf(key, personId));
    expect(record.facts).toEqual(facts);
    const wire = JSON.stringify(record);
    for (const leak of [...identifying, '2025-03']) expect(wire).not.toContain(leak);
  });

  it('cannot follow a child at risk covered by a plan, and leaves out whoever withdrew her consent to research', () => {
    const data = { ...ofPlan, supportId, kind: 'education-support', status: 'ongoing', startedAt: '2026-03-14T10:22:33.000Z' };
    const child = herRecordOf(livelihoodEventTypes.preventionSupportRecorded, data, summaryOf('12-15'), householdId)!;
    expect(child.tracked).toBe(false);
    expect(child.pseudonym).not.toBe(pseudonymOf(key, personId));
    expect(child.district).toBeUndefined();
    expect(herRecordOf(livelihoodEventTypes.preventionSupportRecorded, data, summaryOf('25-34', 'withdrawn'), householdId)).toBeUndefined();
  });

  it.each([
    [0, 'none'],
    [4999, 'under-5000'],
    [5000, '5000-to-9999'],
    [10000, '10000-to-14999'],
    [15000, '15000-to-24999'],
    [25000, '25000-or-more'],
  ])('puts a monthly income of ₹%i in the band %s', (monthlyInr, band) => {
    expect(incomeBandOf(monthlyInr)).toBe(band);
  });
});
