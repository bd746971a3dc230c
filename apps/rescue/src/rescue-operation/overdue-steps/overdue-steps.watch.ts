import { randomUUID } from 'node:crypto';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, rescueEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { DeadlineWatch } from '@mukti/persistence';
import type { RescueOperationStore } from '../rescue-operation.store';

const deadlineId = (operationId: string, personId: string, step: string) => `${operationId}:${personId}:${step}`;

/**
 * Post-rescue steps against the clock: each step's due time is watched from the moment she is
 * rescued (scheduled from the service's own events, so a crash loses none), and when it passes
 * with the step not done, the operation flags it overdue: an event, on her timeline and in the
 * alerts, until the step is done.
 */
@EventController()
export class PostRescueStepDeadlines {
  constructor(private readonly watch: DeadlineWatch) {}

  @EventPattern(rescueEventTypes.personRescued)
  async personRescued(@Payload() event: EventEnvelope<typeof rescueEventTypes.personRescued>): Promise<void> {
    const { operationId, personId, stepsDue } = event.data;
    for (const { step, dueAt } of stepsDue) await this.watch.schedule(deadlineId(operationId, personId, step), dueAt, { operationId, personId });
  }

  @EventPattern(rescueEventTypes.postRescueStepCompleted)
  stepCompleted(@Payload() event: EventEnvelope<typeof rescueEventTypes.postRescueStepCompleted>): Promise<void> {
    return this.watch.cancel(deadlineId(event.data.operationId, event.data.personId, event.data.step));
  }
}

/** What the watch does when a step's due time passes: the operation flags whatever is overdue by now. */
export function flagOverdueSteps(operations: RescueOperationStore) {
  return async (deadline: { details: Record<string, string> }, now: Date) => {
    const { operationId, personId } = deadline.details;
    await operations.execute(
      operationId,
      { type: 'FlagOverdueSteps', data: { operationId, personId, now: now.toISOString() } },
      { actor: { id: 'system:rescue', role: 'system' }, correlationId: randomUUID() },
    );
  };
}
