import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
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
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() request: RecordPlacementLostRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.plans.execute(personId, context, accessReason, ({ now }) => ({ type: 'RecordPlacementLost', data: { personId, placementId, lostAt: new Date(request.lostAt).toISOString(), reason: request.reason, now } }));
  }
}
