import { monthStamp } from './analytics-stream';

describe('the time an analytics record carries', () => {
  it('is the first instant (UTC) of the month the record names', () => {
    const now = new Date('2026-05-20T08:30:12.345Z');
    expect(monthStamp('2026-02', now).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(monthStamp('2025-12', now).toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(monthStamp('2026-05', now).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('is the current month for a month still ahead of the clock, never a time the broker would refuse', () => {
    expect(monthStamp('2026-07', new Date('2026-05-20T08:30:12.345Z')).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });
});
