import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordFinancialInclusionRequest } from '@mukti/staff-api';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/** Records her bank account opened, or her joining a self-help group. */
@Controller('people/:personId/financial-inclusion')
export class RecordFinancialInclusionController {
  constructor(private readonly plans: LivelihoodPlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordFinancialInclusion')
  async handle(
    @IdParam('personId') personId: string,
    @Body() request: RecordFinancialInclusionRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.plans.execute(personId, context, accessReason, ({ now }) => ({ type: 'RecordFinancialInclusion', data: { personId, kind: request.kind, at: new Date(request.at).toISOString(), now } }));
  }
}
