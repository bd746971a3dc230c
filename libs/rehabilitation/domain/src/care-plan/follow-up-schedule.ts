/**
 * When a survivor's reintegration follow-ups fall due, and when a follow-up not held counts as
 * missed. Calendar months in UTC: a follow-up due a month after 31 January falls on the last day
 * of February, not in March.
 */
import { addCalendarMonths, DAY_MS } from '@mukti/decider';

/** A follow-up not held this many days after its due date is missed: an open alert until held. */
export const FOLLOW_UP_GRACE_DAYS = 14;

/**
 * The follow-ups due every `everyMonths` months after `from`, for `forMonths` months:
 * from + every, from + 2 × every, ... up to from + forMonths (every 3 for 24 is 8 follow-ups).
 */
export function followUpDueDates(from: string, everyMonths: number, forMonths: number): string[] {
  if (!Number.isInteger(everyMonths) || everyMonths < 1) throw new RangeError('follow-ups are at least a month apart, in whole months');
  if (!Number.isInteger(forMonths) || forMonths < 0) throw new RangeError('follow-ups run for a whole number of months');
  const start = new Date(from);
  if (Number.isNaN(start.getTime())) throw new RangeError(`"${from}" is not a date`);
  const count = Math.floor(forMonths / everyMonths);
  return Array.from({ length: count }, (_, index) => addCalendarMonths(from, (index + 1) * everyMonths));
}

/** When a follow-up due at `dueAt` and not held counts as missed: the grace period after it. */
export function missedAfter(dueAt: string): string {
  return new Date(Date.parse(dueAt) + FOLLOW_UP_GRACE_DAYS * DAY_MS).toISOString();
}
