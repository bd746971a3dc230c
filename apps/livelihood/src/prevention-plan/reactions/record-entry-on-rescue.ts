import type { Collection, Document } from 'mongodb';
import { EventEnvelope, livelihoodEventTypes, rescueEventTypes } from '@mukti/contracts';
import type { PreventionPlanStore } from '../prevention-plan.store';

/**
 * A person a prevention plan follows is rescued: she entered exploitation, and the plan counts it
 * (honestly, with its history) without anyone re-typing it. The service keeps which plans cover
 * each person (from its own plan-opened events) to find them by id.
 */
export function recordEntryOnRescue(plans: PreventionPlanStore, plansByPerson: Collection) {
  return {
    [livelihoodEventTypes.preventionPlanOpened]: async (event: EventEnvelope<typeof livelihoodEventTypes.preventionPlanOpened>) => {
      for (const personId of event.data.personIds) {
        await plansByPerson.updateOne({ _id: personId } as Document, { $addToSet: { planIds: event.data.preventionPlanId } }, { upsert: true });
      }
    },
    [rescueEventTypes.personRescued]: async (event: EventEnvelope<typeof rescueEventTypes.personRescued>) => {
      const { personId, rescuedAt } = event.data;
      const found = (await plansByPerson.findOne({ _id: personId } as Document)) as { planIds?: string[] } | null;
      for (const preventionPlanId of found?.planIds ?? []) {
        await plans.decide(
          preventionPlanId,
          { type: 'RecordEntryIntoExploitation', data: { preventionPlanId, personId, enteredAt: rescuedAt, source: 'rescued', now: rescuedAt } },
          { actor: { id: 'system:livelihood', role: 'system' }, correlationId: event.correlationId, causationId: event.id, traceparent: event.traceparent },
        );
      }
    },
  };
}
