/** Her placements as staff read them, from her plan's state: a pure function. */
import { EventEnvelope, livelihoodEventTypes, SealedPersonalData } from '@mukti/contracts';
import type { LivelihoodPlanState, Placement } from '@mukti/livelihood-domain';
import type { PlacementView } from '@mukti/staff-api';

/** A placement with its employer as her plan holds it: sealed (v2), in clear (v1), or not kept in a state stored before it was. */
export type RecordedPlacement = Omit<PlacementView, 'employerOrEnterprise'> & { employerOrEnterprise?: SealedPersonalData | string };

/** Her placements, oldest first; none without a plan. */
export function placementsOf(state: LivelihoodPlanState | undefined): RecordedPlacement[] {
  if (!state || state.status !== 'open') return [];
  return Object.entries(state.placements)
    .map(([placementId, placement]) => viewOf(placementId, placement))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.placementId.localeCompare(b.placementId));
}

function viewOf(placementId: string, placement: Placement): RecordedPlacement {
  const { minimumWage, employerOrEnterprise, ...rest } = placement;
  return { placementId, ...rest, minimumWageInr: minimumWage.monthlyInr, ...(employerOrEnterprise !== undefined ? { employerOrEnterprise } : {}) };
}

/** Whether a placement's employer was left out of her stored state (stored before it was kept there): read from her events then. */
export const employerMissing = (placements: readonly RecordedPlacement[]) => placements.some((placement) => placement.employerOrEnterprise === undefined);

/** The employer of each placement, from the events that started them. */
export function employersIn(events: readonly EventEnvelope[]): Map<string, SealedPersonalData | string> {
  const employers = new Map<string, SealedPersonalData | string>();
  for (const event of events) {
    if (event.type === livelihoodEventTypes.placementStarted || event.type === livelihoodEventTypes.placementStartedV1) {
      const { placementId, employerOrEnterprise } = (event as EventEnvelope<typeof livelihoodEventTypes.placementStarted | typeof livelihoodEventTypes.placementStartedV1>).data;
      employers.set(placementId, employerOrEnterprise);
    }
  }
  return employers;
}
