import type { Collection, Document } from 'mongodb';
import { CommandContext, EventEnvelope, livelihoodEventTypes, rescueEventTypes } from '@mukti/contracts';
import type { PreventionPlanStore } from '../prevention-plan.store';

const reactingTo = (event: EventEnvelope): CommandContext => ({
  actor: { id: 'system:livelihood', role: 'system' },
  correlationId: event.correlationId,
  causationId: event.id,
  traceparent: event.traceparent,
});

/**
 * A person a prevention plan follows is rescued: she entered exploitation, and the plan counts it
 * (honestly, with its history) without anyone re-typing it.
 *
 * The join is of two topics (rescues from the rescue service's, the plans from this service's
 * own), and either may arrive first: a rescue consumed before the plan's opening came back would
 * find no plan, and she would be counted as an entry prevented 12 months later. So both ends
 * look: a rescue records the entry on the plans known to cover her, and a plan's opening records
 * a rescue of hers known since it opened. The plan's rules count her entry once.
 */
export function recordEntryOnRescue(plans: PreventionPlanStore, plansByPerson: Collection, rescuesByPerson: Collection) {
  const recordEntry = (preventionPlanId: string, personId: string, rescuedAt: string, cause: EventEnvelope) =>
    plans.decide(
      preventionPlanId,
      { type: 'RecordEntryIntoExploitation', data: { preventionPlanId, personId, enteredAt: rescuedAt, source: 'rescued', now: rescuedAt } },
      reactingTo(cause),
    );
  return {
    [livelihoodEventTypes.preventionPlanOpened]: async (event: EventEnvelope<typeof livelihoodEventTypes.preventionPlanOpened>) => {
      const { preventionPlanId, personIds, openedAt } = event.data;
      for (const personId of personIds) {
        await plansByPerson.updateOne({ _id: personId } as Document, { $addToSet: { planIds: preventionPlanId } }, { upsert: true });
        const rescued = (await rescuesByPerson.findOne({ _id: personId } as Document)) as { rescuedAt?: string } | null;
        if (rescued?.rescuedAt && Date.parse(rescued.rescuedAt) >= Date.parse(openedAt)) {
          await recordEntry(preventionPlanId, personId, rescued.rescuedAt, event);
        }
      }
    },
    [rescueEventTypes.personRescued]: async (event: EventEnvelope<typeof rescueEventTypes.personRescued>) => {
      const { personId, rescuedAt } = event.data;
      // Her latest rescue, for a plan whose opening this service has not seen yet.
      const known = (await rescuesByPerson.findOne({ _id: personId } as Document)) as { rescuedAt?: string } | null;
      if (!known?.rescuedAt || Date.parse(known.rescuedAt) < Date.parse(rescuedAt)) {
        await rescuesByPerson.replaceOne({ _id: personId } as Document, { rescuedAt }, { upsert: true });
      }
      const found = (await plansByPerson.findOne({ _id: personId } as Document)) as { planIds?: string[] } | null;
      for (const preventionPlanId of found?.planIds ?? []) await recordEntry(preventionPlanId, personId, rescuedAt, event);
    },
  };
}
