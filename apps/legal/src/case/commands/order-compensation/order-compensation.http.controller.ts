import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { OrderCompensationRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records compensation a court ordered for a victim. */
@Controller('cases/:caseId/compensation-orders')
export class OrderCompensationController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('orderCompensation')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: OrderCompensationRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      async ({ now, person }) => {
        await person(request.personId);
        return {
          type: 'OrderCompensation',
          data: { caseId, personId: request.personId, orderedAt: new Date(request.orderedAt).toISOString(), amountInr: request.amountInr, payableBy: request.payableBy, now },
        };
      },
    );
  }
}
