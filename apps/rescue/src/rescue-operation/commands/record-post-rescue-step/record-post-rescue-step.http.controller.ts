import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordPostRescueStepRequest } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** Records a post-rescue step as done (late if after its due time). */
@Controller('rescue-operations/:operationId/persons/:personId/steps')
export class RecordPostRescueStepController {
  constructor(private readonly operations: RescueOperationStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordPostRescueStep')
  async record(
    @Param('operationId', new ParseUUIDPipe()) operationId: string,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() request: RecordPostRescueStepRequest,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    await this.operations.execute(
      operationId,
      {
        type: 'RecordPostRescueStep',
        data: { operationId, personId, step: request.step, doneAt: new Date(request.doneAt).toISOString(), now: new Date().toISOString() },
      },
      context,
    );
  }
}
