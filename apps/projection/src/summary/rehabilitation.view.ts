/** The rehabilitation part of her summary: her care plan and what was done under it, and the follow-up alerts. */
import { rehabilitationEventTypes } from '@mukti/contracts';
import type { RehabilitationStatus, RehabilitationSummary } from '../timeline/person-summary';
import { close, instant, KeyedAlert, raise } from './alerts';
import type { Applied } from './summary-event';

export interface RehabilitationView {
  part: RehabilitationSummary;
  /** Her status as it moves with her events, care plan or not (the rule: RehabilitationSummary.status). */
  stage: RehabilitationStatus;
  /** The due dates of the current schedule (a schedule is a handful of dates), and those of them held. */
  followUpsDue: string[];
  followUpsHeld: string[];
  alerts: KeyedAlert[];
}

export const initialRehabilitationView = (): RehabilitationView => ({
  part: {
    status: 'no-care-plan',
    goals: {},
    counsellingSessions: 0,
    healthServices: 0,
    education: [],
    documents: {},
    voterRegistered: false,
    followUps: { scheduled: 0, held: 0, missed: 0 },
  },
  stage: 'no-care-plan',
  followUpsDue: [],
  followUpsHeld: [],
  alerts: [],
});

/** Her next follow-up: the soonest due date of the schedule not held yet (a missed one is still the one to hold). */
export function nextFollowUpOf(view: RehabilitationView): string | undefined {
  return view.followUpsDue.filter((dueAt) => !view.followUpsHeld.includes(dueAt)).sort()[0];
}

/** Her rehabilitation events arrive in the order they happened (one topic, keyed by her). */
export function evolveRehabilitation(view: RehabilitationView, applied: Applied): RehabilitationView {
  const next = evolveParts(view, applied);
  if (next === view) return view;
  // Derived once per event from the bounded parts: status from stage, counts from the schedule and the open alerts.
  const followUps = {
    ...next.part.followUps,
    scheduled: next.followUpsDue.length,
    missed: next.alerts.filter((alert) => alert.kind === 'follow-up-missed').length,
  };
  return { ...next, part: { ...next.part, status: next.part.carePlanOpenedAt ? next.stage : 'no-care-plan', followUps } };
}

function evolveParts(view: RehabilitationView, { event, at }: Applied): RehabilitationView {
  const { part } = view;
  switch (event.type) {
    case rehabilitationEventTypes.carePlanOpened: {
      const goals = { ...part.goals };
      for (const domain of event.data.goals ?? []) goals[domain] ??= 'open';
      return {
        ...view,
        stage: view.stage === 'no-care-plan' ? 'care-plan-open' : view.stage,
        part: { ...part, carePlanOpenedAt: part.carePlanOpenedAt ?? at, origin: part.origin ?? event.data.origin, goals },
      };
    }
    case rehabilitationEventTypes.goalSet:
      return { ...view, part: { ...part, goals: { ...part.goals, [event.data.domain]: event.data.status } } };
    // Its kind, never its name: where she stays is where she can be found (v1 carried the name in clear; it is not copied).
    case rehabilitationEventTypes.shelterAdmitted:
    case rehabilitationEventTypes.shelterAdmittedV1: {
      const { shelter, admittedAt } = event.data;
      return { ...view, stage: 'in-shelter', part: { ...part, shelter: { kind: shelter.kind, admittedAt: admittedAt ?? at } } };
    }
    case rehabilitationEventTypes.shelterDischarged:
    case rehabilitationEventTypes.shelterDischargedV1: {
      // She is in one shelter at a time (the service's rule): a discharge ends the stay there is.
      if (!part.shelter) return view;
      const { shelter: _left, ...rest } = part;
      return { ...view, stage: view.stage === 'in-shelter' ? 'care-plan-open' : view.stage, part: rest };
    }
    case rehabilitationEventTypes.counsellingSessionRecorded:
      return { ...view, part: { ...part, counsellingSessions: part.counsellingSessions + 1 } };
    case rehabilitationEventTypes.healthServiceRecorded:
      return { ...view, part: { ...part, healthServices: part.healthServices + 1 } };
    case rehabilitationEventTypes.educationEnrolled:
      // Each programme once: the list is bounded by the programmes there are.
      return part.education.includes(event.data.programme) ? view : { ...view, part: { ...part, education: [...part.education, event.data.programme] } };
    case rehabilitationEventTypes.identityDocumentRecorded:
      return { ...view, part: { ...part, documents: { ...part.documents, [event.data.document]: event.data.status } } };
    case rehabilitationEventTypes.voterRegistered:
      return { ...view, part: { ...part, voterRegistered: true } };
    case rehabilitationEventTypes.repatriationStepRecorded: {
      const { step, homeInvestigationOutcome, handedOverTo } = event.data;
      const repatriation = { ...(part.repatriation ?? { escorted: false }) };
      if (step === 'home-investigation-report' && homeInvestigationOutcome) repatriation.homeInvestigation = homeInvestigationOutcome;
      if (step === 'escort') repatriation.escorted = true;
      if (step === 'handover' && handedOverTo) repatriation.handedOverTo = handedOverTo;
      return { ...view, stage: step === 'handover' ? 'repatriated' : view.stage, part: { ...part, repatriation } };
    }
    case rehabilitationEventTypes.followUpsScheduled: {
      // A new schedule replaces the one before; follow-ups already held stay held.
      const followUpsDue = (event.data.dueDates ?? []).map(instant);
      return { ...view, stage: 'reintegrating', followUpsDue, followUpsHeld: view.followUpsHeld.filter((dueAt) => followUpsDue.includes(dueAt)) };
    }
    case rehabilitationEventTypes.followUpRecorded: {
      const dueAt = instant(event.data.dueAt);
      const { status, retraffickingRisk } = event.data;
      return {
        ...view,
        followUpsHeld: view.followUpsDue.includes(dueAt) && !view.followUpsHeld.includes(dueAt) ? [...view.followUpsHeld, dueAt] : view.followUpsHeld,
        part: { ...part, followUps: { ...part.followUps, held: part.followUps.held + 1, lastStatus: status, lastRisk: retraffickingRisk } },
        alerts: close(view.alerts, (key) => key === `follow-up:${dueAt}`),
      };
    }
    case rehabilitationEventTypes.followUpMissed: {
      const dueAt = instant(event.data.dueAt);
      if (view.followUpsHeld.includes(dueAt)) return view;
      return { ...view, alerts: raise(view.alerts, `follow-up:${dueAt}`, { kind: 'follow-up-missed', pillar: 'rehabilitation', raisedAt: at, details: { dueAt } }) };
    }
    case rehabilitationEventTypes.compensationRecorded: {
      // Paid without an amount stated: the amount awarded stands.
      const amountInr = event.data.amountInr ?? part.compensation?.amountInr;
      return { ...view, part: { ...part, compensation: { stage: event.data.stage, ...(amountInr !== undefined ? { amountInr } : {}) } } };
    }
    default:
      return view;
  }
}
