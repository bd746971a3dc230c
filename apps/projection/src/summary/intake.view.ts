/** The intake part of her summary: registration, consents, vulnerability, case team, erasure. */
import { intakeEventTypes } from '@mukti/contracts';
import type { IntakeSummary, PersonSummary } from '../timeline/person-summary';
import type { Applied } from './summary-event';

export interface IntakeView {
  part: IntakeSummary;
  caseTeam: PersonSummary['caseTeam'];
  erasedAt?: string;
}

export const initialIntakeView = (): IntakeView => ({ part: { status: 'not-registered-yet', consents: {} }, caseTeam: {} });

/** Her intake events arrive in the order they happened (one topic, keyed by her): the latest wins. */
export function evolveIntake(view: IntakeView, { event, at }: Applied): IntakeView {
  switch (event.type) {
    case intakeEventTypes.personRegistered: {
      const { role, gender, ageBand, origin } = event.data;
      return {
        ...view,
        part: { ...view.part, status: 'registered', role, gender, ageBand, ...(origin ? { origin } : {}), registeredAt: at },
      };
    }
    case intakeEventTypes.consentRecorded:
      return { ...view, part: { ...view.part, consents: { ...view.part.consents, [event.data.scope]: event.data.decision } } };
    case intakeEventTypes.vulnerabilityAssessed:
      return { ...view, part: { ...view.part, vulnerability: { level: event.data.level, score: event.data.score, assessedAt: at } } };
    case intakeEventTypes.staffAssigned:
      return { ...view, caseTeam: { ...view.caseTeam, [event.data.staffId]: { role: event.data.staffRole, since: at } } };
    case intakeEventTypes.staffUnassigned: {
      const { [event.data.staffId]: _left, ...caseTeam } = view.caseTeam;
      return { ...view, caseTeam };
    }
    case intakeEventTypes.ageDetermined:
    case intakeEventTypes.ageBandMoved:
      return { ...view, part: { ...view.part, ageBand: event.data.ageBand } };
    case intakeEventTypes.personErased:
      return { ...view, erasedAt: at };
    default:
      return view;
  }
}
