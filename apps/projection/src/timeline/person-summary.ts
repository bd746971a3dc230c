/**
 * A person's case at a glance, per pillar, computed from her timeline entries in the order the
 * events happened. Recomputing from the entries (rather than patching a stored summary) keeps
 * it right when events arrive late or twice.
 */
import { CaseRole, intakeEventTypes, legalEventTypes, livelihoodEventTypes, Pillar, rehabilitationEventTypes, rescueEventTypes } from '@mukti/contracts';
import type { AlertKind } from '@mukti/staff-api';
import { CaseStage, prosecutionCaseOf } from '../prosecution/prosecution-read-model';
import type { CodedPlace, TimelineFacts } from './describe-event';
import { isCaseEventType, isPreventionPlanEventType } from './whose-timeline';

export interface SummarisedEntry {
  eventId: string;
  type: string;
  occurredAt: Date;
  facts: TimelineFacts;
}

export interface IntakeSummary {
  status: 'registered' | 'not-registered-yet';
  role?: string;
  gender?: string;
  ageBand?: string;
  origin?: { state: string; district: string };
  registeredAt?: string;
  /** The latest decision per consent scope. */
  consents: Record<string, string>;
  vulnerability?: { level: string; score: number; assessedAt: string };
}

/** The latest trafficking profile recorded for her, in HTCDS codes. */
export interface TraffickingProfile {
  traffickingStatus: string;
  exploitationTypes: string[];
  recruitmentMethod: string;
  meansOfControl: string[];
  relationshipToTrafficker: string;
  source?: CodedPlace;
  transit: CodedPlace[];
  destination?: CodedPlace;
  recordedAt: string;
}

/** A legal step due after her rescue; overdue once flagged so, until it is done. */
export interface PostRescueStepStatus {
  step: string;
  dueAt: string;
  doneAt?: string;
  late?: boolean;
  overdue: boolean;
}

export interface RescueSummary {
  status: 'not-rescued' | 'rescued';
  /** Her latest rescue: the operation, when, and how the police recorded her and her age. */
  operationId?: string;
  rescuedAt?: string;
  policeRecordedAs?: string;
  itpaAgeClass?: string;
  jjAgeClass?: string;
  traffickingProfile?: TraffickingProfile;
  /** The post-rescue steps of her latest rescue. */
  steps: PostRescueStepStatus[];
}

export type RehabilitationStatus = 'no-care-plan' | 'care-plan-open' | 'in-shelter' | 'repatriated' | 'reintegrating';

export interface RehabilitationSummary {
  /**
   * Her rehabilitation status is the latest milestone reached, in the order things happened:
   * a care plan opened → care-plan-open; admitted to a shelter → in-shelter; discharged from the
   * shelter she is in → care-plan-open again (unless she was repatriated or is reintegrating
   * meanwhile); handed over at the end of repatriation → repatriated; follow-ups scheduled →
   * reintegrating. A later admission (she came back) makes her in-shelter again. Without a care
   * plan it is no-care-plan, whatever else arrived first.
   */
  status: RehabilitationStatus;
  carePlanOpenedAt?: string;
  origin?: string;
  /** The latest status per care-plan domain. */
  goals: Record<string, string>;
  /** Her current shelter stay, if she is in one. */
  shelter?: { name: string; kind: string; admittedAt: string };
  counsellingSessions: number;
  healthServices: number;
  /** Programmes she enrolled in, each once, in the order she did. */
  education: string[];
  /** The latest status per identity document. */
  documents: Record<string, string>;
  voterRegistered: boolean;
  repatriation?: { homeInvestigation?: string; escorted: boolean; handedOverTo?: string };
  /** scheduled: due dates of the current schedule; held: follow-ups recorded; missed: flagged missed and not held since. */
  followUps: { scheduled: number; held: number; missed: number; lastStatus?: string; lastRisk?: string };
  /** The latest stage, with the latest amount stated. */
  compensation?: { stage: string; amountInr?: number };
}

export type LegalStatus = 'no-case' | 'case-open' | 'verdict' | 'closed';

