/**
 * Indicators as counters kept as events arrive: each person counts in a handful of cells (one
 * document per cell, `$inc` by `_id`), the cells she counts in are kept on her summary, and an
 * event that changes them moves her from the old cells to the new. Read time reads the cells (a
 * collection bounded by the vocabulary, not by the people) and applies the suppression rule.
 */
import type { PersonSummary } from '../timeline/person-summary';
import { CountTable, DEFAULT_K, shownCell, suppressCount, suppressTable } from './suppression';
import { countedForResearch, HtcdsRow, htcdsColumns, htcdsRowOf, Indicators, LivelihoodIndicators } from './indicators';

/** A household she counts in (supported by its prevention plan): kept apart, households are many; the cell of households supported counts those with anyone in them. */
export const HOUSEHOLD = 'household:';
export const HOUSEHOLDS_SUPPORTED = 'livelihood:householdsSupported';

const breakdownsOfRegistered = ['byRole', 'byState', 'byAgeBand', 'byGender', 'vulnerability', 'consentToShareWithPolice'] as const;
type RegisteredBreakdown = (typeof breakdownsOfRegistered)[number];

/**
 * The cells she counts in, from her summary: none if she withdrew her consent to research
 * (research outputs leave her out, so her withdrawal takes her out of every cell she was in).
 */
export function indicatorCellsOf(summary: PersonSummary): string[] {
  if (!countedForResearch(summary)) return [];
  const cells: string[] = [];
  const { intake, livelihood, prevention } = summary.pillars;
  if (intake.status === 'registered') {
    const values: Record<RegisteredBreakdown, string> = {
      byRole: intake.role ?? 'unknown',
      byState: intake.origin?.state ?? 'unknown',
      byAgeBand: intake.ageBand ?? 'unknown',
      byGender: intake.gender ?? 'unknown',
      vulnerability: intake.vulnerability?.level ?? 'not-assessed',
      consentToShareWithPolice: intake.consents['share-with-police'] ?? 'not-asked',
    };
    cells.push('registered', ...breakdownsOfRegistered.map((breakdown) => `registered.${breakdown}:${values[breakdown]}`));
    if (summary.erasedAt) cells.push('registered.erased');
    const row = htcdsRowOf(summary);
    cells.push(`htcds:${htcdsColumns.map((column) => row[column]).join('\u001f')}`);
  }
  if ((livelihood?.trainings.inTraining ?? 0) > 0) cells.push('livelihood:inTraining');
  const placements = livelihood?.placements.current ?? [];
  if (placements.length > 0) {
    cells.push('livelihood:placed', `livelihood:byWage:${placements.every((placement) => placement.sustainableWage) ? 'at-minimum-wage' : 'below-minimum-wage'}`);
  }
  const outcome = prevention?.outcome ?? 'not-followed';
  if (outcome !== 'not-followed') cells.push('prevention:followed', `prevention:byOutcome:${outcome}`);
  for (const plan of prevention?.plans ?? []) {
    if (plan.subject === 'household' && Object.keys(plan.supports).length > 0) cells.push(`${HOUSEHOLD}${plan.planId}`);
  }
  return cells;
}

/** +1 for each cell she enters, -1 for each she leaves. */
export function cellChanges(before: readonly string[], after: readonly string[]): { cell: string; by: 1 | -1 }[] {
  return [
    ...before.filter((cell) => !after.includes(cell)).map((cell) => ({ cell, by: -1 as const })),
    ...after.filter((cell) => !before.includes(cell)).map((cell) => ({ cell, by: 1 as const })),
  ];
}

export type Cells = Readonly<Record<string, number>>;

function breakdown(cells: Cells, prefix: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(cells)
      .filter(([cell, count]) => cell.startsWith(prefix) && count > 0)
      .map(([cell, count]) => [cell.slice(prefix.length), count]),
  );
}

