/**
 * The prosecution as the projection follows it, as pure functions over plain data: each case
 * folded from the facts of its events (what her summary shows of her cases, and what the
 * prosecution indicators count), and each perpetrator by his category alone. Perpetrators are
 * ids here: their personal data stays sealed in the legal service.
 */
import { BeneficiaryKind, legalEventTypes, PerpetratorCategory, verdictOutcomes } from '@mukti/contracts';
import type { SummarisedEntry } from '../timeline/person-summary';
import type { CaseEventEnvelope } from '../timeline/whose-timeline';

export const caseStages = ['fir-registered', 'charge-sheet-filed', 'trial', 'verdict', 'closed'] as const;
export type CaseStage = (typeof caseStages)[number];
export type Custody = 'not-arrested' | 'arrested' | 'absconding';
export type VerdictOutcome = (typeof verdictOutcomes)[number];

/** One accused of a case: where he is now, and the verdict that stands on him. */
export interface AccusedStanding {
  perpetratorId: string;
  /** The latest of arrest and absconding: a man arrested and then on the run is absconding. */
  custody: Custody;
  /** The latest verdict on him, whichever court gave it: an appeal court's overrules the trial court's. */
  verdict?: VerdictOutcome;
}

export interface ProsecutionCase {
  caseId: string;
  /**
   * The FIR, coded: where and when. Its number and police station lead to the police record that
   * names her: they stay with the legal service (sealed with the case's key), never here. Missing
   * only while its event has not arrived.
   */
  fir?: { district: string; state: string; registeredAt: string };
  stage: CaseStage;
  /** In the order they were named. */
  accused: AccusedStanding[];
  /** The main accused ("the kingpin"), whether or not he is among the accused yet. */
  mainAccusedId?: string;
  mainAccusedNamed: boolean;
  chargeSheetFiled: boolean;
  /** Set by the latest hearing, while the case is open. */
  nextHearingAt?: string;
  closedReason?: string;
}

/** A perpetrator as the indicators need him: what he is and how he profits. Nothing else is kept. */
export interface ProfiledPerpetrator {
  perpetratorId: string;
  category: PerpetratorCategory;
  beneficiary: BeneficiaryKind;
}

/**
 * How far a case has come: a charge sheet filed makes it charge-sheet-filed; a hearing after the
 * charge sheet, trial (bail hearings before it are not the trial); any verdict, verdict; its
 * closure, closed.
 */
export function caseStageOf(progress: { chargeSheetFiled: boolean; heardAfterChargeSheet: boolean; verdicts: number; closed: boolean }): CaseStage {
  if (progress.closed) return 'closed';
  if (progress.verdicts > 0) return 'verdict';
  if (progress.heardAfterChargeSheet) return 'trial';
  return progress.chargeSheetFiled ? 'charge-sheet-filed' : 'fir-registered';
}

/** A case from the facts of its events (describeEvent's), in the order they happened, whatever the order they came in. */
export function prosecutionCaseOf(caseId: string, entries: readonly SummarisedEntry[]): ProsecutionCase {
  const accused = new Map<string, AccusedStanding>();
  const accusedOf = (perpetratorId: string) => {
    let standing = accused.get(perpetratorId);
    if (!standing) accused.set(perpetratorId, (standing = { perpetratorId, custody: 'not-arrested' }));
    return standing;
  };
  let fir: ProsecutionCase['fir'];
  let mainAccusedId: string | undefined;
  let chargeSheetFiled = false;
  let heardAfterChargeSheet = false;
  let verdicts = 0;
  let nextHearingAt: string | undefined;
  let closedReason: string | undefined;
  const inOrder = [...entries].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.eventId.localeCompare(b.eventId));
  for (const entry of inOrder) {
    const facts = entry.facts as Record<string, never>;
    switch (entry.type) {
      case legalEventTypes.firRegistered:
      case legalEventTypes.firRegisteredV1:
        fir = { district: facts.district, state: facts.state, registeredAt: facts.registeredAt };
        for (const perpetratorId of (facts.accusedIds ?? []) as string[]) accusedOf(perpetratorId);
        mainAccusedId = facts.mainAccusedId ?? mainAccusedId;
        break;
      case legalEventTypes.accusedNamed:
        accusedOf(facts.perpetratorId);
        if (facts.main) mainAccusedId = facts.perpetratorId;
        break;
      case legalEventTypes.accusedArrested:
        accusedOf(facts.perpetratorId).custody = 'arrested';
        break;
      case legalEventTypes.accusedAbsconding:
        accusedOf(facts.perpetratorId).custody = 'absconding';
        break;
      case legalEventTypes.chargeSheetFiled:
        chargeSheetFiled = true;
        break;
      case legalEventTypes.hearingRecorded:
        if (chargeSheetFiled) heardAfterChargeSheet = true;
        nextHearingAt = facts.nextHearingAt;
        break;
      case legalEventTypes.verdictRecorded:
        accusedOf(facts.perpetratorId).verdict = facts.outcome;
        verdicts += 1;
        break;
      case legalEventTypes.caseClosed:
        closedReason = facts.reason;
        break;
    }
  }
  const closed = closedReason !== undefined;
  return {
    caseId,
    ...(fir ? { fir } : {}),
    stage: caseStageOf({ chargeSheetFiled, heardAfterChargeSheet, verdicts, closed }),
    accused: [...accused.values()],
    ...(mainAccusedId !== undefined ? { mainAccusedId } : {}),
    mainAccusedNamed: mainAccusedId !== undefined && accused.has(mainAccusedId),
    chargeSheetFiled,
    ...(nextHearingAt !== undefined && !closed ? { nextHearingAt } : {}),
    ...(closedReason !== undefined ? { closedReason } : {}),
  };
}

