import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, sealedByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
import { RecordedResponse, StartSkillTrainingRequest } from '@mukti/staff-api';
import { INTAKE } from '../../intake-client';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/**
 * Records a skill training she starts: trade, provider, dates. Where she trains is where she can
 * be found, so the trade and the provider are sealed with her key by intake first (as her
 * employer's name is): nothing stored or published here holds them in clear.
 */
@Controller('people/:personId/skill-trainings')
export class StartSkillTrainingController {
  constructor(
    private readonly plans: LivelihoodPlanStore,
    @Inject(INTAKE) private readonly intake: ServiceClient,
  ) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('startSkillTraining')
  async handle(
    @IdParam('personId') personId: string,
    @Body() request: StartSkillTrainingRequest,
    @Req() caller: Request,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const trainingId = newId(context, 'trainingId');
    const training = await sealedByIntake(this.intake, caller, personId, 'skill-training', JSON.stringify({ trade: request.trade, provider: request.provider }));
    await this.plans.execute(personId, context, accessReason, ({ now }) => ({
      type: 'StartSkillTraining',
      data: {
        personId,
        trainingId,
        training,
        skillLevel: request.skillLevel,
        startedAt: new Date(request.startedAt).toISOString(),
        ...(request.plannedEndAt ? { plannedEndAt: new Date(request.plannedEndAt).toISOString() } : {}),
        now,
      },
    }));
    return { id: trainingId };
  }
}
