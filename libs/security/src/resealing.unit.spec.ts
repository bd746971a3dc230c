import { randomUUID } from 'node:crypto';
import { payloadProblems, SealedPersonalData } from '@mukti/contracts';
import { eventsRecordedInClear, textRecordedInClear } from '@mukti/testing';
import { isRecordedInClear, Keyholders, recordedInClear, resealedEvent, resealedState, topicsToReseal } from './resealing';

/** Seals by writing down who sealed what: the test reads it back without a key. */
function keyholders() {
  const seal = (holder: string) => async (keyId: string, value: object, purpose: string): Promise<SealedPersonalData> => ({
    keyId,
    algorithm: 'AES-256-GCM',
    iv: 'aXY=',
    ciphertext: Buffer.from(JSON.stringify({ holder, purpose, value })).toString('base64'),
    authTag: 'dGFn',
  });
  return { intake: seal('intake'), legal: seal('legal') } satisfies Keyholders;
}
const opened = (sealed: SealedPersonalData) => ({ keyId: sealed.keyId, ...JSON.parse(Buffer.from(sealed.ciphertext, 'base64').toString()) });

describe('resealing the events recorded in clear', () => {
  const personId = randomUUID();
  const householdId = randomUUID();
  const caseId = randomUUID();
  const text = textRecordedInClear();
  const events = eventsRecordedInClear({ personId, householdId, caseId }, text);

  it('knows the six v1 events that carried identifying text, each replaced by a v2 of the same fact', () => {
    expect(Object.keys(recordedInClear)).toHaveLength(6);
    for (const [v1, v2] of Object.entries(recordedInClear)) {
      expect(v1.endsWith('.v1')).toBe(true);
      expect(v2).toBe(v1.replace(/\.v1$/, '.v2'));
    }
    expect(isRecordedInClear(events.firRegistered.type)).toBe(true);
    expect(isRecordedInClear('org.mukti.legal.fir-registered.v2')).toBe(false);
    expect(isRecordedInClear(undefined)).toBe(false);
    for (const event of Object.values(events)) expect(payloadProblems(event.type, event.data)).toEqual([]);
  });

  it.each(Object.keys(events) as (keyof typeof events)[])('turns %s.v1 into a valid v2 with no text in clear', async (name) => {
    const event = events[name];
    const resealed = await resealedEvent(event.type, event.data, keyholders());
    expect(resealed.type).toBe(recordedInClear[event.type]);
    expect(payloadProblems(resealed.type, resealed.data)).toEqual([]);
    const written = JSON.stringify(resealed.data);
    for (const value of Object.values(text)) expect(written).not.toContain(value);
  });

  it('seals each text with the key and for the purpose it is sealed with today', async () => {
    const keys = keyholders();
    const household = (await resealedEvent(events.householdRegistered.type, events.householdRegistered.data, keys)).data as { villageOrWard: SealedPersonalData; place: object };
    expect(opened(household.villageOrWard)).toEqual({ keyId: householdId, holder: 'intake', purpose: 'household-place', value: { text: text.villageOrWard } });
    expect(household.place).toEqual({ state: 'West Bengal', district: 'Kolkata' });
    const shelter = (await resealedEvent(events.shelterAdmitted.type, events.shelterAdmitted.data, keys)).data as { shelter: { name: SealedPersonalData; kind: string } };
    expect(opened(shelter.shelter.name)).toEqual({ keyId: personId, holder: 'intake', purpose: 'shelter-name', value: { text: text.shelterName } });
    expect(shelter.shelter.kind).toBe('ngo');
    const training = (await resealedEvent(events.skillTrainingStarted.type, events.skillTrainingStarted.data, keys)).data as { training: SealedPersonalData };
    expect(opened(training.training)).toEqual({ keyId: personId, holder: 'intake', purpose: 'skill-training', value: { text: JSON.stringify({ trade: text.trade, provider: text.provider }) } });
    const placement = (await resealedEvent(events.placementStarted.type, events.placementStarted.data, keys)).data as { employerOrEnterprise: SealedPersonalData; monthlyIncomeInr: number };
    expect(opened(placement.employerOrEnterprise)).toEqual({ keyId: personId, holder: 'intake', purpose: 'employer', value: { text: text.employer } });
    expect(placement.monthlyIncomeInr).toBe(12_000);
    const fir = (await resealedEvent(events.firRegistered.type, events.firRegistered.data, keys)).data as { fir: { numberAndStation: SealedPersonalData; district: string } };
    expect(opened(fir.fir.numberAndStation)).toEqual({ keyId: caseId, holder: 'legal', purpose: 'fir-details', value: { number: text.firNumber, policeStation: text.policeStation } });
    expect(fir.fir.district).toBe('Kolkata');
    const discharged = (await resealedEvent(events.shelterDischarged.type, events.shelterDischarged.data, keys)).data;
    expect(discharged).toEqual({ personId, dischargedAt: '2024-06-04T10:00:00.000Z', reason: 'reintegrated-locally' });
  });

  it('refuses an event that carries no text in clear, and one that would not be a valid v2', async () => {
    await expect(resealedEvent('org.mukti.legal.fir-registered.v2', {}, keyholders())).rejects.toThrow('carries no text in clear');
    const broken = { ...(events.placementStarted.data as object), sector: 'smuggling' };
    await expect(resealedEvent(events.placementStarted.type, broken, keyholders())).rejects.toThrow('could not be resealed');
  });
});

