import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { EndSkillTrainingRequest } from '@mukti/staff-api';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/** Records how her training ended: completed (and whether certified) or dropped out. */
@Controller('people/:personId/skill-trainings/:trainingId/end')
export class EndSkillTrainingController {
  constructor(private readonly plans: LivelihoodPlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('endSkillTraining')
  async handle(
    @IdParam('personId') personId: string,
    @IdParam('trainingId') trainingId: string,
    @Body() request: EndSkillTrainingRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.plans.execute(personId, context, accessReason, ({ now }) => ({
      type: 'EndSkillTraining',
      data: { personId, trainingId, outcome: request.outcome, endedAt: new Date(request.endedAt).toISOString(), certified: request.certified, now },
    }));
  }
}