function registeredTable(cells: Cells): CountTable<RegisteredBreakdown> {
  return {
    total: cells['registered'] ?? 0,
    breakdowns: Object.fromEntries(breakdownsOfRegistered.map((name) => [name, breakdown(cells, `registered.${name}:`)])) as Record<RegisteredBreakdown, Record<string, number>>,
  };
}
const wagesTable = (cells: Cells) => ({ total: cells['livelihood:placed'] ?? 0, breakdowns: { byWage: breakdown(cells, 'livelihood:byWage:') } });
const outcomesTable = (cells: Cells) => ({ total: cells['prevention:followed'] ?? 0, breakdowns: { byOutcome: breakdown(cells, 'prevention:byOutcome:') } });

const addsUp = (table: CountTable<string>) =>
  Object.values(table.breakdowns).every((cells) => Object.values(cells as Record<string, number>).reduce((sum, count) => sum + count, 0) === table.total);

/**
 * Whether every table's breakdowns add up to its total. A person moving between cells changes
 * them one write at a time, so a read in the middle of her move sees a total and a breakdown
 * that differ by her; the reader reads again (see TimelineStore.indicatorCells).
 */
export function cellsAddUp(cells: Cells): boolean {
  return [registeredTable(cells), wagesTable(cells), outcomesTable(cells)].every((table) => addsUp(table as CountTable<string>));
}

/**
 * A table suppressed by the rule; one caught in the middle of a move (it does not add up) is
 * withheld like a small one: shown as it stands, a total and a breakdown a person apart would give
 * her cell away, and a count is never made up.
 */
function shownTable<Breakdown extends string>(table: CountTable<Breakdown>, k: number) {
  return addsUp(table as CountTable<string>) ? suppressTable(table, k) : suppressTable({ total: 0, breakdowns: table.breakdowns }, k, { withheld: true });
}

/** The programme indicators from the cells: the same tables, and the same rule, as programmeIndicators over every summary. */
export function indicatorsFromCells(cells: Cells, k = DEFAULT_K): Indicators {
  const { total, breakdowns } = shownTable(registeredTable(cells), k);
  return {
    k,
    peopleRegistered: { total, byRole: breakdowns.byRole, byState: breakdowns.byState, byAgeBand: breakdowns.byAgeBand, byGender: breakdowns.byGender },
    vulnerability: { byLevel: breakdowns.vulnerability },
    consentToShareWithPolice: breakdowns.consentToShareWithPolice,
    personalDataErased: suppressCount(cells['registered.erased'] ?? 0, k),
    livelihood: livelihoodFromCells(cells, k),
  };
}

export function livelihoodFromCells(cells: Cells, k = DEFAULT_K): LivelihoodIndicators {
  const wages = shownTable(wagesTable(cells), k);
  const outcomes = shownTable(outcomesTable(cells), k);
  return {
    peopleInTraining: suppressCount(cells['livelihood:inTraining'] ?? 0, k),
    peoplePlaced: wages.total,
    peoplePlacedAtMinimumWage: shownCell(wages.breakdowns.byWage, 'at-minimum-wage'),
    householdsSupported: suppressCount(cells[HOUSEHOLDS_SUPPORTED] ?? 0, k),
    peopleFollowedByPrevention: outcomes.total,
    entriesPrevented: shownCell(outcomes.breakdowns.byOutcome, 'entry-prevented'),
    entriesIntoExploitation: shownCell(outcomes.breakdowns.byOutcome, 'entered-exploitation'),
  };
}

/** The HTCDS rows from the cells of their combinations, under the same rule as htcdsExport. */
export function htcdsRowsFromCells(cells: Cells): HtcdsRow[] {
  return Object.entries(breakdown(cells, 'htcds:')).map(([key, count]) => {
    const values = key.split('\u001f');
    return { ...(Object.fromEntries(htcdsColumns.map((column, index) => [column, values[index] ?? 'unknown'])) as Record<(typeof htcdsColumns)[number], string>), count };
  });
}
