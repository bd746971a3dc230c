import { randomBytes, randomUUID } from 'node:crypto';
import { EventEnvelope, intakeEventTypes, legalEventTypes, livelihoodEventTypes, rehabilitationEventTypes } from '@mukti/contracts';

/** The identifying text of one person's v1 events, each value unique to the test that made it. */
export interface TextRecordedInClear {
  villageOrWard: string;
  shelterName: string;
  trade: string;
  provider: string;
  employer: string;
  firNumber: string;
  policeStation: string;
}

export function textRecordedInClear(): TextRecordedInClear {
  const tag = randomBytes(4).toString('hex');
  return {
    villageOrWard: `Ward ${tag} of Kalighat`,
    shelterName: `Asha Niwas ${tag}`,
    trade: `Zari embroidery ${tag}`,
    provider: `Sewa Trust ${tag}`,
    employer: `Lakshmi Garments ${tag}`,
    firNumber: `FIR ${tag}/2024`,
    policeStation: `Sonagachi PS ${tag}`,
  };
}

const at = '2024-03-04T10:00:00.000Z';

function recorded(type: string, subject: string, data: unknown, source: string): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    source,
    subject,
    time: at,
    data,
    correlationId: randomUUID(),
    actor: { id: 'test-caseworker', role: 'caseworker' },
  } as unknown as EventEnvelope;
}

/**
 * One of each event that carried identifying text in clear before its kind was sealed (the v1s
 * that `npm run reseal` turns into v2s), about one person, her household and her case.
 */
export function eventsRecordedInClear(ids: { personId: string; householdId: string; caseId: string; trainingId?: string; placementId?: string }, text: TextRecordedInClear) {
  const { personId, householdId, caseId } = ids;
  const trainingId = ids.trainingId ?? randomUUID();
  const placementId = ids.placementId ?? randomUUID();
  return {
    householdRegistered: recorded(
      intakeEventTypes.householdRegisteredV1,
      householdId,
      { householdId, place: { state: 'West Bengal', district: 'Kolkata', villageOrWard: text.villageOrWard }, memberIds: [personId], registeredAt: at },
      '/mukti/intake',
    ),
    shelterAdmitted: recorded(
      rehabilitationEventTypes.shelterAdmittedV1,
      personId,
      { personId, shelter: { name: text.shelterName, kind: 'ngo', state: 'West Bengal', district: 'Kolkata' }, admittedAt: at },
      '/mukti/rehabilitation',
    ),
    shelterDischarged: recorded(
      rehabilitationEventTypes.shelterDischargedV1,
      personId,
      { personId, shelterName: text.shelterName, dischargedAt: '2024-06-04T10:00:00.000Z', reason: 'reintegrated-locally' },
      '/mukti/rehabilitation',
    ),
    skillTrainingStarted: recorded(
      livelihoodEventTypes.skillTrainingStartedV1,
      personId,
      { personId, trainingId, skillLevel: 'semi-skilled', startedAt: at, trade: text.trade, provider: text.provider },
      '/mukti/livelihood',
    ),
    placementStarted: recorded(
      livelihoodEventTypes.placementStartedV1,
      personId,
      {
        personId,
        placementId,
        kind: 'wage-employment',
        sector: 'garments-and-tailoring',
        skillLevel: 'semi-skilled',
        state: 'West Bengal',
        startedAt: at,
        monthlyIncomeInr: 12_000,
        minimumWage: { monthlyInr: 10_000, state: 'West Bengal', skillLevel: 'semi-skilled', source: 'WB notification 2024', effectiveFrom: '2024-01-01' },
        sustainableWage: true,
        employerOrEnterprise: text.employer,
      },
      '/mukti/livelihood',
    ),
    firRegistered: recorded(
      legalEventTypes.firRegisteredV1,
      caseId,
      {
        caseId,
        victimIds: [personId],
        sections: [{ act: 'itpa', section: '5' }],
        accusedIds: [],
        fir: { number: text.firNumber, policeStation: text.policeStation, district: 'Kolkata', state: 'West Bengal', registeredAt: at },
      },
      '/mukti/legal',
    ),
  };
}
