import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { DropSurvivorAccusationRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records that the charge against a survivor was dropped: her decriminalisation alert closes. */
@Controller('cases/:caseId/survivors-accused/:personId/dropped')
export class DropSurvivorAccusationController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('dropSurvivorAccusation')
  async drop(
    @IdParam('caseId') caseId: string,
    @IdParam('personId') personId: string,
    @Body() request: DropSurvivorAccusationRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(caseId, context, accessReason, async ({ now, person }) => {
      await person(personId);
      return { type: 'DropSurvivorAccusation', data: { caseId, personId, droppedAt: new Date(request.droppedAt).toISOString(), now } };
    });
  }
}
