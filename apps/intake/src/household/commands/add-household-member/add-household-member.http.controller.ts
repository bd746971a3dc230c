import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { AddHouseholdMemberRequest } from '@mukti/staff-api';
import { HouseholdStore } from '../../household.store';

/** Adds someone who came to live in the household, or was missed at registration; adding her again changes nothing. */
@Controller('households/:householdId/members')
export class AddHouseholdMemberController {
  constructor(private readonly households: HouseholdStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('addHouseholdMember')
  async add(
    @IdParam('householdId') householdId: string,
    @Body() request: AddHouseholdMemberRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.households.addMember({ householdId, personId: request.personId, now: new Date().toISOString() }, context, accessReason);
  }
}
