import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordedResponse, StartPlacementRequest } from '@mukti/staff-api';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/** Records a job or her own enterprise, with what it pays against the minimum wage for the state and skill level. */
@Controller('people/:personId/placements')
export class StartPlacementController {
  constructor(private readonly plans: LivelihoodPlanStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('startPlacement')
  async handle(
    @IdParam('personId') personId: string,
    @Body() request: StartPlacementRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const placementId = newId(context, 'placementId');
    await this.plans.execute(personId, context, accessReason, ({ now, minimumWage }) => {
      const startedAt = new Date(request.startedAt).toISOString();
      return {
        type: 'StartPlacement',
        data: {
          personId,
          placementId,
          kind: request.kind,
          employerOrEnterprise: request.employerOrEnterprise,
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