/** A case in which she is a victim, as her case team follows it: the accused by number only, never by name. */
export interface HerCase {
  caseId: string;
  firNumber?: string;
  policeStation?: string;
  firRegisteredAt?: string;
  /** How far it has come (the rule: caseStageOf). */
  stage: CaseStage;
  accusedCount: number;
  /** Accused in custody now, and on the run now. */
  arrested: number;
  absconding: number;
  /** Accused whose standing verdict is a conviction, or an acquittal. */
  convictions: number;
  acquittals: number;
  /** Her support as a witness in this case: how many times, and how many of them in camera. */
  witnessSupport: { count: number; inCamera: number };
  /** Compensation ordered to her in this case, every order added. */
  compensationOrderedInr: number;
  /** Set by the latest hearing, while the case is open. */
  nextHearingAt?: string;
}

export interface LegalSummary {
  /**
   * Her legal status is that of the case that most needs following: a case not judged yet makes
   * it case-open; otherwise a case with a verdict but not closed (appeals, compensation still to
   * come) makes it verdict; otherwise closed. Without a case as a victim it is no-case (an
   * accusation against her is an alert, not a case of hers).
   */
  status: LegalStatus;
  /** Her cases, in the order their first events happened. */
  cases: HerCase[];
}

/** The minimum wage her income is compared with: the figure, and the state and skill level it applies to from when. */
export interface ApplicableMinimumWage {
  monthlyInr: number;
  state: string;
  skillLevel: string;
  effectiveFrom: string;
}

/** A placement she is in now (not lost), with her latest income on it: at its start, or the latest follow-up. */
export interface CurrentPlacement {
  placementId: string;
  kind: string;
  sector: string;
  skillLevel: string;
  state: string;
  startedAt: string;
  monthlyIncomeInr: number;
  minimumWage: ApplicableMinimumWage;
  /** Her latest income on it is at least the minimum wage. */
  sustainableWage: boolean;
  /** When her income was last known: the start, or the latest follow-up. */
  incomeKnownAt: string;
}

export interface LivelihoodSummary {
  /** plan-open once her livelihood plan is opened; no-plan until then, whatever else arrived first. */
  status: 'no-plan' | 'plan-open';
  origin?: string;
  planOpenedAt?: string;
  /** Trainings started and not ended; ended completed (certified among them), or dropped out. */
  trainings: { inTraining: number; completed: number; certified: number; droppedOut: number };
  /** Her current placements, in the order they started; how many she lost, and why she lost the latest. */
  placements: { current: CurrentPlacement[]; lost: number; lastLossReason?: string };
  financialInclusion: { bankAccount: boolean; selfHelpGroup: boolean };
  /** The latest stage per government scheme. */
  schemes: Record<string, string>;
}

/**
 * Where prevention stands for her: not-followed while her plan has no support yet; followed from
 * its first support; entry-prevented once counted so (12 months followed with no entry into
 * exploitation); entered-exploitation once her entry is recorded. The latest of the last two stands.
 */
export type PreventionOutcome = 'not-followed' | 'followed' | 'entry-prevented' | 'entered-exploitation';

/** A prevention plan that covers her: her household's, or her own. */
export interface HerPreventionPlan {
  planId: string;
  subject: 'household' | 'person';
  openedAt?: string;
  /** The plan's supports (each at its latest status), counted by kind and status. */
  supports: Record<string, Record<string, number>>;
  /** From the plan's first support; as the livelihood service states it once it counts her outcome. */
  followedSince?: string;
  outcome: PreventionOutcome;
}

export interface PreventionSummary {
  status: 'not-covered' | 'covered';
  /** Her outcome across her plans: the latest of her entry prevented and her entry into exploitation, otherwise followed if any plan follows her. */
  outcome: PreventionOutcome;
  /** The plans that cover her, in the order their first events happened. */
  plans: HerPreventionPlan[];
}

/** Something that needs attention now, and stays open until what it asks for is done. */
export interface OpenAlert {
  kind: AlertKind;
  pillar: Pillar;
  raisedAt: string;
  details: Record<string, string>;
}

export interface DueStep {
  pillar: Pillar;
  what: string;
  dueAt: string;
}

