import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { ClosePremisesRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records premises closed by a magistrate's order (ITPA s.18). */
@Controller('cases/:caseId/premises-closures')
export class ClosePremisesController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('closePremises')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: ClosePremisesRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({
        type: 'ClosePremises',
        data: { caseId, closedAt: new Date(request.closedAt).toISOString(), place: { state: request.place.state, district: request.place.district }, now },
      }),
    );
  }
}
