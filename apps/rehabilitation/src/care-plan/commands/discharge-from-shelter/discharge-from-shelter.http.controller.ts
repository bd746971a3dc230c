import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { DischargeFromShelterRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Discharges her from the shelter she is in, with the reason. */
@Controller('people/:personId/shelter-discharges')
export class DischargeFromShelterController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('dischargeFromShelter')
  async discharge(
    @IdParam('personId') personId: string,
    @Body() request: DischargeFromShelterRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now) => ({ type: 'DischargeFromShelter', data: { personId, dischargedAt: new Date(request.dischargedAt).toISOString(), reason: request.reason, now } }));
  }
}