export interface PersonSummary {
  personId: string;
  pillars: {
    intake: IntakeSummary;
    rescue: RescueSummary;
    rehabilitation: RehabilitationSummary;
    legal: LegalSummary;
    livelihood: LivelihoodSummary;
    prevention: PreventionSummary;
  };
  /** Open alerts, oldest first. */
  openAlerts: OpenAlert[];
  /** What falls due next, soonest first: post-rescue steps not done, her next reintegration follow-up, the next hearing of each open case. */
  nextDueSteps: DueStep[];
  /** Who works on her case, and in which role: what need-to-know is checked against. */
  caseTeam: Record<string, { role: CaseRole; since: string }>;
  /** Her personal data was erased then: what remains identifies no one, and still counts. */
  erasedAt?: string;
  entryCount: number;
  lastEventAt?: string;
}

/** The pillar each part of her summary belongs to (who may see it): prevention is the livelihood pillar's work. */
export const pillarOfSummaryPart: Readonly<Record<keyof PersonSummary['pillars'], Pillar>> = {
  intake: 'intake',
  rescue: 'rescue',
  rehabilitation: 'rehabilitation',
  legal: 'legal',
  livelihood: 'livelihood',
  prevention: 'livelihood',
};

export const MAX_NEXT_DUE_STEPS = 5;

export function byOccurrence(a: SummarisedEntry, b: SummarisedEntry): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || a.eventId.localeCompare(b.eventId);
}

/** The same moment however it was written (a due date is matched against the follow-up that answers it). */
const instant = (iso: string) => new Date(iso).toISOString();

