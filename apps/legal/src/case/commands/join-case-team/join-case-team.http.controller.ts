import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AccessReason, IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { JoinCaseTeamRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Adds a legal officer to the case's team; a member of the team (or an admin with a reason) does it. Adding her again changes nothing. */
@Controller('cases/:caseId/team')
export class JoinCaseTeamController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('joinCaseTeam')
  async join(
    @IdParam('caseId') caseId: string,
    @Body() request: JoinCaseTeamRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(caseId, context, accessReason, ({ now }) => ({
      type: 'JoinCaseTeam',
      data: { caseId, staffId: request.staffId, addedBy: context.actor.id, now },
    }));
  }
}
