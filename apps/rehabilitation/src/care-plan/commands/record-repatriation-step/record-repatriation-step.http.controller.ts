import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordRepatriationStepRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Records a step of her repatriation: the home investigation report, the escort, the handover. */
@Controller('people/:personId/repatriation-steps')
export class RecordRepatriationStepController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordRepatriationStep')
  async record(
    @IdParam('personId') personId: string,
    @Body() request: RecordRepatriationStepRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now, person) => ({
          type: 'RecordRepatriationStep',
          data: {
            personId,
            step: request.step,
            at: new Date(request.at).toISOString(),
            home: { state: request.home.state, district: request.home.district },
            ...(request.homeInvestigationOutcome ? { homeInvestigationOutcome: request.homeInvestigationOutcome } : {}),
            ...(request.handedOverTo ? { handedOverTo: request.handedOverTo } : {}),
            ageBand: person.ageBand,
            now,
          },
        }));
  }
}
