import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, sealedByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
import { AdmitToShelterRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';
import { INTAKE } from '../../intake-client';

/**
 * Admits her to a shelter; a child only to a child care institution. Where she stays is where she
 * can be found: the shelter's name is sealed with her key by intake (which alone holds keys)
 * before anything is stored or published, as counselling notes are.
 */
@Controller('people/:personId/shelter-admissions')
export class AdmitToShelterController {
  constructor(
    private readonly carePlans: CarePlanStore,
    @Inject(INTAKE) private readonly intake: ServiceClient,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('admitToShelter')
  async admit(
    @IdParam('personId') personId: string,
    @Body() request: AdmitToShelterRequest,
    @Req() caller: Request,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    const name = await sealedByIntake(this.intake, caller, personId, 'shelter-name', request.shelter.name);
    await this.carePlans.execute(personId, context, accessReason, (now, person) => ({
      type: 'AdmitToShelter',
      data: {
        personId,
        shelter: { name, kind: request.shelter.kind, state: request.shelter.state, district: request.shelter.district },
        admittedAt: new Date(request.admittedAt).toISOString(),
        ageBand: person.ageBand,
        now,
      },
    }));
  }
}
