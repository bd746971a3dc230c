import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { AssessHouseholdRequest, RecordedResponse } from '@mukti/staff-api';
import { HouseholdStore } from '../../household.store';

/** Records an assessment of the household; its score and level are computed by the domain rules. */
@Controller('households/:householdId/assessments')
export class AssessHouseholdController {
  constructor(private readonly households: HouseholdStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('assessHousehold')
  async assess(
    @IdParam('householdId') householdId: string,
    @Body() request: AssessHouseholdRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const assessmentId = newId(context, 'assessmentId');
    await this.households.assess(
      {
        householdId,
        assessmentId,
        factors: request.factors,
        monthlyIncomeInr: request.monthlyIncomeInr,
        debtInr: request.debtInr,
        dependants: request.dependants,
        now: new Date().toISOString(),
      },
      context,
      accessReason,
    );
    return { id: assessmentId };
  }
}
