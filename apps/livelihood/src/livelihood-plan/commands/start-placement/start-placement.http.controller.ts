import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, sealedByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
import { RecordedResponse, StartPlacementRequest } from '@mukti/staff-api';
import { INTAKE } from '../../intake-client';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/**
 * Records a job or her own enterprise, with what it pays against the minimum wage for the state
 * and skill level. Where she works is where she can be found (and her own enterprise may bear her
 * name): the employer's or enterprise's name is sealed with her key by intake (which alone holds
 * keys) before anything is stored or published, as counselling notes are.
 */
@Controller('people/:personId/placements')
export class StartPlacementController {
  constructor(
    private readonly plans: LivelihoodPlanStore,
    @Inject(INTAKE) private readonly intake: ServiceClient,
  ) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('startPlacement')
  async handle(
    @IdParam('personId') personId: string,
    @Body() request: StartPlacementRequest,
    @Req() caller: Request,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const placementId = newId(context, 'placementId');
    const employerOrEnterprise = await sealedByIntake(this.intake, caller, personId, 'employer', request.employerOrEnterprise);
    await this.plans.execute(personId, context, accessReason, ({ now, minimumWage }) => {
      const startedAt = new Date(request.startedAt).toISOString();
      return {
        type: 'StartPlacement',
        data: {
          personId,
          placementId,
          kind: request.kind,
          employerOrEnterprise,
          sector: request.sector,
          skillLevel: request.skillLevel,
          state: request.state,
          startedAt,
          monthlyIncomeInr: request.monthlyIncomeInr,
          minimumWage: minimumWage(request.state, request.skillLevel, startedAt),
          now,
        },
      };
    });
    return { id: placementId };
  }
}
