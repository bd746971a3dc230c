import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CarePlanDomain, EventEnvelope, rescueEventTypes } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { EventController } from '@mukti/messaging';
import { CarePlanStore } from '../care-plan.store';

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
@EventController()
export class CarePlanOnRescue {
  constructor(
    private readonly carePlans: CarePlanStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern(rescueEventTypes.personRescued)
  async personRescued(@Payload() event: EventEnvelope<typeof rescueEventTypes.personRescued>): Promise<void> {
    const { personId, operationId, jjAgeClass } = event.data;
    const child = jjAgeClass !== 'adult';
    const now = this.clock.now().toISOString();
    await this.carePlans.decide(
      personId,
      { type: 'OpenCarePlan', data: { personId, origin: 'rescued', operationId, child, goals: goalsAfterRescue(child), openedAt: now, now } },
      { actor: { id: 'system:rehabilitation', role: 'system' }, correlationId: event.correlationId, causationId: event.id, traceparent: event.traceparent },
    );
  }
}
