import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordCompensationRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Records victim compensation: applied, awarded (amount) or paid. */
@Controller('people/:personId/compensation')
export class RecordCompensationController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordCompensation')
  async record(
    @IdParam('personId') personId: string,
    @Body() request: RecordCompensationRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now) => ({
          type: 'RecordCompensation',
          data: {
            personId,
            stage: request.stage,
            scheme: request.scheme,
            at: new Date(request.at).toISOString(),
            ...(request.amountInr !== undefined ? { amountInr: request.amountInr } : {}),
            now,
          },
        }));
  }
}
