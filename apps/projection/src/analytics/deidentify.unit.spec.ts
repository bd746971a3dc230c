import {
  analyticsEventTypes,
  AnyPillarEventEnvelope,
  intakeEventTypes,
  payloadProblems,
  rehabilitationEventTypes,
  rescueEventTypes,
} from '@mukti/contracts';
import { describeEvent } from '../timeline/describe-event';
import { summarisePerson } from '../timeline/person-summary';
import { deidentify, pseudonymOf } from './deidentify';

const personId = '5b0a1b8e-2f4c-4d6e-8a9b-0c1d2e3f4a5b';
const key = 'a-test-pseudonym-key';
const envelope = (type: string, data: unknown, time = '2026-03-14T10:22:33.000Z') =>
  ({ id: 'e1', type, source: '/mukti/intake', subject: personId, time, data, correlationId: 'c', actor: { id: 'asha', role: 'caseworker' } }) as AnyPillarEventEnvelope;

const summaryOf = (ageBand: string, research?: 'granted' | 'withdrawn') =>
  summarisePerson(personId, [
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
