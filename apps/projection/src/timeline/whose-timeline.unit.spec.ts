import { AnyPillarEventEnvelope, intakeEventTypes, legalEventTypes, livelihoodEventTypes } from '@mukti/contracts';
import { entryIdOf, FannedOutEventEnvelope, peopleConcernedBy, subjectOf, timelinesOf } from './whose-timeline';

const priya = '5b0a1b8e-2f4c-4d6e-8a9b-0c1d2e3f4a5b';
const lata = '6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const householdId = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
const envelope = (type: string, subject: string, data: Record<string, unknown>) =>
  ({ id: 'e1', type, source: '/mukti/livelihood', subject, time: '2026-03-14T10:00:00.000Z', data, correlationId: 'c', actor: { id: 'kiran', role: 'livelihood-officer' } }) as AnyPillarEventEnvelope;

describe('whose timeline an event goes on', () => {
  it('knows a household\'s events and a prevention plan\'s from a person\'s', () => {
    expect(subjectOf(intakeEventTypes.householdRegistered)).toBe('household');
    expect(subjectOf(livelihoodEventTypes.preventionSupportRecorded)).toBe('prevention-plan');
    expect(subjectOf(livelihoodEventTypes.placementStarted)).toBe('person');
  });

  it('puts a prevention plan\'s event on everyone it covers, and counts an entry for the person it names', () => {
    const ofPlan = { preventionPlanId: householdId, subject: 'household', personIds: [priya, lata] };
    const opened = envelope(livelihoodEventTypes.preventionPlanOpened, householdId, { ...ofPlan, openedAt: '2026-03-14T10:00:00.000Z' }) as FannedOutEventEnvelope;
    expect(timelinesOf(opened)).toEqual([priya, lata]);
    expect(peopleConcernedBy(opened)).toEqual([priya, lata]);
    const entered = envelope(livelihoodEventTypes.entryIntoExploitationRecorded, householdId, {
      ...ofPlan,
      personId: lata,
      enteredAt: '2026-03-14T10:00:00.000Z',
      source: 'recorded',
      followedSince: '2025-03-14T10:00:00.000Z',
    }) as FannedOutEventEnvelope;
    expect(timelinesOf(entered)).toEqual([priya, lata]);
    expect(peopleConcernedBy(entered)).toEqual([lata]);
  });

  it('keys her entry of her own event by the event, and of a case\'s or plan\'s event by the event and her, even a plan keyed by her id', () => {
    expect(entryIdOf({ id: 'e1', type: livelihoodEventTypes.placementStarted }, priya)).toBe('e1');
    expect(entryIdOf({ id: 'e1', type: legalEventTypes.accusedArrested }, priya)).toBe(`e1:${priya}`);
    expect(entryIdOf({ id: 'e1', type: livelihoodEventTypes.preventionPlanOpened }, priya)).toBe(`e1:${priya}`);
  });
});