export function summarisePerson(personId: string, entries: SummarisedEntry[]): PersonSummary {
  const intake: IntakeSummary = { status: 'not-registered-yet', consents: {} };
  const rescue: RescueSummary = { status: 'not-rescued', steps: [] };
  const rehabilitation: RehabilitationSummary = {
    status: 'no-care-plan',
    goals: {},
    counsellingSessions: 0,
    healthServices: 0,
    education: [],
    documents: {},
    voterRegistered: false,
    followUps: { scheduled: 0, held: 0, missed: 0 },
  };
  const livelihood: LivelihoodSummary = {
    status: 'no-plan',
    trainings: { inTraining: 0, completed: 0, certified: 0, droppedOut: 0 },
    placements: { current: [], lost: 0 },
    financialInclusion: { bankAccount: false, selfHelpGroup: false },
    schemes: {},
  };
  const caseTeam: PersonSummary['caseTeam'] = {};
  /** Open alerts by what closes them. */
  const alerts = new Map<string, OpenAlert>();
  let followUpsDue: string[] = [];
  const followUpsHeld = new Set<string>();
  /** Her rehabilitation status as it moves with her events (the rule: RehabilitationSummary.status). */
  let stage: RehabilitationStatus = 'no-care-plan';
  let erasedAt: string | undefined;
  /** The entries of each case of hers, and where each case is, as they happened. */
  const caseEntries = new Map<string, SummarisedEntry[]>();
  const chargeSheeted = new Set<string>();
  const closedCases = new Set<string>();
  /** Her trainings not ended yet, and those ended (an end seen first is not undone by a start dated after it). */
  const inTraining = new Set<string>();
  const trainingsEnded = new Set<string>();
  /** Her placements now, by id, in the order they started; those she lost. */
  const placements = new Map<string, CurrentPlacement>();
  const placementsLost = new Set<string>();
  /** The entries of each prevention plan that covers her, as they happened. */
  const planEntries = new Map<string, SummarisedEntry[]>();
  const ordered = [...entries].sort(byOccurrence);
  for (const entry of ordered) {
    const facts = entry.facts as Record<string, never>;
    const at = entry.occurredAt.toISOString();
    if (isCaseEventType(entry.type) && typeof facts.caseId === 'string') {
      const ofCase = caseEntries.get(facts.caseId) ?? [];
      caseEntries.set(facts.caseId, [...ofCase, entry]);
    }
    if (isPreventionPlanEventType(entry.type) && typeof facts.preventionPlanId === 'string') {
      planEntries.set(facts.preventionPlanId, [...(planEntries.get(facts.preventionPlanId) ?? []), entry]);
    }
    switch (entry.type) {
      case intakeEventTypes.personRegistered:
        Object.assign(intake, {
          status: 'registered',
          role: facts.role,
          gender: facts.gender,
          ageBand: facts.ageBand,
          origin: facts.origin,
          registeredAt: at,
        });
        break;
      case intakeEventTypes.consentRecorded:
        intake.consents[facts.scope] = facts.decision;
        // Granted again: she may be named to the law again, nothing is left to act on.
        if (facts.decision === 'granted') deleteAlerts(alerts, (key) => key.startsWith('consent-withdrawn:') && key.endsWith(`:${facts.scope}`));
        break;
      case intakeEventTypes.vulnerabilityAssessed:
        intake.vulnerability = { level: facts.level, score: facts.score, assessedAt: at };
        break;
      case intakeEventTypes.staffAssigned:
        caseTeam[facts.staffId] = { role: facts.staffRole, since: at };
        break;
      case intakeEventTypes.staffUnassigned:
        delete caseTeam[facts.staffId];
        break;
      case intakeEventTypes.personErased:
        erasedAt = at;
        break;

      case rescueEventTypes.personRescued: {
        const stepsDue = (facts.stepsDue ?? []) as { step: string; dueAt: string }[];
        Object.assign(rescue, {
          status: 'rescued',
          operationId: facts.operationId,
          rescuedAt: facts.rescuedAt ?? at,
          policeRecordedAs: facts.policeRecordedAs,
          itpaAgeClass: facts.itpaAgeClass,
          jjAgeClass: facts.jjAgeClass,
          steps: stepsDue.map(({ step, dueAt }) => ({ step, dueAt, overdue: false })),
        });
        if (facts.decriminalisationAlert) {
          alerts.set(`decriminalisation:${facts.operationId}`, {
            kind: 'decriminalisation',
            pillar: 'rescue',
            raisedAt: at,
            details: { operationId: facts.operationId, policeRecordedAs: facts.policeRecordedAs },
          });
        }
        break;
      }
      case rescueEventTypes.policeRecordChanged: {
        if (facts.operationId === rescue.operationId) rescue.policeRecordedAs = facts.policeRecordedAs;
        const key = `decriminalisation:${facts.operationId}`;
        if (!facts.decriminalisationAlert) alerts.delete(key);
        else alerts.set(key, { kind: 'decriminalisation', pillar: 'rescue', raisedAt: at, details: { operationId: facts.operationId, policeRecordedAs: facts.policeRecordedAs } });
        break;
      }
      case rescueEventTypes.postRescueStepOverdue: {
        const step = stepOf(rescue, facts.operationId, facts.step);
        if (step?.doneAt) break;
        if (step) step.overdue = true;
        alerts.set(`step:${facts.operationId}:${facts.step}`, {
          kind: 'post-rescue-step-overdue',
          pillar: 'rescue',
          raisedAt: at,
          details: { operationId: facts.operationId, step: facts.step, dueAt: facts.dueAt },
        });
        break;
      }
      case rescueEventTypes.postRescueStepCompleted: {
        const step = stepOf(rescue, facts.operationId, facts.step);
        if (step) Object.assign(step, { doneAt: facts.doneAt ?? at, late: facts.late, overdue: false });
        alerts.delete(`step:${facts.operationId}:${facts.step}`);
        break;
      }
      case rescueEventTypes.traffickingProfileRecorded: {
        const { operationId: _operation, ...profile } = facts as Record<string, unknown>;
        rescue.traffickingProfile = { ...(profile as Omit<TraffickingProfile, 'recordedAt'>), recordedAt: at };
        break;
      }

      case rehabilitationEventTypes.carePlanOpened: {
        if (stage === 'no-care-plan') stage = 'care-plan-open';
        rehabilitation.carePlanOpenedAt ??= at;
        rehabilitation.origin ??= facts.origin;
        for (const domain of (facts.goals ?? []) as string[]) rehabilitation.goals[domain] ??= 'open';
        break;
      }
      case rehabilitationEventTypes.goalSet:
        rehabilitation.goals[facts.domain] = facts.status;
        break;
      case rehabilitationEventTypes.shelterAdmitted:
        rehabilitation.shelter = { name: facts.shelterName, kind: facts.shelterKind, admittedAt: facts.admittedAt ?? at };
        stage = 'in-shelter';
        break;
      case rehabilitationEventTypes.shelterDischarged:
        // Discharged from where she is (a discharge from a shelter she already left, after a transfer, changes nothing).
        if (rehabilitation.shelter?.name !== facts.shelterName) break;
        delete rehabilitation.shelter;
        if (stage === 'in-shelter') stage = 'care-plan-open';
        break;
      case rehabilitationEventTypes.counsellingSessionRecorded:
        rehabilitation.counsellingSessions += 1;
        break;
      case rehabilitationEventTypes.healthServiceRecorded:
        rehabilitation.healthServices += 1;
        break;
      case rehabilitationEventTypes.educationEnrolled:
        if (!rehabilitation.education.includes(facts.programme)) rehabilitation.education.push(facts.programme);
        break;
      case rehabilitationEventTypes.identityDocumentRecorded:
        rehabilitation.documents[facts.document] = facts.status;
        break;
      case rehabilitationEventTypes.voterRegistered:
        rehabilitation.voterRegistered = true;
        break;
      case rehabilitationEventTypes.repatriationStepRecorded: {
        const repatriation = (rehabilitation.repatriation ??= { escorted: false });
        if (facts.step === 'home-investigation-report' && facts.homeInvestigationOutcome) repatriation.homeInvestigation = facts.homeInvestigationOutcome;
        if (facts.step === 'escort') repatriation.escorted = true;
        if (facts.step === 'handover') {
          if (facts.handedOverTo) repatriation.handedOverTo = facts.handedOverTo;
          stage = 'repatriated';
        }
        break;
      }
      case rehabilitationEventTypes.followUpsScheduled:
        // A new schedule replaces the one before; follow-ups already held stay held.
        followUpsDue = ((facts.dueDates ?? []) as string[]).map(instant);
        stage = 'reintegrating';
        break;
      case rehabilitationEventTypes.followUpRecorded:
        followUpsHeld.add(instant(facts.dueAt));
        rehabilitation.followUps.held += 1;
        rehabilitation.followUps.lastStatus = facts.status;
        rehabilitation.followUps.lastRisk = facts.retraffickingRisk;
        alerts.delete(`follow-up:${instant(facts.dueAt)}`);
        break;
      case rehabilitationEventTypes.followUpMissed:
        if (followUpsHeld.has(instant(facts.dueAt))) break;
        alerts.set(`follow-up:${instant(facts.dueAt)}`, {
          kind: 'follow-up-missed',
          pillar: 'rehabilitation',
          raisedAt: at,
          details: { dueAt: instant(facts.dueAt) },
        });
        break;
      case rehabilitationEventTypes.compensationRecorded: {
        // Paid without an amount stated: the amount awarded stands.
        const amountInr: number | undefined = facts.amountInr ?? rehabilitation.compensation?.amountInr;
        rehabilitation.compensation = { stage: facts.stage, ...(amountInr !== undefined ? { amountInr } : {}) };
        break;
      }

      // Legal: alerts about her, raised by the case and closed by what answers them. Rescue's
      // decriminalisation alert is keyed by its operation; this one by the case.
      case legalEventTypes.survivorNamedAsAccused:
        alerts.set(`decriminalisation:case:${facts.caseId}`, { kind: 'decriminalisation', pillar: 'legal', raisedAt: at, details: { caseId: facts.caseId } });
        break;
      case legalEventTypes.survivorAccusationDropped:
        alerts.delete(`decriminalisation:case:${facts.caseId}`);
        break;
      case legalEventTypes.debtBondageSuspected:
        // Open until someone acts on it: no event closes it yet (the debt outlives the case).
        alerts.set(`debt-bondage:${facts.caseId}`, {
          kind: 'debt-bondage',
          pillar: 'legal',
          raisedAt: at,
          details: { caseId: facts.caseId, suretyPerpetratorId: facts.suretyPerpetratorId },
        });
        break;
      case legalEventTypes.consentWithdrawnOnOpenCase:
        if (closedCases.has(facts.caseId)) break;
        alerts.set(`consent-withdrawn:${facts.caseId}:${facts.scope}`, {
          kind: 'consent-withdrawn-on-open-case',
          pillar: 'legal',
          raisedAt: at,
          details: { caseId: facts.caseId, scope: facts.scope },
        });
        break;
      case legalEventTypes.chargeSheetMissing: {
        if (chargeSheeted.has(facts.caseId) || closedCases.has(facts.caseId)) break;
        // The 90-day flag after the 60-day one: the same alert, waiting since the first.
        const key = `charge-sheet-missing:${facts.caseId}`;
        alerts.set(key, {
          kind: 'charge-sheet-missing',
          pillar: 'legal',
          raisedAt: alerts.get(key)?.raisedAt ?? at,
          details: { caseId: facts.caseId, daysAfterFir: String(facts.daysAfterFir), dueAt: instant(facts.dueAt) },
        });
        break;
      }
      case legalEventTypes.chargeSheetFiled:
        chargeSheeted.add(facts.caseId);
        alerts.delete(`charge-sheet-missing:${facts.caseId}`);
        break;
      case legalEventTypes.caseClosed:
        closedCases.add(facts.caseId);
        deleteAlerts(alerts, (key) => key === `charge-sheet-missing:${facts.caseId}` || key.startsWith(`consent-withdrawn:${facts.caseId}:`));
        break;

      // Livelihood: her income on each placement against the minimum wage, and an alert while it is below.
      case livelihoodEventTypes.livelihoodPlanOpened:
        livelihood.status = 'plan-open';
        livelihood.origin ??= facts.origin;
        livelihood.planOpenedAt ??= facts.openedAt ?? at;
        break;
      case livelihoodEventTypes.skillTrainingStarted:
        if (!trainingsEnded.has(facts.trainingId)) inTraining.add(facts.trainingId);
        break;
      case livelihoodEventTypes.skillTrainingEnded: {
        if (trainingsEnded.has(facts.trainingId)) break;
        inTraining.delete(facts.trainingId);
        trainingsEnded.add(facts.trainingId);
        const { trainings } = livelihood;
        if (facts.outcome === 'dropped-out') trainings.droppedOut += 1;
        else trainings.completed += 1;
        if (facts.outcome === 'completed' && facts.certified) trainings.certified += 1;
        break;
      }
      case livelihoodEventTypes.placementStarted: {
        if (placementsLost.has(facts.placementId)) break;
        const placement: CurrentPlacement = {
          placementId: facts.placementId,
          kind: facts.kind,
          sector: facts.sector,
          skillLevel: facts.skillLevel,
          state: facts.state,
          startedAt: instant(facts.startedAt ?? at),
          monthlyIncomeInr: facts.monthlyIncomeInr,
          minimumWage: facts.minimumWage,
          sustainableWage: facts.sustainableWage,
          incomeKnownAt: instant(facts.startedAt ?? at),
        };
        placements.set(placement.placementId, placement);
        raiseOrCloseWageAlert(alerts, placement, at);
        break;
      }
      case livelihoodEventTypes.incomeFollowedUp: {
        // A follow-up on a placement she lost (or whose start has not arrived) changes nothing here.
        const placement = placements.get(facts.placementId);
        if (!placement) break;
        Object.assign(placement, {
          monthlyIncomeInr: facts.monthlyIncomeInr,
          minimumWage: facts.minimumWage,
          sustainableWage: facts.sustainableWage,
          incomeKnownAt: instant(facts.at ?? at),
        });
        raiseOrCloseWageAlert(alerts, placement, at);
        break;
      }
      case livelihoodEventTypes.placementLost:
        placements.delete(facts.placementId);
        placementsLost.add(facts.placementId);
        livelihood.placements.lastLossReason = facts.reason;
        // She is not paid below the minimum wage by a job she no longer has.
        alerts.delete(wageAlertKey(facts.placementId));
        break;
      case livelihoodEventTypes.financialInclusionRecorded:
        if (facts.kind === 'bank-account') livelihood.financialInclusion.bankAccount = true;
        if (facts.kind === 'self-help-group') livelihood.financialInclusion.selfHelpGroup = true;
        break;
      case livelihoodEventTypes.schemeLinkageRecorded:
        livelihood.schemes[facts.scheme] = facts.stage;
        break;
    }
  }
  rehabilitation.status = rehabilitation.carePlanOpenedAt ? stage : 'no-care-plan';
  rehabilitation.followUps.scheduled = followUpsDue.length;
  const openAlerts = [...alerts.values()].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  rehabilitation.followUps.missed = openAlerts.filter((alert) => alert.kind === 'follow-up-missed').length;

  const legal = legalSummaryOf(personId, caseEntries);
  livelihood.trainings.inTraining = inTraining.size;
  livelihood.placements.current = [...placements.values()];
  livelihood.placements.lost = placementsLost.size;
  const prevention = preventionSummaryOf(personId, planEntries);

  const nextFollowUp = followUpsDue.filter((dueAt) => !followUpsHeld.has(dueAt)).sort()[0];
  const nextDueSteps: DueStep[] = [
    ...rescue.steps.filter((step) => !step.doneAt).map((step) => ({ pillar: 'rescue' as const, what: step.step, dueAt: instant(step.dueAt) })),
    ...(nextFollowUp ? [{ pillar: 'rehabilitation' as const, what: 'reintegration-follow-up', dueAt: nextFollowUp }] : []),
    ...legal.cases.flatMap((herCase) => (herCase.nextHearingAt ? [{ pillar: 'legal' as const, what: 'next-hearing', dueAt: instant(herCase.nextHearingAt) }] : [])),
  ]
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.what.localeCompare(b.what))
    .slice(0, MAX_NEXT_DUE_STEPS);

  const last = ordered.at(-1);
  return {
    personId,
    pillars: { intake, rescue, rehabilitation, legal, livelihood, prevention },
    openAlerts,
    nextDueSteps,
    caseTeam,
    ...(erasedAt ? { erasedAt } : {}),
    entryCount: entries.length,
    ...(last ? { lastEventAt: last.occurredAt.toISOString() } : {}),
  };
}

