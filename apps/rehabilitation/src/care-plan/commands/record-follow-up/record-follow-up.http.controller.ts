import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordFollowUpRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Records a reintegration follow-up, answering the earliest one due, with her status and re-trafficking risk. */
@Controller('people/:personId/follow-ups')
export class RecordFollowUpController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordFollowUp')
  async record(
    @IdParam('personId') personId: string,
    @Body() request: RecordFollowUpRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now) => ({ type: 'RecordFollowUp', data: { personId, heldAt: new Date(request.heldAt).toISOString(), status: request.status, retraffickingRisk: request.retraffickingRisk, now } }));
  }
}
