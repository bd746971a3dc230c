/**
 * The minimum wages a survivor's pay is compared with: by state and skill level, each with the
 * notification it comes from and the day it took effect (minimum-wages.json, reviewed by hand
 * against the current notifications). Revisions are added as new entries, never edited over,
 * so a placement started in 2025 is still compared with the wage in force in 2025.
 */
import { MinimumWage, SkillLevel, skillLevels } from '@mukti/contracts';
import table from './minimum-wages.json';

/** Indian Standard Time, UTC+05:30: the notifications' dates are Indian calendar days. */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE.test(value) && new Date(`${value}T00:00:00.000Z`).toISOString().slice(0, 10) === value;

/** The table's entries, checked: a malformed entry stops the service at start-up rather than mislead anyone. */
export function loadMinimumWages(data: { entries: readonly Record<string, unknown>[] }): MinimumWage[] {
  return data.entries.map((entry, index) => {
    const { state, skillLevel, monthlyInr, source, effectiveFrom } = entry;
    const wrong = (field: string) => new Error(`minimum wage entry ${index} (${String(state)}, ${String(skillLevel)}): ${field} is not valid`);
    if (typeof state !== 'string' || state.trim().length < 2) throw wrong('state');
    if (!skillLevels.includes(skillLevel as SkillLevel)) throw wrong('skillLevel');
    if (typeof monthlyInr !== 'number' || !Number.isInteger(monthlyInr) || monthlyInr < 1) throw wrong('monthlyInr');
    if (typeof source !== 'string' || source.trim() === '') throw wrong('source');
    if (!isDate(effectiveFrom)) throw wrong('effectiveFrom');
    return { state, skillLevel: skillLevel as SkillLevel, monthlyInr, source, effectiveFrom };
  });
}

export const minimumWageEntries: readonly MinimumWage[] = loadMinimumWages(table);

/** "West  Bengal", "west bengal" and "WestBengal" are the same state. */
const sameState = (a: string, b: string) => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/** The Indian calendar day of an instant. */
function indianDateOf(on: string): string {
  const at = Date.parse(on);
  if (Number.isNaN(at)) throw new RangeError(`"${on}" is not a date-time`);
  return new Date(at + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The minimum wage in force in `state` for `skillLevel` on the Indian calendar day of `on` (an
 * ISO date-time): the latest entry effective on or before that day; undefined when none is on
 * file (an unknown state, or a day before the first entry).
 */
export function minimumWageFor(entries: readonly MinimumWage[], state: string, skillLevel: SkillLevel, on: string): MinimumWage | undefined {
  const day = indianDateOf(on);
  return entries
    .filter((entry) => sameState(entry.state, state) && entry.skillLevel === skillLevel && entry.effectiveFrom <= day)
    .reduce<MinimumWage | undefined>((latest, entry) => (!latest || entry.effectiveFrom > latest.effectiveFrom ? entry : latest), undefined);
}

/** A sustainable wage: her monthly income is at least the minimum wage. */
export function sustainableWage(monthlyIncomeInr: number, minimumWage: Pick<MinimumWage, 'monthlyInr'>): boolean {
  return monthlyIncomeInr >= minimumWage.monthlyInr;
}