/**
 * A case as it is folded one event at a time (its events share a key, so they arrive in the
 * order they happened): bounded by its accused, whatever its history.
 */
export interface CaseProgress {
  caseId: string;
  fir?: ProsecutionCase['fir'];
  accused: AccusedStanding[];
  mainAccusedId?: string;
  chargeSheetFiled: boolean;
  heardAfterChargeSheet: boolean;
  verdicts: number;
  nextHearingAt?: string;
  closedReason?: string;
}

export const initialCaseProgress = (caseId: string): CaseProgress => ({ caseId, accused: [], chargeSheetFiled: false, heardAfterChargeSheet: false, verdicts: 0 });

function withAccused(progress: CaseProgress, perpetratorId: string, change: (standing: AccusedStanding) => AccusedStanding = (standing) => standing): AccusedStanding[] {
  const known = progress.accused.some((standing) => standing.perpetratorId === perpetratorId);
  const accused = known ? progress.accused : [...progress.accused, { perpetratorId, custody: 'not-arrested' as const }];
  return accused.map((standing) => (standing.perpetratorId === perpetratorId ? change(standing) : standing));
}

export function evolveCase(progress: CaseProgress, event: CaseEventEnvelope): CaseProgress {
  switch (event.type) {
    case legalEventTypes.firRegistered:
    case legalEventTypes.firRegisteredV1: {
      const { fir, accusedIds, mainAccusedId } = event.data;
      let next: CaseProgress = { ...progress, fir: { district: fir.district, state: fir.state, registeredAt: fir.registeredAt } };
      for (const perpetratorId of accusedIds) next = { ...next, accused: withAccused(next, perpetratorId) };
      return mainAccusedId !== undefined ? { ...next, mainAccusedId } : next;
    }
    case legalEventTypes.accusedNamed:
      return { ...progress, accused: withAccused(progress, event.data.perpetratorId), ...(event.data.main ? { mainAccusedId: event.data.perpetratorId } : {}) };
    case legalEventTypes.accusedArrested:
      return { ...progress, accused: withAccused(progress, event.data.perpetratorId, (standing) => ({ ...standing, custody: 'arrested' })) };
    case legalEventTypes.accusedAbsconding:
      return { ...progress, accused: withAccused(progress, event.data.perpetratorId, (standing) => ({ ...standing, custody: 'absconding' })) };
    case legalEventTypes.chargeSheetFiled:
      return { ...progress, chargeSheetFiled: true };
    case legalEventTypes.hearingRecorded: {
      const { nextHearingAt: _previous, ...rest } = progress;
      return {
        ...rest,
        heardAfterChargeSheet: progress.heardAfterChargeSheet || progress.chargeSheetFiled,
        ...(event.data.nextHearingAt !== undefined ? { nextHearingAt: event.data.nextHearingAt } : {}),
      };
    }
    case legalEventTypes.verdictRecorded:
      return { ...progress, accused: withAccused(progress, event.data.perpetratorId, (standing) => ({ ...standing, verdict: event.data.outcome })), verdicts: progress.verdicts + 1 };
    case legalEventTypes.caseClosed:
      return { ...progress, closedReason: event.data.reason };
    default:
      return progress;
  }
}

/** The case as the indicators and her summary read it. */
export function prosecutionCaseFrom(progress: CaseProgress): ProsecutionCase {
  const { caseId, fir, accused, mainAccusedId, chargeSheetFiled, heardAfterChargeSheet, verdicts, nextHearingAt, closedReason } = progress;
  const closed = closedReason !== undefined;
  return {
    caseId,
    ...(fir ? { fir } : {}),
    stage: caseStageOf({ chargeSheetFiled, heardAfterChargeSheet, verdicts, closed }),
    accused,
    ...(mainAccusedId !== undefined ? { mainAccusedId } : {}),
    mainAccusedNamed: mainAccusedId !== undefined && accused.some((standing) => standing.perpetratorId === mainAccusedId),
    chargeSheetFiled,
    ...(nextHearingAt !== undefined && !closed ? { nextHearingAt } : {}),
    ...(closedReason !== undefined ? { closedReason } : {}),
  };
}
