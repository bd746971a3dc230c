import { randomUUID } from 'node:crypto';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, livelihoodEventTypes } from '@mukti/contracts';
import { preventionDeadlines } from '@mukti/livelihood-domain';
import { EventController } from '@mukti/messaging';
import { DeadlineWatch } from '@mukti/persistence';
import { PreventionPlanStore } from '../prevention-plan.store';

type PreventionPlanEvent = EventEnvelope<
  | typeof livelihoodEventTypes.preventionPlanOpened
  | typeof livelihoodEventTypes.preventionSupportRecorded
  | typeof livelihoodEventTypes.entryIntoExploitationRecorded
  | typeof livelihoodEventTypes.entryPrevented
>;
const deadlineId = (preventionPlanId: string, personId: string) => `${preventionPlanId}:${personId}`;

/**
 * Each person a plan follows, against the clock: 12 months after her first support with no entry
 * into exploitation she counts as an entry prevented. After every event of a plan, its deadlines
 * are set again from its state (scheduled from the service's own events, so none is lost): an
 * entry recorded or a count made removes hers.
 */
@EventController()
export class EntriesPreventedDeadlines {
  constructor(
    private readonly watch: DeadlineWatch,
    private readonly plans: PreventionPlanStore,
  ) {}

  @EventPattern([livelihoodEventTypes.preventionSupportRecorded, livelihoodEventTypes.entryIntoExploitationRecorded, livelihoodEventTypes.entryPrevented])
  async reschedule(@Payload() event: PreventionPlanEvent): Promise<void> {
    const { preventionPlanId } = event.data;
    const loaded = await this.plans.aggregates.load(preventionPlanId);
    if (!loaded) return;
    const due = preventionDeadlines(loaded.state);
    for (const personId of event.data.personIds) {
      const hers = due.find((deadline) => deadline.personId === personId);
      if (hers) await this.watch.schedule(deadlineId(preventionPlanId, personId), hers.dueAt, { preventionPlanId });
      else await this.watch.cancel(deadlineId(preventionPlanId, personId));
    }
  }
}

/** What the watch does when someone's 12 months pass: the plan counts whoever is due by now. */
export function flagEntriesPrevented(plans: PreventionPlanStore) {
  return async (deadline: { details: Record<string, string> }, now: Date) => {
    const { preventionPlanId } = deadline.details;
    await plans.decide(
      preventionPlanId,
      { type: 'FlagEntriesPrevented', data: { preventionPlanId, now: now.toISOString() } },
      { actor: { id: 'system:livelihood', role: 'system' }, correlationId: randomUUID() },
    );
  };
}
