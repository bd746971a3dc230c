import type { AgeBand } from '@mukti/contracts';

/**
 * What intake knows of her age: a birth date, a birth year, or an age as stated or estimated on
 * a day (`statedOn`; without it, an age that never moves). Kept by intake only; every other
 * service knows her band.
 */
export interface AgeEvidence {
  birthDate?: string;
  birthYear?: number;
  age?: number;
  /** The day the age was stated or estimated (YYYY-MM-DD): she is a year older on each anniversary. */
  statedOn?: string;
}

const dateParts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** Whole years from a day (YYYY-MM-DD) to `today`. */
function yearsSince(date: string, today: Date): number {
  const [year, month, day] = dateParts(date);
  const beforeAnniversary = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return today.getUTCFullYear() - year - (beforeAnniversary ? 1 : 0);
}

/** Age in whole years on a day, from the best evidence at hand: birth date, then birth year, then stated age. */
export function ageOn(evidence: AgeEvidence, today: Date): number | undefined {
  if (evidence.birthDate) return yearsSince(evidence.birthDate, today);
  // With only a year, assume the birthday has not come yet: the younger reading protects a child.
  if (evidence.birthYear !== undefined) return Math.max(0, today.getUTCFullYear() - evidence.birthYear - 1);
  if (evidence.age === undefined) return undefined;
  // She was this age on that day, perhaps only just: a year older on each anniversary of it (the younger reading again).
  return evidence.statedOn ? evidence.age + Math.max(0, yearsSince(evidence.statedOn, today)) : evidence.age;
}

/** The band used everywhere outside intake; its edges are the legal ones (16 under ITPA, 18 under JJ Act and POCSO). */
export function ageBandOf(age: number | undefined): AgeBand {
  if (age === undefined || age < 0) return 'unknown';
  if (age < 12) return '0-11';
  if (age < 16) return '12-15';
  if (age < 18) return '16-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 50) return '35-49';
  return '50+';
}

/**
 * The first day after `after` on which her band moves on, or undefined if it never will (her
 * age unknown, or 50+). Ages change only on the anniversaries of what the evidence counts from:
 * her birthday, 1 January for a birth year, the day an age was stated.
 */
export function ageBandChangesOn(evidence: AgeEvidence, after: Date): Date | undefined {
  const current = ageBandOf(ageOn(evidence, after));
  if (current === 'unknown' || current === '50+') return undefined;
  const anchor = evidence.birthDate ?? evidence.statedOn;
  const [, month, day] = anchor ? dateParts(anchor) : [0, 1, 1];
  if (!anchor && evidence.birthYear === undefined) return undefined;
  for (let year = after.getUTCFullYear(); year <= after.getUTCFullYear() + 51; year += 1) {
    // A 29 February anniversary falls on 1 March in other years (Date.UTC rolls it over).
    const candidate = new Date(Date.UTC(year, month - 1, day));
    if (candidate <= after) continue;
    if (ageBandOf(ageOn(evidence, candidate)) !== current) return candidate;
  }
  return undefined;
}
