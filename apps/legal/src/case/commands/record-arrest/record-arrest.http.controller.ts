import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordArrestRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records the arrest of an accused. */
@Controller('cases/:caseId/arrests')
export class RecordArrestController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordArrest')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: RecordArrestRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({ type: 'RecordArrest', data: { caseId, perpetratorId: request.perpetratorId, arrestedAt: new Date(request.arrestedAt).toISOString(), now } }),
    );
  }
}
