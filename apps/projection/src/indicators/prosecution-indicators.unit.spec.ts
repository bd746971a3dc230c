import { AnyPillarEventEnvelope, legalEventTypes, perpetratorCategories } from '@mukti/contracts';
import { ProfiledPerpetrator, prosecutionCaseOf } from '../prosecution/prosecution-read-model';
import { describeEvent } from '../timeline/describe-event';
import type { SummarisedEntry } from '../timeline/person-summary';
import { isCaseEventType } from '../timeline/whose-timeline';
import { prosecutionIndicators } from './prosecution-indicators';

let sequence = 0;
const id = (prefix: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String((sequence += 1)).padStart(12, '0')}`;
const victimId = id(9);
const event = (type: string, subject: string, time: string, data: Record<string, unknown>) =>
  ({ id: id(1), type, source: '/mukti/legal', subject, time, data, correlationId: 'c', actor: { id: 'lawyer', role: 'legal-officer' } }) as AnyPillarEventEnvelope;

// Perpetrators, as legal profiles them: personal data sealed, never read here.
const profiled = (category: string, beneficiary: 'direct' | 'indirect') => {
  const perpetratorId = id(2);
  return {
    perpetratorId,
    event: event(legalEventTypes.perpetratorProfiled, perpetratorId, '2026-01-01T00:00:00.000Z', {
      perpetratorId,
      category,
      beneficiary,
      personalData: { keyId: perpetratorId, algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'U2hhbmthcg==', authTag: 'dGFn' },
      knownPlaces: [{ state: 'Maharashtra', district: 'Mumbai' }],
      profiledAt: '2026-01-01T00:00:00.000Z',
    }),
  };
};
const keeper = profiled('brothel-keeper', 'direct');
const lodgeOwner = profiled('hotel-or-lodge-owner', 'indirect');
const buyer = profiled('buyer', 'direct');
const trafficker = profiled('trafficker', 'direct');
const transporter = profiled('transporter', 'indirect');
const notProfiledYet = id(2);
const kingpinAtLarge = id(2);
const profiles = [keeper, lodgeOwner, buyer, trafficker, transporter].map((perpetrator) => perpetrator.event);

/** One case's events, in the words staff would use: FIR, then whatever happened to it. */
function aCase(state: string, accusedIds: string[], mainAccusedId: string | undefined) {
  const caseId = id(3);
  const events: AnyPillarEventEnvelope[] = [];
  let day = 1;
  const on = () => `2026-03-${String((day += 1)).padStart(2, '0')}T10:00:00.000Z`;
  const ofCase = (type: string, data: Record<string, unknown>) => {
    const time = on();
    events.push(event(type, caseId, time, { caseId, victimIds: [victimId], ...data }));
    return time;
  };
  ofCase(legalEventTypes.firRegistered, {
    fir: { policeStation: 'Kamathipura', district: 'Mumbai', state, number: `${sequence}/2026`, registeredAt: '2026-03-01T10:00:00.000Z' },
    sections: [{ act: 'itpa', section: '5' }],
    accusedIds,
    ...(mainAccusedId ? { mainAccusedId } : {}),
  });
  const steps = {
    arrested: (perpetratorId: string) => (ofCase(legalEventTypes.accusedArrested, { perpetratorId, arrestedAt: '2026-03-01T10:00:00.000Z' }), steps),
    absconding: (perpetratorId: string) => (ofCase(legalEventTypes.accusedAbsconding, { perpetratorId, declaredAt: '2026-03-01T10:00:00.000Z' }), steps),
    named: (perpetratorId: string, main: boolean) => (ofCase(legalEventTypes.accusedNamed, { perpetratorId, main, namedAt: '2026-03-01T10:00:00.000Z' }), steps),
    chargeSheetFiled: () => (ofCase(legalEventTypes.chargeSheetFiled, { filedAt: '2026-03-01T10:00:00.000Z', sections: [{ act: 'itpa', section: '5' }], accusedIds, daysAfterFir: 40 }), steps),
    heard: () => (ofCase(legalEventTypes.hearingRecorded, { heldAt: '2026-03-01T10:00:00.000Z', court: 'sessions-court', stage: 'prosecution-evidence' }), steps),
    verdict: (perpetratorId: string, outcome: 'convicted' | 'acquitted') =>
      (ofCase(legalEventTypes.verdictRecorded, { perpetratorId, outcome, decidedAt: '2026-03-01T10:00:00.000Z', court: 'sessions-court' }), steps),
    closed: () => (ofCase(legalEventTypes.caseClosed, { closedAt: '2026-03-01T10:00:00.000Z', reason: 'verdicts-final' }), steps),
    events,
  };
  return steps;
}

/** The read model the projection keeps from these events (as its store does), and the indicators computed from it. */
function indicatorsGiven(...events: AnyPillarEventEnvelope[]) {
  const byCase = new Map<string, SummarisedEntry[]>();
  const perpetrators: ProfiledPerpetrator[] = [];
  for (const happened of events) {
    if (happened.type === legalEventTypes.perpetratorProfiled) {
      const { perpetratorId, category, beneficiary } = happened.data;
      perpetrators.push({ perpetratorId, category, beneficiary });
    } else if (isCaseEventType(happened.type)) {
      const caseId = happened.subject;
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), { eventId: happened.id, type: happened.type, occurredAt: new Date(happened.time), facts: describeEvent(happened).facts }]);
    }
  }
  return prosecutionIndicators(
    [...byCase].map(([caseId, entries]) => prosecutionCaseOf(caseId, entries)),
    perpetrators,
  );
}
const noneByCategory = Object.fromEntries([...perpetratorCategories, 'unknown'].map((category) => [category, 0]));
const noneByStage = { 'fir-registered': 0, 'charge-sheet-filed': 0, trial: 0, verdict: 0, closed: 0 };

describe('prosecution indicators', () => {
  // Maharashtra: a brothel raid (keeper arrested and convicted, the buyer acquitted, the lodge owner awaiting his verdict),
  // and a trafficker on the run. West Bengal: a case on trial whose kingpin is not among the accused, and the same lodge
  // owner convicted in a case now closed. Bihar: a buyer named the main accused and never arrested.
  const brothelRaid = aCase('Maharashtra', [keeper.perpetratorId, lodgeOwner.perpetratorId, buyer.perpetratorId], keeper.perpetratorId)
    .arrested(keeper.perpetratorId)
    .chargeSheetFiled()
    .heard()
    .verdict(keeper.perpetratorId, 'convicted')
    .verdict(buyer.perpetratorId, 'acquitted');
  const traffickerOnTheRun = aCase('Maharashtra', [trafficker.perpetratorId], trafficker.perpetratorId).absconding(trafficker.perpetratorId);
  const onTrial = aCase('West Bengal', [transporter.perpetratorId, notProfiledYet], kingpinAtLarge).chargeSheetFiled().heard();
  const lodgeClosed = aCase('West Bengal', [lodgeOwner.perpetratorId], lodgeOwner.perpetratorId)
    .arrested(lodgeOwner.perpetratorId)
    .chargeSheetFiled()
    .verdict(lodgeOwner.perpetratorId, 'convicted')
    .closed();
  const buyerAtLarge = aCase('Bihar', [buyer.perpetratorId], buyer.perpetratorId);
  const everything = [...profiles, ...brothelRaid.events, ...traffickerOnTheRun.events, ...onTrial.events, ...lodgeClosed.events, ...buyerAtLarge.events];

  it('count cases by stage, the charge-sheet and conviction rates, the accused by what they are, and the kingpins not arrested', () => {
    const indicators = indicatorsGiven(...everything);
    expect(indicators.cases).toEqual({ registered: 5, byStage: { 'fir-registered': 2, 'charge-sheet-filed': 0, trial: 1, verdict: 1, closed: 1 } });
    expect(indicators.chargeSheets).toEqual({ filed: 3, casesRegistered: 5, rate: 0.6 });
    expect(indicators.convictions).toEqual({ convicted: 2, acquitted: 1, accusedWithVerdict: 3, rate: 0.667 });
    expect(indicators.accused).toEqual({
      total: 8,
      byBeneficiary: { direct: 2, buyers: 2, indirect: 3, unknown: 1 },
      byCategory: { ...noneByCategory, 'brothel-keeper': 1, 'hotel-or-lodge-owner': 2, buyer: 2, trafficker: 1, transporter: 1, unknown: 1 },
    });
    expect(indicators.mainAccusedNotArrested).toEqual({ total: 3, neverNamed: 1, absconding: 1, notArrested: 1 });
  });

  it('break every number down by the state of the FIR', () => {
    const { byState } = indicatorsGiven(...everything);
    expect(Object.keys(byState)).toEqual(['Bihar', 'Maharashtra', 'West Bengal']);
    expect(byState['Maharashtra']).toEqual({
      cases: { registered: 2, byStage: { ...noneByStage, 'fir-registered': 1, verdict: 1 } },
      chargeSheets: { filed: 1, casesRegistered: 2, rate: 0.5 },
      convictions: { convicted: 1, acquitted: 1, accusedWithVerdict: 2, rate: 0.5 },
      accused: {
        total: 4,
        byBeneficiary: { direct: 2, buyers: 1, indirect: 1, unknown: 0 },
        byCategory: { ...noneByCategory, 'brothel-keeper': 1, 'hotel-or-lodge-owner': 1, buyer: 1, trafficker: 1 },
      },
      mainAccusedNotArrested: { total: 1, neverNamed: 0, absconding: 1, notArrested: 0 },
    });
    expect(byState['West Bengal']).toMatchObject({
      cases: { registered: 2, byStage: { ...noneByStage, trial: 1, closed: 1 } },
      chargeSheets: { rate: 1 },
      convictions: { convicted: 1, acquitted: 0, rate: 1 },
      accused: { total: 3, byBeneficiary: { direct: 0, buyers: 0, indirect: 2, unknown: 1 } },
      mainAccusedNotArrested: { total: 1, neverNamed: 1, absconding: 0, notArrested: 0 },
    });
    expect(byState['Bihar']).toMatchObject({
      chargeSheets: { filed: 0, casesRegistered: 1, rate: 0 },
      convictions: { accusedWithVerdict: 0, rate: null },
      accused: { byBeneficiary: { buyers: 1 } },
      mainAccusedNotArrested: { total: 1, notArrested: 1 },
    });
  });

  it('carry numbers only: no case, perpetrator or victim id, FIR number, police station or anything sealed', () => {
    const wire = JSON.stringify(indicatorsGiven(...everything));
    const ids = [victimId, kingpinAtLarge, notProfiledYet, ...[keeper, lodgeOwner, buyer, trafficker, transporter].map((perpetrator) => perpetrator.perpetratorId)];
    for (const leak of [...ids, ...everything.map((happened) => happened.subject), '/2026', 'Kamathipura', 'Mumbai', 'U2hhbmthcg==']) expect(wire).not.toContain(leak);
  });

  it('take a kingpin named at last and arrested off the escaped, and one who fled after his arrest back on', () => {
    const namedAtLast = aCase('Goa', [transporter.perpetratorId], kingpinAtLarge);
    expect(indicatorsGiven(...namedAtLast.events).mainAccusedNotArrested).toEqual({ total: 1, neverNamed: 1, absconding: 0, notArrested: 0 });
    namedAtLast.named(kingpinAtLarge, true);
    expect(indicatorsGiven(...namedAtLast.events).mainAccusedNotArrested).toEqual({ total: 1, neverNamed: 0, absconding: 0, notArrested: 1 });
    namedAtLast.arrested(kingpinAtLarge);
    expect(indicatorsGiven(...namedAtLast.events).mainAccusedNotArrested.total).toBe(0);
    namedAtLast.absconding(kingpinAtLarge);
    expect(indicatorsGiven(...namedAtLast.events).mainAccusedNotArrested).toEqual({ total: 1, neverNamed: 0, absconding: 1, notArrested: 0 });
  });

  it('are all zero, with no rate, before any case', () => {
    expect(indicatorsGiven(...profiles)).toEqual({
      cases: { registered: 0, byStage: noneByStage },
      chargeSheets: { filed: 0, casesRegistered: 0, rate: null },
      convictions: { convicted: 0, acquitted: 0, accusedWithVerdict: 0, rate: null },
      accused: { total: 0, byBeneficiary: { direct: 0, buyers: 0, indirect: 0, unknown: 0 }, byCategory: noneByCategory },
      mainAccusedNotArrested: { total: 0, neverNamed: 0, absconding: 0, notArrested: 0 },
      byState: {},
    });
  });
});
