import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@mukti/contracts';
import { IdParam, AccessReason, readBackByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { ShelterStaysView } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';
import { INTAKE } from '../../intake-client';
import { shelterStaysOf } from './shelter-stays';

/**
 * Where she has stayed, and where she is now, with each shelter's name: for her case team (and an
 * admin with a reason). The names are opened by intake with her key; once she is erased they are
 * gone, those recorded before they were sealed too.
 */
@Controller('people/:personId/shelter-stays')
export class ReadShelterStaysController {
  constructor(
    private readonly carePlans: CarePlanStore,
    private readonly knownPeople: KnownPeople,
    @Inject(INTAKE) private readonly intake: ServiceClient,
  ) {}

  @Get()
  @StaffEndpoint('readShelterStays')
  async read(
    @IdParam('personId') personId: string,
    @CurrentActor() actor: Actor,
    @Req() caller: Request,
    @AccessReason() accessReason?: string,
  ): Promise<ShelterStaysView> {
    const person = await this.knownPeople.forActor(actor, personId, accessReason);
    const stays = shelterStaysOf(await this.carePlans.aggregates.events(personId));
    const names = await readBackByIntake(
      this.intake,
      caller,
      personId,
      'shelter-name',
      stays.map(({ name }) => ('sealed' in name ? name.sealed : name.clear)),
      person.erasedAt !== undefined,
    );
    return { stays: stays.map(({ name: _recorded, ...stay }, index) => ({ ...stay, ...(names[index] ? { name: names[index] } : {}) })) };
  }
}
