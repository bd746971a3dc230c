import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { OpenPreventionPlanRequest, RecordedResponse } from '@mukti/staff-api';
import { PreventionPlanStore } from '../../prevention-plan.store';

/** Opens a prevention plan for a household at risk (its people at risk are followed) or for one person at risk. */
@Controller('prevention-plans')
export class OpenPreventionPlanController {
  constructor(private readonly plans: PreventionPlanStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('openPreventionPlan')
  async open(
    @Body() request: OpenPreventionPlanRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    if (!request.householdId === !request.personId) {
      throw DomainError.ruleViolated('a prevention plan is for a household or for a person: give exactly one of householdId and personId', { field: 'householdId' });
    }
    const preventionPlanId = (request.householdId ?? request.personId)!;
    const personIds = await this.plans.coveredBy(context, accessReason, request);
    const now = this.plans.now();
    await this.plans.decide(
      preventionPlanId,
      { type: 'OpenPreventionPlan', data: { preventionPlanId, subject: request.householdId ? 'household' : 'person', personIds, openedAt: now, now } },
      context,
    );
    return { id: preventionPlanId };
  }
}
