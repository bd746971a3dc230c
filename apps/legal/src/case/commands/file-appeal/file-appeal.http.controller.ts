import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { FileAppealRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records an appeal against a verdict. */
@Controller('cases/:caseId/appeals')
export class FileAppealController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('fileAppeal')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: FileAppealRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({
        type: 'FileAppeal',
        data: { caseId, perpetratorId: request.perpetratorId, appellant: request.appellant, court: request.court, filedAt: new Date(request.filedAt).toISOString(), now },
      }),
    );
  }
}
