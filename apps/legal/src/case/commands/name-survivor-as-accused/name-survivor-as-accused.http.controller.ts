import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { NameSurvivorAsAccusedRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records that the police or a court listed a survivor as accused: recorded as it is, and raised as the decriminalisation alert. */
@Controller('cases/:caseId/survivors-accused')
export class NameSurvivorAsAccusedController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('nameSurvivorAsAccused')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: NameSurvivorAsAccusedRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      async ({ now, person }) => ({
        type: 'NameSurvivorAsAccused',
        data: { caseId, survivor: await person(request.personId), namedAt: new Date(request.namedAt).toISOString(), now },
      }),
    );
  }
}
