import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Document } from 'mongodb';
import { CommandContext, EventEnvelope, livelihoodEventTypes, rescueEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { changeFenced, FencedCollection } from '@mukti/persistence';
import { PreventionPlanStore } from '../prevention-plan.store';

/** The prevention plans each person is followed by, and her latest rescue: the join's own indexes. */
export const PLANS_BY_PERSON = Symbol('PLANS_BY_PERSON');
export const RESCUES_BY_PERSON = Symbol('RESCUES_BY_PERSON');

/** Each entry is about one member: a plan opened over several rescued members records one for each, with ids of its own. */
const reactingTo = (event: EventEnvelope, personId: string): CommandContext => ({
  actor: { id: 'system:livelihood', role: 'system' },
  correlationId: event.correlationId,
  causationId: event.id,
  reactingAbout: personId,
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
@EventController()
export class EntryOnRescue {
  constructor(
    private readonly plans: PreventionPlanStore,
    @Inject(PLANS_BY_PERSON) private readonly plansByPerson: FencedCollection,
    @Inject(RESCUES_BY_PERSON) private readonly rescuesByPerson: FencedCollection,
  ) {}

  @EventPattern(livelihoodEventTypes.preventionPlanOpened)
  async preventionPlanOpened(@Payload() event: EventEnvelope<typeof livelihoodEventTypes.preventionPlanOpened>): Promise<void> {
    const { preventionPlanId, personIds, openedAt } = event.data;
    for (const personId of personIds) {
      // Fenced, not $addToSet: two plans covering her opened at once (two partitions, two replicas) would lose one on FerretDB.
      await changeFenced<{ _id: string; planIds?: string[] }>(this.plansByPerson, personId, (known) =>
        known?.planIds?.includes(preventionPlanId) ? undefined : { _id: personId, planIds: [...(known?.planIds ?? []), preventionPlanId] },
      );
      const rescued = (await this.rescuesByPerson.documents.findOne({ _id: personId } as Document)) as { rescuedAt?: string } | null;
      if (rescued?.rescuedAt && Date.parse(rescued.rescuedAt) >= Date.parse(openedAt)) {
        await this.recordEntry(preventionPlanId, personId, rescued.rescuedAt, event);
      }
    }
  }

  @EventPattern(rescueEventTypes.personRescued)
  async personRescued(@Payload() event: EventEnvelope<typeof rescueEventTypes.personRescued>): Promise<void> {
    const { personId, rescuedAt } = event.data;
    // Her latest rescue, for a plan whose opening this service has not seen yet (rescues come keyed by operation, in any order).
    await changeFenced<{ _id: string; rescuedAt?: string }>(this.rescuesByPerson, personId, (known) =>
      known?.rescuedAt && Date.parse(known.rescuedAt) >= Date.parse(rescuedAt) ? undefined : { _id: personId, rescuedAt },
    );
    const found = (await this.plansByPerson.documents.findOne({ _id: personId } as Document)) as { planIds?: string[] } | null;
    for (const preventionPlanId of found?.planIds ?? []) await this.recordEntry(preventionPlanId, personId, rescuedAt, event);
  }

  private recordEntry(preventionPlanId: string, personId: string, rescuedAt: string, cause: EventEnvelope) {
    return this.plans.decide(
      preventionPlanId,
      { type: 'RecordEntryIntoExploitation', data: { preventionPlanId, personId, enteredAt: rescuedAt, source: 'rescued', now: rescuedAt } },
      reactingTo(cause, personId),
    );
  }
}
