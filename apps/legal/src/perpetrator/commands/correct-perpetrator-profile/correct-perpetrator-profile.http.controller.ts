import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AccessReason, IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { CorrectPerpetratorProfileRequest } from '@mukti/staff-api';
import { PerpetratorAccess } from '../../perpetrator-access';
import { PerpetratorStore } from '../../perpetrator.store';

/** Corrects a perpetrator's profile as a whole: his personal data sealed anew with his own key, his category and places, with why. For his team. */
@Controller('perpetrators/:perpetratorId/corrections')
export class CorrectPerpetratorProfileController {
  constructor(
    private readonly perpetrators: PerpetratorStore,
    private readonly access: PerpetratorAccess,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('correctPerpetratorProfile')
  async correct(
    @IdParam('perpetratorId') perpetratorId: string,
    @Body() request: CorrectPerpetratorProfileRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.access.assertMayOpen(perpetratorId, context.actor, accessReason);
    const personalData = await this.perpetrators.seal(perpetratorId, this.perpetrators.personalDataOf(request));
    await this.perpetrators.execute(
      perpetratorId,
      {
        type: 'CorrectPerpetratorProfile',
        data: {
          perpetratorId,
          category: request.category,
          personalData,
          knownPlaces: (request.knownPlaces ?? []).map((place) => ({ state: place.state, district: place.district })),
          reason: request.reason,
          now: this.perpetrators.now(),
        },
      },
      context,
    );
  }
}
