import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, rehabilitationEventTypes } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { EventController } from '@mukti/messaging';
import { LivelihoodPlanStore } from '../livelihood-plan.store';

/**
 * Her care plan set a livelihood goal (when it opened, or later): her livelihood plan opens by
 * itself, without anyone re-typing anything. A plan already open changes nothing (the decider
 * says so), so a redelivery or a second goal is harmless.
 */
@EventController()
export class LivelihoodPlanOnCarePlan {
  constructor(
    private readonly plans: LivelihoodPlanStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern(rehabilitationEventTypes.carePlanOpened)
  async carePlanOpened(@Payload() event: EventEnvelope<typeof rehabilitationEventTypes.carePlanOpened>): Promise<void> {
    if (event.data.goals.includes('livelihood')) await this.open(event, event.data.personId);
  }

  @EventPattern(rehabilitationEventTypes.goalSet)
  async goalSet(@Payload() event: EventEnvelope<typeof rehabilitationEventTypes.goalSet>): Promise<void> {
    if (event.data.domain === 'livelihood' && event.data.status === 'open') await this.open(event, event.data.personId);
  }

  private open(event: EventEnvelope, personId: string) {
    const now = this.clock.now().toISOString();
    return this.plans.decide(
      personId,
      { type: 'OpenLivelihoodPlan', data: { personId, origin: 'care-plan', openedAt: now, now } },
      { actor: { id: 'system:livelihood', role: 'system' }, correlationId: event.correlationId, causationId: event.id, traceparent: event.traceparent },
    );
  }
}
