import type { AgeBand } from '@mukti/contracts';

export interface AgeEvidence {
  birthDate?: string;
  birthYear?: number;
  age?: number;
}

/** Age in whole years on a day, from the best evidence at hand: birth date, then birth year, then stated age. */
export function ageOn(evidence: AgeEvidence, today: Date): number | undefined {
  if (evidence.birthDate) {
    const [year, month, day] = evidence.birthDate.split('-').map(Number);
    const beforeBirthday =
      today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
    return today.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
  }
  // With only a year, assume the birthday has not come yet: the younger reading protects a child.
  if (evidence.birthYear !== undefined) return Math.max(0, today.getUTCFullYear() - evidence.birthYear - 1);
  return evidence.age;
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

