/**
 * What may be shown of a table of counts: one total and its breakdowns (each breakdown splits the
 * same people by one attribute, so its cells add up to the total). A pure function over counts, so
 * it serves counters kept as events arrive as well as counts made at read time.
 *
 * The rule (docs/htcds-export.md):
 * 1. Every number shown counts at least k people (k = 11, as in CTDC's public data; the endpoints
 *    accept no lower k).
 * 2. A cell under k is not named: the cells under k of a breakdown are shown together as "other".
 * 3. "other" must not give them away. Whoever reads the table knows this rule, so she knows each
 *    cell under k holds 1 to k - 1 people and each named cell at least k. Taken away from the total,
 *    the named cells tell her exactly what "other" holds; so the smallest named cells join "other"
 *    (their keys unnamed too) until what is shown is consistent with every cell under k in it
 *    holding any count from 1 to k - 1. With 11 women and 1 man and no other cell, nothing can do
 *    that: "other: 12" is 11 + 1.
 * 4. If a breakdown cannot hide its cells under k even with every cell in "other", the whole table
 *    is withheld: its total (the other breakdowns would give it back) and every breakdown. A total
 *    under k withholds the table likewise. A withheld table shows null, not zero.
 *
 * Nothing shown is ever a null next to a known total, so no cell can be recovered by subtraction,
 * within a breakdown or across the breakdowns of one total: every breakdown shows all of the total
 * in cells of at least k.
 */

/** CTDC's public threshold. The endpoints never accept a lower k (SuppressionQuery); tests may use one to see raw counts. */
export const DEFAULT_K = 11;
/** The bucket of cells under k. A key that is itself called "other" always goes into it. */
export const OTHER = 'other';

/** A count, or null when it is withheld. */
export type SuppressedCount = number | null;

export interface CountTable<Breakdown extends string = string> {
  total: number;
  breakdowns: Record<Breakdown, Readonly<Record<string, number>>>;
}

export interface ShownTable<Breakdown extends string = string> {
  total: SuppressedCount;
  breakdowns: Record<Breakdown, Record<string, SuppressedCount>>;
}

function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, not ${k}`);
}

/**
 * Whether "other" hides each of its `small` cells under k. The reader can work out the bucket's
 * count, how many cells under k and how many named cells are in it, that each named cell in it holds
 * at least k and at most `cap` (the smallest named cell still shown; no bound when a key called
 * "other" is in it too). Hidden: any of the cells under k could hold anything from 1 to k - 1.
 */
function hidesSmallCells(bucket: { count: number; small: number; joined: number; cap: number }, k: number): boolean {
  const { count, small, joined, cap } = bucket;
  const fewest = count - (small - 1) * (k - 1) - (joined === 0 ? 0 : joined * cap);
  const most = count - (small - 1) - joined * k;
  return fewest <= 1 && most >= k - 1;
}

/** The shown cells of one breakdown, or undefined when it cannot hide its cells under k. */
function showBreakdown(cells: Readonly<Record<string, number>>, k: number): Record<string, number> | undefined {
  const present = Object.entries(cells).filter(([, count]) => count > 0);
  const small = present.filter(([, count]) => count < k);
  const named = present.filter(([key, count]) => count >= k && key !== OTHER).sort(([a, x], [b, y]) => x - y || a.localeCompare(b));
  const ownKey = present.find(([key, count]) => key === OTHER && count >= k);
  const byKey = (entries: [string, number][]) => Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  const inBucket = [...small, ...(ownKey ? [ownKey] : [])];
  if (inBucket.length === 0) return byKey(named);
  const capOf = () => (ownKey ? Infinity : (named[0]?.[1] ?? Infinity));
  const bucket = { count: inBucket.reduce((sum, [, count]) => sum + count, 0), small: small.length, joined: ownKey ? 1 : 0, cap: capOf() };
  while (bucket.small > 0 && !hidesSmallCells(bucket, k)) {
    const next = named.shift();
    if (!next) return undefined;
    bucket.count += next[1];
    bucket.joined += 1;
    bucket.cap = capOf();
  }
  return { ...byKey(named), [OTHER]: bucket.count };
}

export function suppressTable<Breakdown extends string>(table: CountTable<Breakdown>, k: number = DEFAULT_K, options: { withheld?: boolean } = {}): ShownTable<Breakdown> {
  assertK(k);
  const names = Object.keys(table.breakdowns) as Breakdown[];
  const every = (cells: () => Record<string, SuppressedCount>) => Object.fromEntries(names.map((name) => [name, cells()])) as ShownTable<Breakdown>['breakdowns'];
  const withheld = (): ShownTable<Breakdown> => ({ total: null, breakdowns: every(() => ({ [OTHER]: null })) });
  if (options.withheld) return withheld();
  for (const name of names) {
    const sum = Object.values(table.breakdowns[name]).reduce((total, count) => total + count, 0);
    if (sum !== table.total) throw new RangeError(`breakdown ${name} counts ${sum} people, not the total's ${table.total}`);
  }
  if (table.total === 0) return { total: 0, breakdowns: every(() => ({})) };
  if (table.total < k) return withheld();
  const shown: Partial<Record<Breakdown, Record<string, number>>> = {};
  for (const name of names) {
    const cells = showBreakdown(table.breakdowns[name], k);
    if (!cells) return withheld();
    shown[name] = cells;
  }
  return { total: table.total, breakdowns: shown as ShownTable<Breakdown>['breakdowns'] };
}

/** One count on its own (nothing shown next to it adds up with it): itself, or null under k. */
export function suppressCount(count: number, k: number = DEFAULT_K): SuppressedCount {
  return suppressTable({ total: count, breakdowns: {} }, k).total;
}

/** One cell of a shown breakdown: its count when named, null when it may be in "other" (or withheld), 0 when it is not there at all. */
export function shownCell(breakdown: Record<string, SuppressedCount>, key: string): SuppressedCount {
  if (key in breakdown && key !== OTHER) return breakdown[key];
  return OTHER in breakdown ? null : 0;
}
