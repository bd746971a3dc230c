import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { NameAccusedRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Names a perpetrator among the accused after the FIR, or names the main accused at last. */
@Controller('cases/:caseId/accused')
export class NameAccusedController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('nameAccused')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: NameAccusedRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      async ({ now, perpetrators }) => ({
        type: 'NameAccused',
        data: { caseId, perpetratorId: request.perpetratorId, main: request.main ?? false, knownPerpetratorIds: await perpetrators([request.perpetratorId]), namedAt: new Date(request.namedAt).toISOString(), now },
      }),
    );
  }
}
