import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordHearingRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records a hearing, and the next date the court set. */
@Controller('cases/:caseId/hearings')
export class RecordHearingController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordHearing')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: RecordHearingRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({
        type: 'RecordHearing',
        data: {
          caseId,
          heldAt: new Date(request.heldAt).toISOString(),
          court: request.court,
          stage: request.stage,
          ...(request.nextHearingAt ? { nextHearingAt: new Date(request.nextHearingAt).toISOString() } : {}),
          now,
        },
      }),
    );
  }
}
