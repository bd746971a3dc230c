import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { FollowUpIncomeRequest } from '@mukti/staff-api';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/** Records what a placement pays her now, against the minimum wage in force. */
@Controller('people/:personId/placements/:placementId/income-follow-ups')
export class FollowUpIncomeController {
  constructor(private readonly plans: LivelihoodPlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('followUpIncome')
  async handle(
    @IdParam('personId') personId: string,
    @IdParam('placementId') placementId: string,
    @Body() request: FollowUpIncomeRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.plans.execute(personId, context, accessReason, async ({ now, minimumWageOfPlacement }) => {
      const at = new Date(request.at).toISOString();
      return {
      type: 'FollowUpIncome',
      data: { personId, placementId, at, monthlyIncomeInr: request.monthlyIncomeInr, minimumWage: await minimumWageOfPlacement(placementId, at), now },
      };
    });
  }
}
