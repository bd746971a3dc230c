import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { CloseCaseRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Closes the case: final verdicts, quashed, withdrawn, transferred out or abated. */
@Controller('cases/:caseId/closure')
export class CloseCaseController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('closeCase')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: CloseCaseRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({ type: 'CloseCase', data: { caseId, closedAt: new Date(request.closedAt).toISOString(), reason: request.reason, now } }),
    );
  }
}
