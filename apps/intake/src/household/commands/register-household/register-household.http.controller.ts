import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordedResponse, RegisterHouseholdRequest } from '@mukti/staff-api';
import { HouseholdStore } from '../../household.store';

/**
 * Registers a household: where it lives and who lives in it, people registered in intake, each
 * on the caller's case team (the 404 of someone never registered otherwise, whichever she is not).
 */
@Controller('households')
export class RegisterHouseholdController {
  constructor(private readonly households: HouseholdStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('registerHousehold')
  async register(
    @Body() request: RegisterHouseholdRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const householdId = newId(context, 'householdId');
    const { state, district, villageOrWard } = request.place;
    await this.households.register(
      { householdId, place: { state, district, villageOrWard }, memberIds: request.memberIds, now: new Date().toISOString() },
      context,
      accessReason,
    );
    return { id: householdId };
  }
}
