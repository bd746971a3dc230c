import { Inject, Injectable } from '@nestjs/common';
import type { Actor, CommandContext } from '@mukti/contracts';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { RescueOperationCommand, rescueOperationDecider, RescueOperationState } from '@mukti/rescue-domain';
import { assertMayAccess } from '@mukti/security';

export const RESCUE_OPERATIONS = Symbol('RESCUE_OPERATIONS');

type Planned = Exclude<RescueOperationState, { status: 'unplanned' }>;

/**
 * Rescue operations: load, decide, and store state and events in one write. An operation is a
 * door of its own (rule 7): its team (who planned or joined it) reads it and acts on it; anyone
 * else gets the 404 of an operation never planned.
 */
@Injectable()
export class RescueOperationStore {
  constructor(@Inject(RESCUE_OPERATIONS) readonly aggregates: AggregateStore<RescueOperationState>) {}

  /** A coordinator's command on the operation itself (record the rescue, close it, add to its team): its team only. */
  onOperation(operationId: string, command: RescueOperationCommand, context: CommandContext, accessReason: string | undefined) {
    return this.execute(operationId, command, context, (state) => assertMayAccess(context.actor, guarded(operationId, state), accessReason));
  }

  /**
   * Planning (a new operation), a command about one person rescued in it (her case team decides,
   * checked by the caller), or the service's own (deadlines).
   */
  execute(operationId: string, command: RescueOperationCommand, context: CommandContext, authorize?: (state: RescueOperationState) => void) {
    return handleCommand({
      store: this.aggregates,
      decider: rescueOperationDecider,
      aggregateId: operationId,
      command,
      context,
      source: '/mukti/rescue',
      ...(authorize ? { authorize } : {}),
    });
  }

  /** The operation, for its team (an admin with a reason); otherwise the 404 of one never planned. */
  async openFor(operationId: string, actor: Actor, accessReason: string | undefined): Promise<Planned> {
    const state = (await this.aggregates.load(operationId))?.state;
    assertMayAccess(actor, guarded(operationId, state), accessReason);
    return state as Planned;
  }
}

function guarded(operationId: string, state: RescueOperationState | undefined) {
  return { kind: 'rescue-operation' as const, id: operationId, team: !state || state.status === 'unplanned' ? undefined : (state.team ?? {}) };
}
