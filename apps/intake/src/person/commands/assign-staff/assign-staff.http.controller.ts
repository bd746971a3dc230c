import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';

import { AssignStaffRequest } from '@mukti/staff-api';
import { PersonStore } from '../../person.store';

/** Her case team: admins, and caseworkers on her case, add and remove colleagues. */
@Controller('people/:personId/assignments')
export class AssignStaffController {
  constructor(private readonly people: PersonStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('assignStaff')
  async assign(
    @IdParam('personId') personId: string,
    @Body() request: AssignStaffRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    const now = new Date().toISOString();
    await this.people.change(
      personId,
      { type: 'AssignStaff', data: { personId, staffId: request.staffId, staffRole: request.staffRole, assignedBy: context.actor, now } },
      context,
      accessReason,
    );
  }

  @Delete(':staffId')
  @HttpCode(204)
  @StaffEndpoint('unassignStaff')
  async unassign(
    @IdParam('personId') personId: string,
    @Param('staffId') staffId: string,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    const now = new Date().toISOString();
    await this.people.change(personId, { type: 'UnassignStaff', data: { personId, staffId, unassignedBy: context.actor, now } }, context, accessReason);
  }
}
