import { EventEnvelope, rehabilitationEventTypes } from '@mukti/contracts';
import type { Clock } from '@mukti/decider';
import type { LivelihoodPlanStore } from '../livelihood-plan.store';

/**
 * Her care plan set a livelihood goal (when it opened, or later): her livelihood plan opens by
 * itself, without anyone re-typing anything. A plan already open changes nothing (the decider
 * says so), so a redelivery or a second goal is harmless.
 */
export function openLivelihoodPlanOnCarePlan(plans: LivelihoodPlanStore, clock: Clock) {
  const open = (event: EventEnvelope, personId: string) => {
    const now = clock.now().toISOString();
    return plans.decide(
      personId,
      { type: 'OpenLivelihoodPlan', data: { personId, origin: 'care-plan', openedAt: now, now } },
      { actor: { id: 'system:livelihood', role: 'system' }, correlationId: event.correlationId, causationId: event.id, traceparent: event.traceparent },
    );
  };
  return {
    [rehabilitationEventTypes.carePlanOpened]: async (event: EventEnvelope<typeof rehabilitationEventTypes.carePlanOpened>) => {
      if (event.data.goals.includes('livelihood')) await open(event, event.data.personId);
    },
    [rehabilitationEventTypes.goalSet]: async (event: EventEnvelope<typeof rehabilitationEventTypes.goalSet>) => {
      if (event.data.domain === 'livelihood' && event.data.status === 'open') await open(event, event.data.personId);
    },
  };
}
