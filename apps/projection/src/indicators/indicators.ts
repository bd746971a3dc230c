/**
 * Programme indicators and the researchers' export, as pure functions over person summaries.
 * Nothing here identifies anyone: counts only, every count under k shown as suppressed (k = 11 by
 * default, as in CTDC's public data set), ages in bands, dates as years.
 */
import type { PersonSummary } from '../timeline/person-summary';

export const DEFAULT_K = 11;

/** A count, or null when fewer than k people are in it (and more than none). */
export type SuppressedCount = number | null;

function suppress(count: number, k: number): SuppressedCount {
  return count === 0 || count >= k ? count : null;
}

function countBy(summaries: PersonSummary[], key: (summary: PersonSummary) => string | undefined, k: number) {
  const counts = new Map<string, number>();
  for (const summary of summaries) {
    const value = key(summary) ?? 'unknown';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => [value, suppress(count, k)]));
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

/** Summaries stored before the livelihood pillar existed have neither part: nothing of it to count. */
export function livelihoodIndicators(summaries: PersonSummary[], k = DEFAULT_K): LivelihoodIndicators {
  const count = (counted: (summary: PersonSummary) => boolean) => suppress(summaries.filter(counted).length, k);
  const placed = (summary: PersonSummary) => summary.pillars.livelihood?.placements.current ?? [];
  const prevention = (summary: PersonSummary) => summary.pillars.prevention?.outcome ?? 'not-followed';
  const households = new Set(
    summaries.flatMap((summary) =>
      (summary.pillars.prevention?.plans ?? []).filter((plan) => plan.subject === 'household' && Object.keys(plan.supports).length > 0).map((plan) => plan.planId),
    ),
  );
  return {
    peopleInTraining: count((summary) => (summary.pillars.livelihood?.trainings.inTraining ?? 0) > 0),
    peoplePlaced: count((summary) => placed(summary).length > 0),
    peoplePlacedAtMinimumWage: count((summary) => placed(summary).length > 0 && placed(summary).every((placement) => placement.sustainableWage)),
    householdsSupported: suppress(households.size, k),
    peopleFollowedByPrevention: count((summary) => prevention(summary) !== 'not-followed'),
    entriesPrevented: count((summary) => prevention(summary) === 'entry-prevented'),
    entriesIntoExploitation: count((summary) => prevention(summary) === 'entered-exploitation'),
  };
}

/**
 * Everyone registered counts, erased people included: erasure removes who she is, not that she was
 * helped. Livelihood counts everyone its events are about, whether or not her registration has arrived.
 */
export function programmeIndicators(summaries: PersonSummary[], k = DEFAULT_K): Indicators {
  const registered = summaries.filter((summary) => summary.pillars.intake.status === 'registered');
  const intake = (summary: PersonSummary) => summary.pillars.intake;
  return {
    k,
    peopleRegistered: {
      total: suppress(registered.length, k),
      byRole: countBy(registered, (summary) => intake(summary).role, k),
      byState: countBy(registered, (summary) => intake(summary).origin?.state, k),
      byAgeBand: countBy(registered, (summary) => intake(summary).ageBand, k),
      byGender: countBy(registered, (summary) => intake(summary).gender, k),
    },
    vulnerability: { byLevel: countBy(registered, (summary) => intake(summary).vulnerability?.level ?? 'not-assessed', k) },
    consentToShareWithPolice: countBy(registered, (summary) => intake(summary).consents['share-with-police'] ?? 'not-asked', k),
    personalDataErased: suppress(registered.filter((summary) => summary.erasedAt).length, k),
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
 * it. Combinations of fewer than k people are not shown; how many people that hides is reported.
 * People who withdrew their consent to research are left out.
 */
export function htcdsExport(summaries: PersonSummary[], k = DEFAULT_K): { k: number; columns: readonly string[]; rows: HtcdsRow[]; suppressedPeople: number } {
  const combinations = new Map<string, HtcdsRow>();
  for (const summary of summaries) {
    const intake = summary.pillars.intake;
    if (intake.status !== 'registered' || intake.consents['research'] === 'withdrawn') continue;
    const row = {
      yearOfRegistration: intake.registeredAt?.slice(0, 4) ?? 'unknown',
      Datasource: 'Case Management',
      gender: intake.gender === 'female' ? 'Female' : intake.gender === 'male' ? 'Male' : intake.gender === 'transgender' ? 'Transgender/NonConforming' : 'unknown',
      ageBroad: intake.ageBand ?? 'unknown',
      majorityStatus: majority(intake.ageBand),
      citizenship: 'IND',
      stateOfOrigin: intake.origin?.state ?? 'unknown',
      role: intake.role ?? 'unknown',
    };
    const key = htcdsColumns.map((column) => row[column]).join('\u001f');
    const existing = combinations.get(key);
    if (existing) existing.count += 1;
    else combinations.set(key, { ...row, count: 1 });
  }
  const all = [...combinations.values()];
  const shown = all.filter((row) => row.count >= k);
  return {
    k,
    columns: htcdsColumns,
    rows: shown.sort((a, b) => b.count - a.count),
    suppressedPeople: all.filter((row) => row.count < k).reduce((sum, row) => sum + row.count, 0),
  };
}