describe('resealing the states stored from them', () => {
  const personId = randomUUID();
  const caseId = randomUUID();

  it("seals an open case's FIR, and leaves a sealed one as it is (the same object)", async () => {
    const state = { status: 'open', caseId, fir: { number: 'FIR 12/2024', policeStation: 'Sonagachi PS', district: 'Kolkata', state: 'West Bengal', registeredAt: '2024-03-04T10:00:00.000Z' } };
    const resealed = await resealedState['cases']!(state, keyholders());
    const fir = resealed['fir'] as { numberAndStation: SealedPersonalData };
    expect(fir).toEqual({ district: 'Kolkata', state: 'West Bengal', registeredAt: '2024-03-04T10:00:00.000Z', numberAndStation: expect.any(Object) });
    expect(opened(fir.numberAndStation).value).toEqual({ number: 'FIR 12/2024', policeStation: 'Sonagachi PS' });
    expect(await resealedState['cases']!(resealed, keyholders())).toBe(resealed);
    const none = { status: 'none' };
    expect(await resealedState['cases']!(none, keyholders())).toBe(none);
  });

  it("seals a livelihood plan's employers and trainings, those stored before a training was one value too", async () => {
    const state = {
      status: 'open',
      personId,
      placements: { p1: { sector: 'retail', employerOrEnterprise: 'Lakshmi Garments' }, p2: { sector: 'retail' } },
      trainings: {
        t1: { training: { trade: 'Tailoring', provider: 'Sewa Trust' }, skillLevel: 'skilled' },
        t0: { trade: 'Zari', provider: 'Old Trust', skillLevel: 'unskilled' },
      },
    };
    const resealed = await resealedState['livelihood_plans']!(state, keyholders());
    const written = JSON.stringify(resealed);
    for (const value of ['Lakshmi Garments', 'Tailoring', 'Sewa Trust', 'Zari', 'Old Trust']) expect(written).not.toContain(value);
    const placements = resealed['placements'] as Record<string, { employerOrEnterprise?: SealedPersonalData; sector: string }>;
    expect(opened(placements['p1']!.employerOrEnterprise!)).toMatchObject({ keyId: personId, purpose: 'employer', value: { text: 'Lakshmi Garments' } });
    expect(placements['p2']).toEqual({ sector: 'retail' });
    const trainings = resealed['trainings'] as Record<string, { training: SealedPersonalData; skillLevel: string }>;
    expect(opened(trainings['t0']!.training).value).toEqual({ text: JSON.stringify({ trade: 'Zari', provider: 'Old Trust' }) });
    expect(trainings['t0']!.skillLevel).toBe('unskilled');
    expect(Object.keys(trainings['t0']!)).toEqual(['skillLevel', 'training']);
    expect(opened(trainings['t1']!.training).value).toEqual({ text: JSON.stringify({ trade: 'Tailoring', provider: 'Sewa Trust' }) });
    expect(await resealedState['livelihood_plans']!(resealed, keyholders())).toBe(resealed);
  });
});

describe('the topics to reseal', () => {
  it("are the pillars' topics, every dead-letter and redrive topic, and any a stopped run was rewriting", () => {
    const existing = [
      'mukti.audit.v1',
      'mukti.analytics.v1',
      'mukti.intake.events.v1',
      'mukti.legal.events.v1',
      'mukti.rescue.events.v1',
      'mukti.projection.dead-letters.v1',
      'mukti.legal.redrive.v1',
      'mukti.livelihood.events.v1.rewrite-journal',
      'mukti.livelihood.events.v1.rewrite-holding',
    ];
    expect(topicsToReseal(existing)).toEqual([
      'mukti.intake.events.v1',
      'mukti.legal.events.v1',
      'mukti.legal.redrive.v1',
      'mukti.projection.dead-letters.v1',
      'mukti.livelihood.events.v1',
    ]);
  });
});
