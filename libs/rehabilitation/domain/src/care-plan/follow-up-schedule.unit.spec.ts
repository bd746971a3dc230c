import { FOLLOW_UP_GRACE_DAYS, followUpDueDates, missedAfter } from './follow-up-schedule';

describe('reintegration follow-ups', () => {
  it('fall due every three months for two years: eight follow-ups, the last two years on', () => {
    const due = followUpDueDates('2026-01-15T10:00:00.000Z', 3, 24);
    expect(due).toEqual([
      '2026-04-15T10:00:00.000Z',
      '2026-07-15T10:00:00.000Z',
      '2026-10-15T10:00:00.000Z',
      '2027-01-15T10:00:00.000Z',
      '2027-04-15T10:00:00.000Z',
      '2027-07-15T10:00:00.000Z',
      '2027-10-15T10:00:00.000Z',
      '2028-01-15T10:00:00.000Z',
    ]);
  });

  it('count calendar months, falling on the last day of a shorter month and never drifting from the first date', () => {
    expect(followUpDueDates('2026-01-31T00:00:00.000Z', 1, 4)).toEqual([
      '2026-02-28T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z',
      '2026-04-30T00:00:00.000Z',
      '2026-05-31T00:00:00.000Z',
    ]);
    expect(followUpDueDates('2027-08-31T00:00:00.000Z', 6, 6)).toEqual(['2028-02-29T00:00:00.000Z']);
  });

  it('stop at the end of the period: a follow-up that would fall after it is not scheduled', () => {
    expect(followUpDueDates('2026-01-15T00:00:00.000Z', 5, 12)).toEqual(['2026-06-15T00:00:00.000Z', '2026-11-15T00:00:00.000Z']);
    expect(followUpDueDates('2026-01-15T00:00:00.000Z', 12, 12)).toEqual(['2027-01-15T00:00:00.000Z']);
  });

  it('are at least a month apart, in whole months', () => {
    expect(() => followUpDueDates('2026-01-15T00:00:00.000Z', 0, 12)).toThrow(RangeError);
    expect(() => followUpDueDates('2026-01-15T00:00:00.000Z', 1.5, 12)).toThrow(RangeError);
    expect(() => followUpDueDates('not a date', 3, 12)).toThrow(RangeError);
  });

  it(`count as missed ${FOLLOW_UP_GRACE_DAYS} days after they fall due`, () => {
    expect(FOLLOW_UP_GRACE_DAYS).toBe(14);
    expect(missedAfter('2026-04-15T10:00:00.000Z')).toBe('2026-04-29T10:00:00.000Z');
    expect(missedAfter('2026-12-25T00:00:00Z')).toBe('2027-01-08T00:00:00.000Z');
  });
});
