import { Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/** Opens her livelihood plan by hand (a care plan with a livelihood goal opens it by itself). */
@Controller('people/:personId/livelihood-plan')
export class OpenLivelihoodPlanController {
  constructor(private readonly plans: LivelihoodPlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('openLivelihoodPlan')
  async handle(
    @IdParam('personId') personId: string,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.plans.execute(personId, context, accessReason, ({ now }) => ({ type: 'OpenLivelihoodPlan', data: { personId, origin: 'referred', openedAt: now, now } }));
  }
}
