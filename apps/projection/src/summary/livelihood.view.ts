/** The livelihood part of her summary: her plan, trainings, current placements against the minimum wage, and the wage alerts. */
import { livelihoodEventTypes } from '@mukti/contracts';
import { codedWage } from '../timeline/describe-event';
import type { CurrentPlacement, LivelihoodSummary } from '../timeline/person-summary';
import { close, instant, KeyedAlert, raise, raisedAtOf } from './alerts';
import type { Applied } from './summary-event';

export interface LivelihoodView {
  /** placements.current holds her placements now (not lost), in the order they started. */
  part: LivelihoodSummary;
  /** Her trainings started and not ended yet. */
  inTraining: string[];
  alerts: KeyedAlert[];
}

export const initialLivelihoodView = (): LivelihoodView => ({
  part: {
    status: 'no-plan',
    trainings: { inTraining: 0, completed: 0, certified: 0, droppedOut: 0 },
    placements: { current: [], lost: 0 },
    financialInclusion: { bankAccount: false, selfHelpGroup: false },
    schemes: {},
  },
  inTraining: [],
  alerts: [],
});

const wageAlertKey = (placementId: string) => `below-minimum-wage:${placementId}`;

/**
 * Her latest income on a current placement below the minimum wage opens the alert (waiting since
 * it was first found below, however many follow-ups find it below again); at or above, it closes.
 */
function wageAlerts(alerts: KeyedAlert[], placement: CurrentPlacement, at: string): KeyedAlert[] {
  const key = wageAlertKey(placement.placementId);
  if (placement.sustainableWage) return close(alerts, (open) => open === key);
  return raise(alerts, key, {
    kind: 'below-minimum-wage',
    pillar: 'livelihood',
    raisedAt: raisedAtOf(alerts, key) ?? at,
    details: { placementId: placement.placementId, monthlyIncomeInr: String(placement.monthlyIncomeInr), minimumWageInr: String(placement.minimumWage.monthlyInr) },
  });
}

/** Her livelihood events arrive in the order they happened (one topic, keyed by her). */
export function evolveLivelihood(view: LivelihoodView, { event, at }: Applied): LivelihoodView {
  const { part } = view;
  switch (event.type) {
    case livelihoodEventTypes.livelihoodPlanOpened:
      return { ...view, part: { ...part, status: 'plan-open', origin: part.origin ?? event.data.origin, planOpenedAt: part.planOpenedAt ?? event.data.openedAt ?? at } };
    case livelihoodEventTypes.skillTrainingStarted:
    case livelihoodEventTypes.skillTrainingStartedV1: {
      if (view.inTraining.includes(event.data.trainingId)) return view;
      const inTraining = [...view.inTraining, event.data.trainingId];
      return { ...view, inTraining, part: { ...part, trainings: { ...part.trainings, inTraining: inTraining.length } } };
    }
    case livelihoodEventTypes.skillTrainingEnded: {
      const { trainingId, outcome, certified } = event.data;
      const inTraining = view.inTraining.filter((id) => id !== trainingId);
      const { trainings } = part;
      return {
        ...view,
        inTraining,
        part: {
          ...part,
          trainings: {
            inTraining: inTraining.length,
            completed: trainings.completed + (outcome === 'dropped-out' ? 0 : 1),
            certified: trainings.certified + (outcome === 'completed' && certified ? 1 : 0),
            droppedOut: trainings.droppedOut + (outcome === 'dropped-out' ? 1 : 0),
          },
        },
      };
    }
    case livelihoodEventTypes.placementStarted:
    case livelihoodEventTypes.placementStartedV1: {
      const { placementId, kind, sector, skillLevel, state, startedAt, monthlyIncomeInr, minimumWage, sustainableWage } = event.data;
      const since = instant(startedAt ?? at);
      const placement: CurrentPlacement = {
        placementId,
        kind,
        sector,
        skillLevel,
        state,
        startedAt: since,
        monthlyIncomeInr,
        minimumWage: codedWage(minimumWage),
        sustainableWage,
        incomeKnownAt: since,
      };
      const current = [...part.placements.current.filter((one) => one.placementId !== placementId), placement];
      return { ...view, part: { ...part, placements: { ...part.placements, current } }, alerts: wageAlerts(view.alerts, placement, at) };
    }
    case livelihoodEventTypes.incomeFollowedUp: {
      // A follow-up on a placement she lost (or whose start has not arrived) changes nothing here.
      const found = part.placements.current.find((one) => one.placementId === event.data.placementId);
      if (!found) return view;
      const { monthlyIncomeInr, minimumWage, sustainableWage } = event.data;
      const placement = { ...found, monthlyIncomeInr, minimumWage: codedWage(minimumWage), sustainableWage, incomeKnownAt: instant(event.data.at ?? at) };
      const current = part.placements.current.map((one) => (one.placementId === placement.placementId ? placement : one));
      return { ...view, part: { ...part, placements: { ...part.placements, current } }, alerts: wageAlerts(view.alerts, placement, at) };
    }
    case livelihoodEventTypes.placementLost: {
      const { placementId, reason } = event.data;
      const current = part.placements.current.filter((one) => one.placementId !== placementId);
      return {
        ...view,
        part: { ...part, placements: { current, lost: part.placements.lost + 1, lastLossReason: reason } },
        // She is not paid below the minimum wage by a job she no longer has.
        alerts: close(view.alerts, (key) => key === wageAlertKey(placementId)),
      };
    }
    case livelihoodEventTypes.financialInclusionRecorded: {
      const { kind } = event.data;
      const financialInclusion = {
        bankAccount: part.financialInclusion.bankAccount || kind === 'bank-account',
        selfHelpGroup: part.financialInclusion.selfHelpGroup || kind === 'self-help-group',
      };
      return { ...view, part: { ...part, financialInclusion } };
    }
    case livelihoodEventTypes.schemeLinkageRecorded:
      return { ...view, part: { ...part, schemes: { ...part.schemes, [event.data.scheme]: event.data.stage } } };
    default:
      return view;
  }
}
