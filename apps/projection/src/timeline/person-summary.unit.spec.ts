import { intakeEventTypes } from '@mukti/contracts';
import { summarisePerson, SummarisedEntry } from './person-summary';

const entry = (eventId: string, type: string, occurredAt: string, facts: Record<string, unknown>): SummarisedEntry => ({
  eventId,
  type,
  occurredAt: new Date(occurredAt),
  facts,
});

const registered = entry('e1', intakeEventTypes.personRegistered, '2026-01-01T09:00:00Z', {
  role: 'survivor',
  gender: 'female',
  ageBand: '16-17',
  origin: { state: 'Bihar', district: 'Araria' },
});
const granted = entry('e2', intakeEventTypes.consentRecorded, '2026-01-02T09:00:00Z', { scope: 'research', decision: 'granted' });
const withdrawn = entry('e3', intakeEventTypes.consentRecorded, '2026-01-03T09:00:00Z', { scope: 'research', decision: 'withdrawn' });
const assessed = entry('e4', intakeEventTypes.vulnerabilityAssessed, '2026-01-02T10:00:00Z', { level: 'high', score: 7 });

describe('a person summary', () => {
  it('shows the intake pillar as registered, with the latest consent per scope and the latest assessment', () => {
    expect(summarisePerson('p', [registered, granted, withdrawn, assessed]).pillars.intake).toEqual({
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

  it('is the same whatever order the events arrived in', () => {
    const inOrder = summarisePerson('p', [registered, granted, assessed, withdrawn]);
    expect(summarisePerson('p', [withdrawn, assessed, granted, registered])).toEqual(inOrder);
  });

  it('says so when her registration has not arrived yet', () => {
    const summary = summarisePerson('p', [granted]);
    expect(summary.pillars.intake.status).toBe('not-registered-yet');
    expect(summary.pillars.intake.consents).toEqual({ research: 'granted' });
    expect(summary.lastEventAt).toBe('2026-01-02T09:00:00.000Z');
  });
});
