import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { AccessReason, IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { JoinRescueOperationTeamRequest } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** Adds a coordinator to the operation's team; a member of the team (or an admin with a reason) does it. Adding her again changes nothing. */
@Controller('rescue-operations/:operationId/team')
export class JoinRescueOperationTeamController {
  constructor(
    private readonly operations: RescueOperationStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('joinRescueOperationTeam')
  async join(
    @IdParam('operationId') operationId: string,
    @Body() request: JoinRescueOperationTeamRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.operations.onOperation(
      operationId,
      { type: 'JoinRescueOperationTeam', data: { operationId, staffId: request.staffId, addedBy: context.actor.id, now: this.clock.now().toISOString() } },
      context,
      accessReason,
    );
  }
}
