/**
 * A person's case at a glance, per pillar: the shape staff read (PersonSummary), and the small
 * views it is kept in (PersonView), one per pillar in ../summary, each evolved from the event
 * received and its own current state.
 */
import type { AnyPillarEventEnvelope, CaseRole, Pillar } from '@mukti/contracts';
import type { AlertKind } from '@mukti/staff-api';
import type { CaseStage } from '../prosecution/prosecution-read-model';
import { byRaisedAt, instant, unkeyed } from '../summary/alerts';
import { evolveIntake, initialIntakeView, IntakeView } from '../summary/intake.view';
import { evolveLegal, initialLegalView, legalSummaryOf, LegalView } from '../summary/legal.view';
import { evolveLivelihood, initialLivelihoodView, LivelihoodView } from '../summary/livelihood.view';
import { evolvePrevention, initialPreventionView, preventionSummaryOf, PreventionView } from '../summary/prevention.view';
import { evolveRehabilitation, initialRehabilitationView, nextFollowUpOf, RehabilitationView } from '../summary/rehabilitation.view';
import { evolveRescue, initialRescueView, RescueView } from '../summary/rescue.view';
import type { CodedPlace, TimelineFacts } from './describe-event';

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
  /** The shelter she is in now: its kind, never its name (sealed in the rehabilitation service: where she stays is where she can be found). */
  shelter?: { kind: string; admittedAt: string };
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
  /** When its FIR was registered. Its number and police station are read from the case, by its team (GET /cases/{caseId}). */
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

/**
 * Her summary as stored: one small view per pillar, each updated by its own evolve from the event
 * received and its current state, so the document's size and the cost of an event do not grow
 * with her history (counts and latest states; the entries themselves are on her timeline).
 */
export interface PersonView {
  personId: string;
  intake: IntakeView;
  rescue: RescueView;
  rehabilitation: RehabilitationView;
  legal: LegalView;
  livelihood: LivelihoodView;
  prevention: PreventionView;
  entryCount: number;
  lastEventAt?: string;
}

export const initialPersonView = (personId: string): PersonView => ({
  personId,
  intake: initialIntakeView(),
  rescue: initialRescueView(),
  rehabilitation: initialRehabilitationView(),
  legal: initialLegalView(),
  livelihood: initialLivelihoodView(),
  prevention: initialPreventionView(),
  entryCount: 0,
});

/**
 * One more entry on her timeline: each pillar's view takes the event (a view ignores the types it
 * does not handle). The caller applies an entry once (the store checks her entry's id).
 */
export function evolvePerson(view: PersonView, event: AnyPillarEventEnvelope): PersonView {
  const at = new Date(event.time).toISOString();
  const applied = { event, personId: view.personId, at };
  return {
    personId: view.personId,
    intake: evolveIntake(view.intake, applied),
    rescue: evolveRescue(view.rescue, applied),
    rehabilitation: evolveRehabilitation(view.rehabilitation, applied),
    legal: evolveLegal(view.legal, applied),
    livelihood: evolveLivelihood(view.livelihood, applied),
    prevention: evolvePrevention(view.prevention, applied),
    entryCount: view.entryCount + 1,
    // Her pillars' events come on different topics, so the latest is the latest in time, not in arrival.
    lastEventAt: view.lastEventAt && view.lastEventAt > at ? view.lastEventAt : at,
  };
}

/** Her summary as staff read it, from her stored view: a few derivations over bounded parts. */
export function summaryOf(view: PersonView): PersonSummary {
  const { personId, intake, rescue, rehabilitation, legal, livelihood, prevention } = view;
  const legalPart = legalSummaryOf(legal);
  const openAlerts = [...rescue.alerts, ...rehabilitation.alerts, ...legal.alerts, ...livelihood.alerts]
    .sort(byRaisedAt)
    .map(unkeyed);
  const nextFollowUp = nextFollowUpOf(rehabilitation);
  const nextDueSteps: DueStep[] = [
    ...rescue.part.steps.filter((step) => !step.doneAt).map((step) => ({ pillar: 'rescue' as const, what: step.step, dueAt: instant(step.dueAt) })),
    ...(nextFollowUp ? [{ pillar: 'rehabilitation' as const, what: 'reintegration-follow-up', dueAt: nextFollowUp }] : []),
    ...legalPart.cases.flatMap((herCase) => (herCase.nextHearingAt ? [{ pillar: 'legal' as const, what: 'next-hearing', dueAt: instant(herCase.nextHearingAt) }] : [])),
  ]
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.what.localeCompare(b.what))
    .slice(0, MAX_NEXT_DUE_STEPS);
  return {
    personId,
    pillars: {
      intake: intake.part,
      rescue: rescue.part,
      rehabilitation: rehabilitation.part,
      legal: legalPart,
      livelihood: livelihood.part,
      prevention: preventionSummaryOf(prevention),
    },
    openAlerts,
    nextDueSteps,
    caseTeam: intake.caseTeam,
    ...(intake.erasedAt ? { erasedAt: intake.erasedAt } : {}),
    entryCount: view.entryCount,
    ...(view.lastEventAt ? { lastEventAt: view.lastEventAt } : {}),
  };
}

/** Her summary from her events in the order given (replays and tests): the same evolve, from nothing. */
export function summarisePerson(personId: string, events: readonly AnyPillarEventEnvelope[]): PersonSummary {
  return summaryOf(events.reduce(evolvePerson, initialPersonView(personId)));
}
