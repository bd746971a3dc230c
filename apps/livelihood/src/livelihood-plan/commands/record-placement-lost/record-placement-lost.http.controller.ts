import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordPlacementLostRequest } from '@mukti/staff-api';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/** Records a placement lost, with the reason. */
@Controller('people/:personId/placements/:placementId/loss')
export class RecordPlacementLostController {
  constructor(private readonly plans: LivelihoodPlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordPlacementLost')
  async handle(
    @IdParam('personId') personId: string,
    @IdParam('placementId') placementId: string,
    @Body() request: RecordPlacementLostRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.plans.execute(personId, context, accessReason, ({ now }) => ({ type: 'RecordPlacementLost', data: { personId, placementId, lostAt: new Date(request.lostAt).toISOString(), reason: request.reason, now } }));
  }
}
