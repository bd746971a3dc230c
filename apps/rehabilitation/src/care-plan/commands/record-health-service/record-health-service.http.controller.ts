import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordHealthServiceRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Records a health service she received. */
@Controller('people/:personId/health-services')
export class RecordHealthServiceController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordHealthService')
  async record(
    @IdParam('personId') personId: string,
    @Body() request: RecordHealthServiceRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now) => ({ type: 'RecordHealthService', data: { personId, service: request.service, providedAt: new Date(request.providedAt).toISOString(), provider: request.provider, now } }));
  }
}
