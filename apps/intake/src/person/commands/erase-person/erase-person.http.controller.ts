import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { PersonalDataVault } from '@mukti/security';
import { ErasePersonRequest } from '@mukti/staff-api';
import { HouseholdStore } from '../../../household/household.store';
import { AGE_BAND_WATCH, AgeBandWatch } from '../../age-band-watch/age-band-watch';
import { PersonStore } from '../../person.store';

/**
 * Erases a person: her data key is destroyed first (from that moment every sealed copy of her
 * personal data, in every topic, database and backup, is unreadable), then her identity
 * fingerprints are released, and the key of each household she was the last member on record of
 * (its village or ward), then the erasure is recorded and published. Each step can be repeated,
 * so a retry after a failure completes it.
 */
@Controller('people/:personId/erasure')
export class ErasePersonController {
  constructor(
    private readonly people: PersonStore,
    private readonly vault: PersonalDataVault,
    private readonly households: HouseholdStore,
    @Inject(AGE_BAND_WATCH) private readonly ageBands: AgeBandWatch,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('erasePerson')
  async erase(
    @IdParam('personId') personId: string,
    @Body() request: ErasePersonRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.people.openFor(personId, context.actor, accessReason);
    await this.vault.destroyKey(personId);
    // Her birth date lives on in the watch of her age band: gone with her key.
    await this.ageBands.forget(personId);
    await this.people.aggregates.releaseUniqueFields(personId);
    for (const householdId of await this.households.householdsLeftWithNoOneAfter(personId)) await this.vault.destroyKey(householdId);
    await this.people.change(personId, { type: 'ErasePerson', data: { personId, reason: request.reason, now: new Date().toISOString() } }, context, accessReason);
  }
}
