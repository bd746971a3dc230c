import { Controller, Get } from '@nestjs/common';
import type { Actor } from '@mukti/contracts';
import { IdParam, AccessReason, StaffEndpoint } from '@mukti/http';
import { CurrentActor } from '@mukti/security';
import { PreventionPlanStore } from '../../prevention-plan.store';

/** A prevention plan as its staff follow it: who it covers, the support given, each person's follow-up and outcome. */
@Controller('prevention-plans/:preventionPlanId')
export class ReadPreventionPlanController {
  constructor(private readonly plans: PreventionPlanStore) {}

  @Get()
  @StaffEndpoint('readPreventionPlan')
  async read(
    @IdParam('preventionPlanId') preventionPlanId: string,
    @CurrentActor() actor: Actor,
    @AccessReason() accessReason?: string,
  ): Promise<Record<string, unknown>> {
    return { preventionPlanId, ...(await this.plans.openFor(preventionPlanId, actor, accessReason)) };
  }
}
