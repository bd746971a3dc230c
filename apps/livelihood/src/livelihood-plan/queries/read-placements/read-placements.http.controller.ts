import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@mukti/contracts';
import { IdParam, AccessReason, readBackByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { PlacementsView } from '@mukti/staff-api';
import { INTAKE } from '../../intake-client';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';
import { employerMissing, employersIn, placementsOf } from './placements';

/**
 * Her jobs and enterprises, what they pay against the minimum wage, and who employs her: for her
 * case team (and an admin with a reason). The employers' names are opened by intake with her key;
 * once she is erased they are gone, those recorded before they were sealed too.
 */
@Controller('people/:personId/placements')
export class ReadPlacementsController {
  constructor(
    private readonly plans: LivelihoodPlanStore,
    private readonly knownPeople: KnownPeople,
    @Inject(INTAKE) private readonly intake: ServiceClient,
  ) {}

  @Get()
  @StaffEndpoint('readPlacements')
  async read(
    @IdParam('personId') personId: string,
    @CurrentActor() actor: Actor,
    @Req() caller: Request,
    @AccessReason() accessReason?: string,
  ): Promise<PlacementsView> {
    const person = await this.knownPeople.forActor(actor, personId, accessReason);
    let placements = placementsOf((await this.plans.aggregates.load(personId))?.state);
    if (employerMissing(placements)) {
      const started = employersIn(await this.plans.aggregates.events(personId));
      placements = placements.map((placement) => ({ ...placement, employerOrEnterprise: placement.employerOrEnterprise ?? started.get(placement.placementId) }));
    }
    const employers = await readBackByIntake(
      this.intake,
      caller,
      personId,
      'employer',
      placements.map(({ employerOrEnterprise }) => employerOrEnterprise),
      person.erasedAt !== undefined,
    );
    return {
      placements: placements.map(({ employerOrEnterprise: _recorded, ...placement }, index) => ({
        ...placement,
        ...(employers[index] ? { employerOrEnterprise: employers[index] } : {}),
      })),
    };
  }
}
