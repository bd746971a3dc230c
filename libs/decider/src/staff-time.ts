import { DomainError } from './domain-error';

/** Clocks on phones and laptops drift: a time up to five minutes ahead is still "now". */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A time staff give (when something happened) may not be later than now, give or take that drift: a 422 naming the field. */
export function assertNotInFuture(field: string, time: string, now: string): void {
  if (Date.parse(time) > Date.parse(now) + ALLOWED_CLOCK_SKEW_MS) {
    throw DomainError.ruleViolated(`${field} is in the future`, { field });
  }
}
