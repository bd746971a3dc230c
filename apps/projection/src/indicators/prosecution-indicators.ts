/**
 * Prosecution indicators for admins, as a pure function over the cases and perpetrators the
 * projection keeps: how far cases get, who is charged and convicted, who profits and is
 * prosecuted (buyers and indirect beneficiaries apart), and which kingpins escape. Numbers only:
 * no case, perpetrator or person id, no place below the FIR's state. No count is suppressed: these
 * count cases and accused men, not the survivors in them, and only admins read them.
 */
import { PerpetratorCategory, perpetratorCategories } from '@mukti/contracts';
import { CaseStage, caseStages, ProfiledPerpetrator, ProsecutionCase } from '../prosecution/prosecution-read-model';

/** A fraction with three decimals, or null when there is nothing to divide by. */
export type Rate = number | null;

export interface ProsecutionNumbers {
  cases: { registered: number; byStage: Record<CaseStage, number> };
  /** Cases with a charge sheet filed, of the cases registered. */
  chargeSheets: { filed: number; casesRegistered: number; rate: Rate };
  /** Accused whose standing verdict is a conviction, of the accused with a verdict. */
  convictions: { convicted: number; acquitted: number; accusedWithVerdict: number; rate: Rate };
  /**
   * Accused by what they are: an accused is a perpetrator in a case (one accused in two cases
   * counts in each). Direct beneficiaries without buyers, buyers (the demand), indirect
   * beneficiaries (who lend the market a room, a ride or money), and those not profiled yet.
   */
  accused: {
    total: number;
    byBeneficiary: { direct: number; buyers: number; indirect: number; unknown: number };
    byCategory: Record<PerpetratorCategory | 'unknown', number>;
  };
  /**
   * Cases whose main accused is not in custody: never named among the accused (or not known at
   * all), absconding, or named and never arrested. Closed cases count: a kingpin who escaped
   * the case escaped it.
   */
  mainAccusedNotArrested: { total: number; neverNamed: number; absconding: number; notArrested: number };
}

export interface ProsecutionIndicators extends ProsecutionNumbers {
  /** The same numbers for the cases of each state where the FIR was registered ('unknown' until the FIR arrives). */
  byState: Record<string, ProsecutionNumbers>;
}

const rate = (part: number, whole: number): Rate => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

function numbersOf(cases: readonly ProsecutionCase[], categoryOf: ReadonlyMap<string, ProfiledPerpetrator>): ProsecutionNumbers {
  const byStage = zeroes(caseStages);
  const byCategory = zeroes([...perpetratorCategories, 'unknown'] as const);
  const byBeneficiary = { direct: 0, buyers: 0, indirect: 0, unknown: 0 };
  const main = { total: 0, neverNamed: 0, absconding: 0, notArrested: 0 };
  let chargeSheeted = 0;
  let convicted = 0;
  let acquitted = 0;
  let accusedCount = 0;
  for (const prosecution of cases) {
    byStage[prosecution.stage] += 1;
    if (prosecution.chargeSheetFiled) chargeSheeted += 1;
    for (const accused of prosecution.accused) {
      accusedCount += 1;
      if (accused.verdict === 'convicted') convicted += 1;
      if (accused.verdict === 'acquitted') acquitted += 1;
      const profiled = categoryOf.get(accused.perpetratorId);
      byCategory[profiled?.category ?? 'unknown'] += 1;
      if (!profiled) byBeneficiary.unknown += 1;
      else if (profiled.category === 'buyer') byBeneficiary.buyers += 1;
      else byBeneficiary[profiled.beneficiary] += 1;
    }
    const kingpin = prosecution.mainAccusedNamed ? prosecution.accused.find((accused) => accused.perpetratorId === prosecution.mainAccusedId) : undefined;
    if (!kingpin) main.neverNamed += 1;
    else if (kingpin.custody === 'absconding') main.absconding += 1;
    else if (kingpin.custody === 'not-arrested') main.notArrested += 1;
  }
  main.total = main.neverNamed + main.absconding + main.notArrested;
  return {
    cases: { registered: cases.length, byStage },
    chargeSheets: { filed: chargeSheeted, casesRegistered: cases.length, rate: rate(chargeSheeted, cases.length) },
    convictions: { convicted, acquitted, accusedWithVerdict: convicted + acquitted, rate: rate(convicted, convicted + acquitted) },
    accused: { total: accusedCount, byBeneficiary, byCategory },
    mainAccusedNotArrested: main,
  };
}

export function prosecutionIndicators(cases: readonly ProsecutionCase[], perpetrators: readonly ProfiledPerpetrator[]): ProsecutionIndicators {
  const categoryOf = new Map(perpetrators.map((perpetrator) => [perpetrator.perpetratorId, perpetrator]));
  const byState = new Map<string, ProsecutionCase[]>();
  for (const prosecution of cases) {
    const state = prosecution.fir?.state ?? 'unknown';
    byState.set(state, [...(byState.get(state) ?? []), prosecution]);
  }
  return {
    ...numbersOf(cases, categoryOf),
    byState: Object.fromEntries([...byState].sort(([a], [b]) => a.localeCompare(b)).map(([state, ofState]) => [state, numbersOf(ofState, categoryOf)])),
  };
}
