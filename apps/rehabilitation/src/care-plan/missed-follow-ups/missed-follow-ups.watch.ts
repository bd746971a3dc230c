import { randomUUID } from 'node:crypto';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, rehabilitationEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { DeadlineWatch } from '@mukti/persistence';
import { missedAfter } from '@mukti/rehabilitation-domain';
import type { CarePlanStore } from '../care-plan.store';

const deadlineId = (personId: string, dueAt: string) => `${personId}:${dueAt}`;

/**
 * Reintegration follow-ups against the clock: each scheduled follow-up is watched until its grace
 * period ends (scheduled from the service's own events, so none is lost); one not held by then
 * is flagged missed, an open alert until she is seen.
 */
@EventController()
export class FollowUpDeadlines {
  constructor(private readonly watch: DeadlineWatch) {}

  @EventPattern(rehabilitationEventTypes.followUpsScheduled)
  async followUpsScheduled(@Payload() event: EventEnvelope<typeof rehabilitationEventTypes.followUpsScheduled>): Promise<void> {
    const { personId, dueDates } = event.data;
    for (const dueAt of dueDates) await this.watch.schedule(deadlineId(personId, dueAt), missedAfter(dueAt), { personId });
  }

  @EventPattern(rehabilitationEventTypes.followUpRecorded)
  followUpRecorded(@Payload() event: EventEnvelope<typeof rehabilitationEventTypes.followUpRecorded>): Promise<void> {
    return this.watch.cancel(deadlineId(event.data.personId, event.data.dueAt));
  }
}

/** What the watch does when a grace period ends: her plan flags whatever follow-up is missed by now. */
export function flagMissedFollowUps(carePlans: CarePlanStore) {
  return async (deadline: { details: Record<string, string> }, now: Date) => {
    const { personId } = deadline.details;
    await carePlans.decide(
      personId,
      { type: 'FlagMissedFollowUps', data: { personId, now: now.toISOString() } },
      { actor: { id: 'system:rehabilitation', role: 'system' }, correlationId: randomUUID() },
    );
  };
}
