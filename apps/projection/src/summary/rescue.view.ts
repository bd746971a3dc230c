/** The rescue part of her summary: her latest rescue, its post-rescue steps, her trafficking profile, and the alerts they raise. */
import { rescueEventTypes } from '@mukti/contracts';
import { codedPlace } from '../timeline/describe-event';
import type { PostRescueStepStatus, RescueSummary } from '../timeline/person-summary';
import { close, KeyedAlert, raise } from './alerts';
import type { Applied } from './summary-event';

export interface RescueView {
  part: RescueSummary;
  alerts: KeyedAlert[];
}

export const initialRescueView = (): RescueView => ({ part: { status: 'not-rescued', steps: [] }, alerts: [] });

/** A step of her latest rescue; a step of an earlier operation is not on her summary any more. */
function updateStep(part: RescueSummary, operationId: string, step: string, change: (status: PostRescueStepStatus) => PostRescueStepStatus): RescueSummary {
  if (operationId !== part.operationId) return part;
  return { ...part, steps: part.steps.map((status) => (status.step === step ? change(status) : status)) };
}

/** Her rescue events arrive in the order they happened (one topic, keyed by her). */
export function evolveRescue(view: RescueView, { event, at }: Applied): RescueView {
  switch (event.type) {
    case rescueEventTypes.personRescued: {
      const { operationId, rescuedAt, policeRecordedAs, itpaAgeClass, jjAgeClass, stepsDue, decriminalisationAlert } = event.data;
      const part: RescueSummary = {
        ...view.part,
        status: 'rescued',
        operationId,
        rescuedAt: rescuedAt ?? at,
        policeRecordedAs,
        itpaAgeClass,
        jjAgeClass,
        steps: stepsDue.map(({ step, dueAt }) => ({ step, dueAt, overdue: false })),
      };
      const alerts = decriminalisationAlert
        ? raise(view.alerts, `decriminalisation:${operationId}`, { kind: 'decriminalisation', pillar: 'rescue', raisedAt: at, details: { operationId, policeRecordedAs } })
        : view.alerts;
      return { part, alerts };
    }
    case rescueEventTypes.policeRecordChanged: {
      const { operationId, policeRecordedAs, decriminalisationAlert } = event.data;
      const part = operationId === view.part.operationId ? { ...view.part, policeRecordedAs } : view.part;
      const key = `decriminalisation:${operationId}`;
      const alerts = decriminalisationAlert
        ? raise(view.alerts, key, { kind: 'decriminalisation', pillar: 'rescue', raisedAt: at, details: { operationId, policeRecordedAs } })
        : close(view.alerts, (open) => open === key);
      return { part, alerts };
    }
    case rescueEventTypes.postRescueStepOverdue: {
      const { operationId, step, dueAt } = event.data;
      const current = operationId === view.part.operationId ? view.part.steps.find((status) => status.step === step) : undefined;
      if (current?.doneAt) return view;
      return {
        part: updateStep(view.part, operationId, step, (status) => ({ ...status, overdue: true })),
        alerts: raise(view.alerts, `step:${operationId}:${step}`, { kind: 'post-rescue-step-overdue', pillar: 'rescue', raisedAt: at, details: { operationId, step, dueAt } }),
      };
    }
    case rescueEventTypes.postRescueStepCompleted: {
      const { operationId, step, doneAt, late } = event.data;
      return {
        part: updateStep(view.part, operationId, step, (status) => ({ ...status, doneAt: doneAt ?? at, late, overdue: false })),
        alerts: close(view.alerts, (open) => open === `step:${operationId}:${step}`),
      };
    }
    case rescueEventTypes.traffickingProfileRecorded: {
      const { traffickingStatus, exploitationTypes, recruitmentMethod, meansOfControl, relationshipToTrafficker, source, transit, destination } = event.data;
      const traffickingProfile = {
        traffickingStatus,
        exploitationTypes: [...exploitationTypes],
        recruitmentMethod,
        meansOfControl: [...meansOfControl],
        relationshipToTrafficker,
        ...(source ? { source: codedPlace(source) } : {}),
        transit: transit.map(codedPlace),
        ...(destination ? { destination: codedPlace(destination) } : {}),
        recordedAt: at,
      };
      return { ...view, part: { ...view.part, traffickingProfile } };
    }
    default:
      return view;
  }
}