function deleteAlerts(alerts: Map<string, OpenAlert>, closes: (key: string) => boolean) {
  for (const key of [...alerts.keys()]) if (closes(key)) alerts.delete(key);
}

/**
 * Her cases, each folded as the prosecution indicators fold it, with what of it is hers: her
 * support as a witness, her compensation. A case is hers when its FIR is on her timeline (an FIR
 * names its victims); a case that accuses her and records her bail is not a case of hers.
 */
function legalSummaryOf(personId: string, caseEntries: ReadonlyMap<string, SummarisedEntry[]>): LegalSummary {
  const hersAsVictim = [...caseEntries].filter(([, entries]) => entries.some((entry) => entry.type === legalEventTypes.firRegistered));
  const cases = hersAsVictim.map(([caseId, entries]): HerCase => {
    const prosecution = prosecutionCaseOf(caseId, entries);
    const hers = entries.filter((entry) => entry.facts['personId'] === personId);
    const supported = hers.filter((entry) => entry.type === legalEventTypes.witnessSupportRecorded);
    const compensated = hers.filter((entry) => entry.type === legalEventTypes.compensationOrdered);
    const { fir, stage, accused, nextHearingAt } = prosecution;
    return {
      caseId,
      ...(fir ? { firNumber: fir.number, policeStation: fir.policeStation, firRegisteredAt: fir.registeredAt } : {}),
      stage,
      accusedCount: accused.length,
      arrested: accused.filter((one) => one.custody === 'arrested').length,
      absconding: accused.filter((one) => one.custody === 'absconding').length,
      convictions: accused.filter((one) => one.verdict === 'convicted').length,
      acquittals: accused.filter((one) => one.verdict === 'acquitted').length,
      witnessSupport: { count: supported.length, inCamera: supported.filter((entry) => entry.facts['inCamera'] === true).length },
      compensationOrderedInr: compensated.reduce((sum, entry) => sum + ((entry.facts['amountInr'] as number | undefined) ?? 0), 0),
      ...(nextHearingAt ? { nextHearingAt } : {}),
    };
  });
  const stages = new Set(cases.map((herCase) => herCase.stage));
  const status: LegalStatus =
    cases.length === 0
      ? 'no-case'
      : stages.has('fir-registered') || stages.has('charge-sheet-filed') || stages.has('trial')
        ? 'case-open'
        : stages.has('verdict')
          ? 'verdict'
          : 'closed';
  return { status, cases };
}

