/** A day, in milliseconds: for deadlines counted in days (24 hours, a charge sheet's 60 days). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** `months` calendar months after `at` (UTC), the day kept or, past the month's end, its last day. */
export function addCalendarMonths(at: string, months: number): string {
  const date = new Date(at);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(year, month, Math.min(date.getUTCDate(), lastDayOfMonth), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()),
  ).toISOString();
}
