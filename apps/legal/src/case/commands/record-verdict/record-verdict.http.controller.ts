import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordVerdictRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records the verdict on one accused: convicted with sentence and fine, or acquitted. */
@Controller('cases/:caseId/verdicts')
export class RecordVerdictController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordVerdict')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: RecordVerdictRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({
        type: 'RecordVerdict',
        data: {
          caseId,
          perpetratorId: request.perpetratorId,
          outcome: request.outcome,
          decidedAt: new Date(request.decidedAt).toISOString(),
          court: request.court,
          ...(request.sentenceMonths !== undefined ? { sentenceMonths: request.sentenceMonths } : {}),
          ...(request.fineInr !== undefined ? { fineInr: request.fineInr } : {}),
          now,
        },
      }),
    );
  }
}
