import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { Actor, CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { RecordPoliceRecordChangeRequest } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** Records that the police changed how they recorded her; recorded as a victim closes the decriminalisation alert. Her case team only. */
@Controller('rescue-operations/:operationId/persons/:personId/police-record')
export class RecordPoliceRecordChangeController {
  constructor(
    private readonly operations: RescueOperationStore,
    private readonly knownPeople: KnownPeople,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordPoliceRecordChange')
  async record(
    @IdParam('operationId') operationId: string,
    @IdParam('personId') personId: string,
    @Body() request: RecordPoliceRecordChangeRequest,
    @CurrentActor() actor: Actor,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.knownPeople.forActor(actor, personId, accessReason);
    await this.operations.execute(
      operationId,
      {
        type: 'RecordPoliceRecordChange',
        data: {
          operationId,
          personId,
          policeRecordedAs: request.policeRecordedAs,
          changedAt: new Date(request.changedAt).toISOString(),
          now: this.clock.now().toISOString(),
        },
      },
      context,
    );
  }
}
