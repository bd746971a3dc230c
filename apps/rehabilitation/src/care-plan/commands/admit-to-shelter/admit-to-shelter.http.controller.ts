import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { AdmitToShelterRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Admits her to a shelter; a child only to a child care institution. */
@Controller('people/:personId/shelter-admissions')
export class AdmitToShelterController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('admitToShelter')
  async admit(
    @IdParam('personId') personId: string,
    @Body() request: AdmitToShelterRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now, person) => ({
          type: 'AdmitToShelter',
          data: {
            personId,
            shelter: { name: request.shelter.name, kind: request.shelter.kind, state: request.shelter.state, district: request.shelter.district },
            admittedAt: new Date(request.admittedAt).toISOString(),
            ageBand: person.ageBand,
            now,
          },
        }));
  }
}
