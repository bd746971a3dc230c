import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { AccessReason, IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { CloseRescueOperationRequest } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** Closes the operation with its counts; one never carried out closes as called off. Its team only. */
@Controller('rescue-operations/:operationId/closure')
export class CloseRescueOperationController {
  constructor(
    private readonly operations: RescueOperationStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('closeRescueOperation')
  async close(
    @IdParam('operationId') operationId: string,
    @Body() request: CloseRescueOperationRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.operations.onOperation(
      operationId,
      { type: 'CloseRescueOperation', data: { operationId, closedAt: new Date(request.closedAt).toISOString(), now: this.clock.now().toISOString() } },
      context,
      accessReason,
    );
  }
}
