import { CarePlanDomain, EventEnvelope, rescueEventTypes } from '@mukti/contracts';
import type { Clock } from '@mukti/decider';
import type { CarePlanStore } from '../care-plan.store';

/** Where every rescued survivor's plan starts; her caseworker adds and closes goals from there. */
export function goalsAfterRescue(child: boolean): CarePlanDomain[] {
  const goals: CarePlanDomain[] = ['safety', 'physical-health', 'mental-health', 'legal-support', 'family-and-repatriation', 'identity-documents'];
  return child ? [...goals, 'education'] : [...goals, 'livelihood'];
}

/**
 * The rehabilitation team picks her up without anyone re-typing anything: her rescue opens her
 * care plan. A person of unknown age is on the child-protection path until her age is known.
 * A later rescue of someone whose plan is open changes nothing (the decider says so).
 */
export function openCarePlanOnRescue(carePlans: CarePlanStore, clock: Clock) {
  return {
    [rescueEventTypes.personRescued]: async (event: EventEnvelope<typeof rescueEventTypes.personRescued>) => {
      const { personId, operationId, jjAgeClass } = event.data;
      const child = jjAgeClass !== 'adult';
      const now = clock.now().toISOString();
      await carePlans.decide(
        personId,
        { type: 'OpenCarePlan', data: { personId, origin: 'rescued', operationId, child, goals: goalsAfterRescue(child), openedAt: now, now } },
        { actor: { id: 'system:rehabilitation', role: 'system' }, correlationId: event.correlationId, causationId: event.id, traceparent: event.traceparent },
      );
    },
  };
}
