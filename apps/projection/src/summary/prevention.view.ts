/**
 * The prevention part of her summary: the plans that cover her (her household's, or her own) and
 * her outcome. An entry prevented or an entry into exploitation is on the timeline of everyone the
 * plan covers, but it is the outcome of the person it names only.
 */
import { livelihoodEventTypes } from '@mukti/contracts';
import type { HerPreventionPlan, PreventionOutcome, PreventionSummary } from '../timeline/person-summary';
import { isPreventionPlanEventType, PreventionPlanEventEnvelope } from '../timeline/whose-timeline';
import { instant } from './alerts';
import type { Applied } from './summary-event';

interface Outcome {
  outcome: 'entry-prevented' | 'entered-exploitation';
  followedSince: string;
  at: string;
  eventId: string;
}

/** A plan that covers her: one per plan, with one record per support (its latest status). */
export interface PlanView {
  planId: string;
  subject: HerPreventionPlan['subject'];
  firstAt: string;
  openedAt?: string;
  supports: { supportId: string; kind: string; status: string; startedAt: string }[];
  hers?: Outcome;
}

export interface PreventionView {
  plans: PlanView[];
}

export const initialPreventionView = (): PreventionView => ({ plans: [] });

/** The later of two outcomes, by when they happened: plans are keyed apart, so their events may arrive in any order. */
const later = (a: Outcome | undefined, b: Outcome): Outcome => (!a || a.at < b.at || (a.at === b.at && a.eventId < b.eventId) ? b : a);

export function evolvePrevention(view: PreventionView, { event, personId, at }: Applied): PreventionView {
  if (!isPreventionPlanEventType(event.type)) return view;
  const planEvent = event as PreventionPlanEventEnvelope;
  const { preventionPlanId: planId, subject } = planEvent.data;
  const current = view.plans.find((plan) => plan.planId === planId) ?? { planId, subject, firstAt: at, supports: [] };
  let plan: PlanView = { ...current, subject, firstAt: at < current.firstAt ? at : current.firstAt };
  switch (planEvent.type) {
    case livelihoodEventTypes.preventionPlanOpened:
      plan.openedAt ??= instant(planEvent.data.openedAt ?? at);
      break;
    case livelihoodEventTypes.preventionSupportRecorded: {
      const { supportId, kind, status, startedAt } = planEvent.data;
      const support = { supportId, kind, status, startedAt: instant(startedAt) };
      plan = { ...plan, supports: [...plan.supports.filter((one) => one.supportId !== supportId), support] };
      break;
    }
    case livelihoodEventTypes.entryPrevented:
    case livelihoodEventTypes.entryIntoExploitationRecorded: {
      if (planEvent.data.personId !== personId) break;
      const outcome = planEvent.type === livelihoodEventTypes.entryPrevented ? 'entry-prevented' : 'entered-exploitation';
      plan = { ...plan, hers: later(plan.hers, { outcome, followedSince: instant(planEvent.data.followedSince), at, eventId: event.id }) };
      break;
    }
  }
  const known = view.plans.some((one) => one.planId === planId);
  // In the order of their ids: plans are keyed apart, and every replica must store the same view.
  return { plans: known ? view.plans.map((one) => (one.planId === planId ? plan : one)) : [...view.plans, plan].sort((a, b) => a.planId.localeCompare(b.planId)) };
}

export function preventionSummaryOf(view: PreventionView): PreventionSummary {
  const inOrder = [...view.plans].sort((a, b) => a.firstAt.localeCompare(b.firstAt));
  const plans = inOrder.map((plan): HerPreventionPlan => {
    const firstSupport = plan.supports.map((support) => support.startedAt).sort()[0];
    const followedSince = plan.hers?.followedSince ?? firstSupport;
    const supports: HerPreventionPlan['supports'] = {};
    for (const { kind, status } of plan.supports) {
      const ofKind = (supports[kind] ??= {});
      ofKind[status] = (ofKind[status] ?? 0) + 1;
    }
    return {
      planId: plan.planId,
      subject: plan.subject,
      ...(plan.openedAt ? { openedAt: plan.openedAt } : {}),
      supports,
      ...(followedSince ? { followedSince } : {}),
      outcome: plan.hers?.outcome ?? (followedSince ? 'followed' : 'not-followed'),
    };
  });
  const latest = view.plans.reduce<Outcome | undefined>((found, plan) => (plan.hers ? later(found, plan.hers) : found), undefined);
  const outcome: PreventionOutcome = latest?.outcome ?? (plans.some((plan) => plan.outcome === 'followed') ? 'followed' : 'not-followed');
  return { status: plans.length > 0 ? 'covered' : 'not-covered', outcome, plans };
}