const wageAlertKey = (placementId: string) => `below-minimum-wage:${placementId}`;

/**
 * Her latest income on a current placement below the minimum wage opens the alert (waiting since
 * it was first found below, however many follow-ups find it below again); at or above, it closes.
 */
function raiseOrCloseWageAlert(alerts: Map<string, OpenAlert>, placement: CurrentPlacement, at: string) {
  const key = wageAlertKey(placement.placementId);
  if (placement.sustainableWage) {
    alerts.delete(key);
    return;
  }
  alerts.set(key, {
    kind: 'below-minimum-wage',
    pillar: 'livelihood',
    raisedAt: alerts.get(key)?.raisedAt ?? at,
    details: {
      placementId: placement.placementId,
      monthlyIncomeInr: String(placement.monthlyIncomeInr),
      minimumWageInr: String(placement.minimumWage.monthlyInr),
    },
  });
}

/**
 * The prevention plans that cover her, each from the facts of its events: its supports at their
 * latest status, since when it follows her, and her outcome in it. An entry prevented or an entry
 * into exploitation is on the timeline of everyone the plan covers, but it is the outcome of the
 * person it names only.
 */
function preventionSummaryOf(personId: string, planEntries: ReadonlyMap<string, SummarisedEntry[]>): PreventionSummary {
  let latestOutcome: { outcome: PreventionOutcome; at: SummarisedEntry } | undefined;
  const plans = [...planEntries].map(([planId, entries]): HerPreventionPlan => {
    const supports = new Map<string, { kind: string; status: string; startedAt: string }>();
    let subject: HerPreventionPlan['subject'] = 'household';
    let openedAt: string | undefined;
    let hers: { outcome: PreventionOutcome; followedSince: string } | undefined;
    for (const entry of entries) {
      const facts = entry.facts as Record<string, never>;
      if (facts.subject) subject = facts.subject;
      switch (entry.type) {
        case livelihoodEventTypes.preventionPlanOpened:
          openedAt ??= instant(facts.openedAt ?? entry.occurredAt.toISOString());
          break;
        case livelihoodEventTypes.preventionSupportRecorded:
          supports.set(facts.supportId, { kind: facts.kind, status: facts.status, startedAt: instant(facts.startedAt) });
          break;
        case livelihoodEventTypes.entryPrevented:
        case livelihoodEventTypes.entryIntoExploitationRecorded: {
          if (facts.personId !== personId) break;
          const outcome: PreventionOutcome = entry.type === livelihoodEventTypes.entryPrevented ? 'entry-prevented' : 'entered-exploitation';
          hers = { outcome, followedSince: instant(facts.followedSince) };
          if (!latestOutcome || byOccurrence(latestOutcome.at, entry) < 0) latestOutcome = { outcome, at: entry };
          break;
        }
      }
    }
    const firstSupport = [...supports.values()].map((support) => support.startedAt).sort()[0];
    const followedSince = hers?.followedSince ?? firstSupport;
    const byKind: HerPreventionPlan['supports'] = {};
    for (const { kind, status } of supports.values()) {
      const ofKind = (byKind[kind] ??= {});
      ofKind[status] = (ofKind[status] ?? 0) + 1;
    }
    return {
      planId,
      subject,
      ...(openedAt ? { openedAt } : {}),
      supports: byKind,
      ...(followedSince ? { followedSince } : {}),
      outcome: hers?.outcome ?? (followedSince ? 'followed' : 'not-followed'),
    };
  });
  const outcome: PreventionOutcome = latestOutcome?.outcome ?? (plans.some((plan) => plan.outcome === 'followed') ? 'followed' : 'not-followed');
  return { status: plans.length > 0 ? 'covered' : 'not-covered', outcome, plans };
}

/** A step of her latest rescue; a step of an earlier operation is not on her summary any more. */
function stepOf(rescue: RescueSummary, operationId: string | undefined, step: string): PostRescueStepStatus | undefined {
  if (operationId !== undefined && operationId !== rescue.operationId) return undefined;
  return rescue.steps.find((candidate) => candidate.step === step);
}
