import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { PersonalDataVault } from '@mukti/security';
import { RecordedResponse, RegisterHouseholdRequest } from '@mukti/staff-api';
import { HouseholdStore } from '../../household.store';

/**
 * Registers a household: where it lives and who lives in it, people registered in intake, each
 * on the caller's case team (the 404 of someone never registered otherwise, whichever she is not).
 * Its village or ward leads to each of its members: it is sealed with the household's own data
 * key before anything is stored or published, and that key goes with the last of them erased.
 */
@Controller('households')
export class RegisterHouseholdController {
  constructor(
    private readonly households: HouseholdStore,
    private readonly vault: PersonalDataVault,
  ) {}

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
    // A retry of the same request has the same id: the key is made once, the text sealed again.
    await this.vault.ensureKey(householdId);
    const sealed = await this.vault.seal(householdId, { text: villageOrWard }, 'household-place');
    await this.households.register(
      { householdId, place: { state, district }, villageOrWard: sealed, memberIds: request.memberIds, now: new Date().toISOString() },
      context,
      accessReason,
    );
    return { id: householdId };
  }
}
