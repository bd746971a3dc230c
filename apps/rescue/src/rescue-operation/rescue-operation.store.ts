import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { RescueOperationCommand, rescueOperationDecider, RescueOperationState } from './domain/rescue-operation.decider';

export const RESCUE_OPERATIONS = Symbol('RESCUE_OPERATIONS');

/** Rescue operations: load, decide, and store state and events in one write. */
@Injectable()
export class RescueOperationStore {
  constructor(@Inject(RESCUE_OPERATIONS) readonly aggregates: AggregateStore<RescueOperationState>) {}

  execute(operationId: string, command: RescueOperationCommand, context: CommandContext) {
    return handleCommand({
      store: this.aggregates,
      decider: rescueOperationDecider,
      aggregateId: operationId,
      command,
      context,
      source: '/mukti/rescue',
    });
  }
}
