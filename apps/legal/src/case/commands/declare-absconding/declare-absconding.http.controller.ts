import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { DeclareAbscondingRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records that an accused is absconding. */
@Controller('cases/:caseId/absconding')
export class DeclareAbscondingController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('declareAbsconding')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: DeclareAbscondingRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({ type: 'DeclareAbsconding', data: { caseId, perpetratorId: request.perpetratorId, declaredAt: new Date(request.declaredAt).toISOString(), now } }),
    );
  }
}
