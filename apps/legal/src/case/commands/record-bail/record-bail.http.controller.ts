import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordBailRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records a bail application or decision, and who stood surety: a known perpetrator standing surety for a survivor raises the debt-bondage alert. */
@Controller('cases/:caseId/bail')
export class RecordBailController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordBail')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: RecordBailRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(caseId, context, accessReason, async ({ now, person, perpetrators }) => {
      // Her bail is hers: only her case team records it (a stranger gets the 404 of no one).
      if (request.personId) await person(request.personId);
      return {
        type: 'RecordBail',
        data: {
          caseId,
          ...(request.perpetratorId ? { perpetratorId: request.perpetratorId } : {}),
          ...(request.personId ? { personId: request.personId } : {}),
          stage: request.stage,
          at: new Date(request.at).toISOString(),
          ...(request.surety ? { surety: request.surety } : {}),
          ...(request.suretyPerpetratorId ? { suretyPerpetratorId: request.suretyPerpetratorId } : {}),
          knownPerpetratorIds: await perpetrators([request.suretyPerpetratorId]),
          now,
        },
      };
    });
  }
}
