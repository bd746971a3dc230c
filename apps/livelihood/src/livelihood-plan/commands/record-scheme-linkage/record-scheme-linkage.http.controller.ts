import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordSchemeLinkageRequest } from '@mukti/staff-api';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';

/** Records a government scheme she applied for, was granted or refused. */
@Controller('people/:personId/scheme-linkages')
export class RecordSchemeLinkageController {
  constructor(private readonly plans: LivelihoodPlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordSchemeLinkage')
  async handle(
    @IdParam('personId') personId: string,
    @Body() request: RecordSchemeLinkageRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.plans.execute(personId, context, accessReason, ({ now }) => ({ type: 'RecordSchemeLinkage', data: { personId, scheme: request.scheme, stage: request.stage, at: new Date(request.at).toISOString(), now } }));
  }
}
