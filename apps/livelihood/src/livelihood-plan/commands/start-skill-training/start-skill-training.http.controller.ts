import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordedResponse, StartSkillTrainingRequest } from '@mukti/staff-api';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/** Records a skill training she starts: trade, provider, dates. */
@Controller('people/:personId/skill-trainings')
export class StartSkillTrainingController {
  constructor(private readonly plans: LivelihoodPlanStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('startSkillTraining')
  async handle(
    @IdParam('personId') personId: string,
    @Body() request: StartSkillTrainingRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const trainingId = newId(context, 'trainingId');
    await this.plans.execute(personId, context, accessReason, ({ now }) => ({
      type: 'StartSkillTraining',
      data: {
        personId,
        trainingId,
        trade: request.trade,
        provider: request.provider,
        skillLevel: request.skillLevel,
        startedAt: new Date(request.startedAt).toISOString(),
        ...(request.plannedEndAt ? { plannedEndAt: new Date(request.plannedEndAt).toISOString() } : {}),
        now,
      },
    }));
    return { id: trainingId };
  }
}
