import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { Actor, CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { RecordPostRescueStepRequest } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** Records a post-rescue step as done (late if after its due time). Her case team only. */
@Controller('rescue-operations/:operationId/persons/:personId/steps')
export class RecordPostRescueStepController {
  constructor(
    private readonly operations: RescueOperationStore,
    private readonly knownPeople: KnownPeople,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordPostRescueStep')
  async record(
    @IdParam('operationId') operationId: string,
    @IdParam('personId') personId: string,
    @Body() request: RecordPostRescueStepRequest,
    @CurrentActor() actor: Actor,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.knownPeople.forActor(actor, personId, accessReason);
    await this.operations.execute(
      operationId,
      {
        type: 'RecordPostRescueStep',
        data: { operationId, personId, step: request.step, doneAt: new Date(request.doneAt).toISOString(), now: this.clock.now().toISOString() },
      },
      context,
    );
  }
}
