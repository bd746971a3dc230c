import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
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
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Param('trainingId', new ParseUUIDPipe()) trainingId: string,
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
