import type { MinimumWage, SkillLevel } from '@mukti/contracts';
import { minimumWageFor, minimumWageEntries } from '@mukti/livelihood-domain';

export const MINIMUM_WAGES = Symbol('MINIMUM_WAGES');

/** The minimum wages on file (minimum-wages.json, with each figure's source and date), as the service looks them up. */
export class MinimumWageTable {
  constructor(private readonly entries = minimumWageEntries) {}

  /** The wage in force in that state, for that skill level, on that day; undefined when none is on file. */
  applicable(state: string, skillLevel: SkillLevel, on: string): MinimumWage | undefined {
    return minimumWageFor(this.entries, state, skillLevel, on);
  }
}
