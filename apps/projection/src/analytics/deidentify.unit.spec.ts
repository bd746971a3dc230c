import { AnyPillarEventEnvelope, intakeEventTypes } from '@mukti/contracts';
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
