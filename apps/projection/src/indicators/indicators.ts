/**
 * Programme indicators and the researchers' export, as pure functions over person summaries.
 * Nothing here identifies anyone: counts only, shown as suppressTable allows (every number at least
 * k people, groups under k merged into "other" so that no subtraction gives them back), ages in
 * bands, dates as years. These are research outputs: whoever withdrew her consent to research is
 * not counted in them.
 */
import type { PersonSummary } from '../timeline/person-summary';
import { CountTable, DEFAULT_K, OTHER, shownCell, suppressCount, SuppressedCount, suppressTable } from './suppression';

export { DEFAULT_K } from './suppression';
export type { SuppressedCount } from './suppression';

/** Research outputs count only people who have not withdrawn their consent to research. */
export const countedForResearch = (summary: PersonSummary) => summary.pillars.intake.consents['research'] !== 'withdrawn';

/** How many people have each value ('unknown' when they have none), so the cells add up to everyone. */
function countBy(summaries: PersonSummary[], key: (summary: PersonSummary) => string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const summary of summaries) {
    const value = key(summary) ?? 'unknown';
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

export interface Indicators {
  k: number;
  peopleRegistered: { total: SuppressedCount; byRole: Record<string, SuppressedCount>; byState: Record<string, SuppressedCount>; byAgeBand: Record<string, SuppressedCount>; byGender: Record<string, SuppressedCount> };
  vulnerability: { byLevel: Record<string, SuppressedCount> };
  consentToShareWithPolice: Record<string, SuppressedCount>;
  personalDataErased: SuppressedCount;
  livelihood: LivelihoodIndicators;
}

/**
 * Livelihood and prevention, now: people, except households. Placed at the minimum wage: every
 * placement she is in now pays at least the minimum wage (none is below it). A household is
 * supported when its prevention plan has at least one support. Followed by prevention: a plan has
 * supported her (or counted her outcome); an entry prevented, or an entry into exploitation: her
 * latest outcome, so one counted as prevented who entered exploitation later counts as an entry,
 * not as prevented.
 */
export interface LivelihoodIndicators {
  peopleInTraining: SuppressedCount;
  peoplePlaced: SuppressedCount;
  peoplePlacedAtMinimumWage: SuppressedCount;
  householdsSupported: SuppressedCount;
  peopleFollowedByPrevention: SuppressedCount;
  entriesPrevented: SuppressedCount;
  entriesIntoExploitation: SuppressedCount;
}

/**
 * Summaries stored before the livelihood pillar existed have neither part: nothing of it to count.
 * Placed and placed at the minimum wage are one table (those below it are the difference), and so
 * are the people followed by prevention and their outcomes.
 */
export function livelihoodIndicators(summaries: PersonSummary[], k = DEFAULT_K): LivelihoodIndicators {
  const counted = summaries.filter(countedForResearch);
  const count = (isCounted: (summary: PersonSummary) => boolean) => suppressCount(counted.filter(isCounted).length, k);
  const placed = counted.filter((summary) => (summary.pillars.livelihood?.placements.current ?? []).length > 0);
  const wages = suppressTable(
    {
      total: placed.length,
      breakdowns: {
        byWage: countBy(placed, (summary) => (summary.pillars.livelihood!.placements.current.every((placement) => placement.sustainableWage) ? 'at-minimum-wage' : 'below-minimum-wage')),
      },
    },
    k,
  );
  const followed = counted.filter((summary) => (summary.pillars.prevention?.outcome ?? 'not-followed') !== 'not-followed');
  const outcomes = suppressTable({ total: followed.length, breakdowns: { byOutcome: countBy(followed, (summary) => summary.pillars.prevention!.outcome) } }, k);
  const households = new Set(
    counted.flatMap((summary) =>
      (summary.pillars.prevention?.plans ?? []).filter((plan) => plan.subject === 'household' && Object.keys(plan.supports).length > 0).map((plan) => plan.planId),
    ),
  );
  return {
    peopleInTraining: count((summary) => (summary.pillars.livelihood?.trainings.inTraining ?? 0) > 0),
    peoplePlaced: wages.total,
    peoplePlacedAtMinimumWage: shownCell(wages.breakdowns.byWage, 'at-minimum-wage'),
    householdsSupported: suppressCount(households.size, k),
    peopleFollowedByPrevention: outcomes.total,
    entriesPrevented: shownCell(outcomes.breakdowns.byOutcome, 'entry-prevented'),
    entriesIntoExploitation: shownCell(outcomes.breakdowns.byOutcome, 'entered-exploitation'),
  };
}

/**
 * Everyone registered counts, erased people included (erasure removes who she is, not that she was
 * helped), except whoever withdrew her consent to research. The breakdowns of the people registered,
 * of their vulnerability and of their consent to share with the police are one table: they split
 * the same total. Livelihood counts everyone its events are about, whether or not her registration
 * has arrived.
 */
export function programmeIndicators(summaries: PersonSummary[], k = DEFAULT_K): Indicators {
  const registered = summaries.filter((summary) => summary.pillars.intake.status === 'registered' && countedForResearch(summary));
  const intake = (summary: PersonSummary) => summary.pillars.intake;
  const table: CountTable<'byRole' | 'byState' | 'byAgeBand' | 'byGender' | 'vulnerability' | 'consentToShareWithPolice'> = {
    total: registered.length,
    breakdowns: {
      byRole: countBy(registered, (summary) => intake(summary).role),
      byState: countBy(registered, (summary) => intake(summary).origin?.state),
      byAgeBand: countBy(registered, (summary) => intake(summary).ageBand),
      byGender: countBy(registered, (summary) => intake(summary).gender),
      vulnerability: countBy(registered, (summary) => intake(summary).vulnerability?.level ?? 'not-assessed'),
      consentToShareWithPolice: countBy(registered, (summary) => intake(summary).consents['share-with-police'] ?? 'not-asked'),
    },
  };
  const { total, breakdowns } = suppressTable(table, k);
  return {
    k,
    peopleRegistered: { total, byRole: breakdowns.byRole, byState: breakdowns.byState, byAgeBand: breakdowns.byAgeBand, byGender: breakdowns.byGender },
    vulnerability: { byLevel: breakdowns.vulnerability },
    consentToShareWithPolice: breakdowns.consentToShareWithPolice,
    // On its own: those not erased are shown nowhere, so nothing subtracts from it.
    personalDataErased: suppressCount(registered.filter((summary) => summary.erasedAt).length, k),
    livelihood: livelihoodIndicators(summaries, k),
  };
}

/**
 * HTCDS v2 columns this platform can fill today (more come with the rescue and legal pillars);
 * see docs/htcds-export.md for the mapping.
 */
export const htcdsColumns = ['yearOfRegistration', 'Datasource', 'gender', 'ageBroad', 'majorityStatus', 'citizenship', 'stateOfOrigin', 'role'] as const;
export type HtcdsRow = Record<(typeof htcdsColumns)[number], string> & { count: number };

const majority = (band: string | undefined) =>
  band === undefined || band === 'unknown' ? 'unknown' : ['0-11', '12-15', '16-17'].includes(band) ? 'Minor' : 'Adult';

/**
 * The de-identified export: one row per combination of the columns with how many people share
 * it. The combinations are one breakdown of the people counted, under the same rule as the
 * indicators: combinations under k (and as many of the smallest as it takes to hide them) are not
 * shown, and how many people the rows leave out is reported; if they cannot be hidden, no row is
 * shown and suppressedPeople is null. People who withdrew their consent to research are left out.
 */
export function htcdsExport(summaries: PersonSummary[], k = DEFAULT_K): { k: number; columns: readonly string[]; rows: HtcdsRow[]; suppressedPeople: SuppressedCount } {
  const combinations = new Map<string, HtcdsRow>();
  for (const summary of summaries) {
    if (summary.pillars.intake.status !== 'registered' || !countedForResearch(summary)) continue;
    const row = htcdsRowOf(summary);
    const key = htcdsColumns.map((column) => row[column]).join('\u001f');
    const existing = combinations.get(key);
    if (existing) existing.count += 1;
    else combinations.set(key, { ...row, count: 1 });
  }
  return htcdsExportOf([...combinations.values()], k);
}

/** Her row of the export (without its count). */
export function htcdsRowOf(summary: PersonSummary): Omit<HtcdsRow, 'count'> {
  const intake = summary.pillars.intake;
  return {
    yearOfRegistration: intake.registeredAt?.slice(0, 4) ?? 'unknown',
    Datasource: 'Case Management',
    gender: intake.gender === 'female' ? 'Female' : intake.gender === 'male' ? 'Male' : intake.gender === 'transgender' ? 'Transgender/NonConforming' : 'unknown',
    ageBroad: intake.ageBand ?? 'unknown',
    majorityStatus: majority(intake.ageBand),
    citizenship: 'IND',
    stateOfOrigin: intake.origin?.state ?? 'unknown',
    role: intake.role ?? 'unknown',
  };
}

/** The export from its rows with their counts (from the summaries, or from the counters kept as events arrive). */
export function htcdsExportOf(rows: readonly HtcdsRow[], k = DEFAULT_K): { k: number; columns: readonly string[]; rows: HtcdsRow[]; suppressedPeople: SuppressedCount } {
  const combinations = new Map(rows.map((row) => [htcdsColumns.map((column) => row[column]).join('\u001f'), row]));
  const people = [...combinations.values()].reduce((sum, row) => sum + row.count, 0);
  const shown = suppressTable({ total: people, breakdowns: { combinations: Object.fromEntries([...combinations].map(([key, row]) => [key, row.count])) } }, k);
  const cells = shown.breakdowns.combinations;
  return {
    k,
    columns: htcdsColumns,
    rows: [...combinations].filter(([key]) => typeof cells[key] === 'number').map(([, row]) => row).sort((a, b) => b.count - a.count),
    suppressedPeople: shown.total === null ? null : ((cells[OTHER] as number | undefined) ?? 0),
  };
}
