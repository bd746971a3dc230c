import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { SetCarePlanGoalRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Adds a goal to her care plan, or marks one achieved or discontinued. */
@Controller('people/:personId/care-plan/goals')
export class SetCarePlanGoalController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('setCarePlanGoal')
  async set(
    @IdParam('personId') personId: string,
    @Body() request: SetCarePlanGoalRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now) => ({ type: 'SetGoal', data: { personId, domain: request.domain, status: request.status, setAt: new Date(request.setAt).toISOString(), now } }));
  }
}
