import { MinimumWage, skillLevels } from '@mukti/contracts';
import table from './minimum-wages.json';
import { loadMinimumWages, minimumWageEntries, minimumWageFor, sustainableWage } from './minimum-wages';

const wage = (state: string, skillLevel: MinimumWage['skillLevel'], monthlyInr: number, effectiveFrom: string): MinimumWage => ({
  state,
  skillLevel,
  monthlyInr,
  effectiveFrom,
  source: `Labour Department, notification of ${effectiveFrom}`,
});
const januaryRate = wage('West Bengal', 'semi-skilled', 11236, '2025-01-01');
const julyRate = wage('West Bengal', 'semi-skilled', 11363, '2025-07-01');
const entries = [julyRate, januaryRate, wage('West Bengal', 'skilled', 12499, '2025-07-01'), wage('Bihar', 'semi-skilled', 11544, '2025-10-01')];

describe('the minimum wage in force', () => {
  it('is the latest entry effective on or before the day, whatever order the table is in', () => {
    expect(minimumWageFor(entries, 'West Bengal', 'semi-skilled', '2025-03-15T10:00:00.000Z')).toEqual(januaryRate);
    expect(minimumWageFor(entries, 'West Bengal', 'semi-skilled', '2026-03-15T10:00:00.000Z')).toEqual(julyRate);
  });

  it('takes effect on its first day, counted in Indian Standard Time', () => {
    expect(minimumWageFor(entries, 'West Bengal', 'semi-skilled', '2025-07-01T00:00:00.000+05:30')).toEqual(julyRate);
    // 30 June 2025, 23:59 IST is still the January rate; 1 July 00:30 IST is 30 June in UTC but already July in India.
    expect(minimumWageFor(entries, 'West Bengal', 'semi-skilled', '2025-06-30T18:29:00.000Z')).toEqual(januaryRate);
    expect(minimumWageFor(entries, 'West Bengal', 'semi-skilled', '2025-06-30T19:00:00.000Z')).toEqual(julyRate);
  });

  it('is for her skill level', () => {
    expect(minimumWageFor(entries, 'West Bengal', 'skilled', '2025-08-01T10:00:00.000Z')?.monthlyInr).toBe(12499);
    expect(minimumWageFor(entries, 'West Bengal', 'highly-skilled', '2025-08-01T10:00:00.000Z')).toBeUndefined();
  });

  it('matches the state whatever its case and spacing', () => {
    expect(minimumWageFor(entries, '  west   BENGAL ', 'semi-skilled', '2025-08-01T10:00:00.000Z')).toEqual(julyRate);
    expect(minimumWageFor(entries, 'WestBengal', 'semi-skilled', '2025-08-01T10:00:00.000Z')).toEqual(julyRate);
  });

  it('is none for a state not on file', () => {
    expect(minimumWageFor(entries, 'Atlantis', 'semi-skilled', '2025-08-01T10:00:00.000Z')).toBeUndefined();
  });

  it('is none before the first entry took effect', () => {
    expect(minimumWageFor(entries, 'Bihar', 'semi-skilled', '2025-09-30T10:00:00.000Z')).toBeUndefined();
  });

  it('is asked for a real day', () => {
    expect(() => minimumWageFor(entries, 'Bihar', 'semi-skilled', 'last Tuesday')).toThrow(RangeError);
  });

  it('is on file for every state and skill level the service is used in today', () => {
    const states = ['Maharashtra', 'West Bengal', 'Delhi', 'Karnataka', 'Telangana', 'Andhra Pradesh', 'Tamil Nadu', 'Bihar', 'Uttar Pradesh', 'Odisha', 'Jharkhand', 'Assam', 'Central sphere'];
    for (const state of states) {
      for (const skillLevel of skillLevels) {
        expect({ state, skillLevel, found: minimumWageFor(minimumWageEntries, state, skillLevel, '2026-11-29T12:00:00.000Z') !== undefined }).toEqual({
          state,
          skillLevel,
          found: true,
        });
      }
    }
  });
});

describe('a sustainable wage', () => {
  it('is an income of at least the minimum wage', () => {
    expect(sustainableWage(11363, julyRate)).toBe(true);
    expect(sustainableWage(15000, julyRate)).toBe(true);
  });

  it('is not an income below it, by a single rupee', () => {
    expect(sustainableWage(11362, julyRate)).toBe(false);
    expect(sustainableWage(0, julyRate)).toBe(false);
  });
});

describe('the minimum wage table', () => {
  const rows = table.entries as Record<string, unknown>[];

  it('says it must be reviewed against current notifications, and when it was compiled', () => {
    expect(table.note).toMatch(/review/i);
    expect(table.compiledOn).toBe('2026-11-29');
  });

  it('has every entry well formed: a whole number of rupees, a real date, a known skill level, a source', () => {
    const problems = rows.flatMap((row) => {
      const which = `${String(row.state)} ${String(row.skillLevel)} ${String(row.effectiveFrom)}`;
      const wrong = (what: string) => [`${which}: ${what}`];
      return [
        ...(Object.keys(row).sort().join() === 'effectiveFrom,monthlyInr,skillLevel,source,state' ? [] : wrong('has other fields')),
        ...(Number.isInteger(row.monthlyInr) && (row.monthlyInr as number) > 0 ? [] : wrong('monthlyInr is not a positive whole number')),
        ...(typeof row.effectiveFrom === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(row.effectiveFrom) &&
        new Date(`${row.effectiveFrom}T00:00:00.000Z`).toISOString().slice(0, 10) === row.effectiveFrom
          ? []
          : wrong('effectiveFrom is not a date')),
        ...(skillLevels.includes(row.skillLevel as (typeof skillLevels)[number]) ? [] : wrong('unknown skill level')),
        ...(typeof row.state === 'string' && row.state.trim().length >= 2 ? [] : wrong('no state')),
        ...(typeof row.source === 'string' && row.source.trim().length > 0 && row.source.length <= 300 ? [] : wrong('no source, or one over 300 characters')),
      ];
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('never has two entries for the same state, skill level and day', () => {
    const keys = rows.map((row) => `${row.state}|${row.skillLevel}|${row.effectiveFrom}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('never pays a higher skill level less than a lower one, within a state and date', () => {
    const rank = (level: unknown) => skillLevels.indexOf(level as (typeof skillLevels)[number]);
    const inversions = rows.flatMap((higher) =>
      rows
        .filter((lower) => lower.state === higher.state && lower.effectiveFrom === higher.effectiveFrom && rank(lower.skillLevel) < rank(higher.skillLevel))
        .filter((lower) => (lower.monthlyInr as number) > (higher.monthlyInr as number))
        .map((lower) => `${higher.state} ${higher.effectiveFrom}: ${lower.skillLevel} ${lower.monthlyInr} > ${higher.skillLevel} ${higher.monthlyInr}`),
    );
    expect(inversions).toEqual([]);
  });

  it('is loaded whole, and a malformed entry is refused when the service starts', () => {
    expect(minimumWageEntries).toHaveLength(rows.length);
    expect(() => loadMinimumWages({ entries: [{ ...rows[0], monthlyInr: 10214.5 }] })).toThrow(/monthlyInr/);
    expect(() => loadMinimumWages({ entries: [{ ...rows[0], skillLevel: 'expert' }] })).toThrow(/skillLevel/);
    expect(() => loadMinimumWages({ entries: [{ ...rows[0], effectiveFrom: '2025-02-30' }] })).toThrow(/effectiveFrom/);
    expect(() => loadMinimumWages({ entries: [{ ...rows[0], source: ' ' }] })).toThrow(/source/);
  });
});
