import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { RequestContext, StaffEndpoint } from '@mukti/http';
import { ProfilePerpetratorRequest, RecordedResponse } from '@mukti/staff-api';
import { PerpetratorStore } from '../../perpetrator.store';

/** Profiles someone who profits from her exploitation; his personal data is sealed before it is stored or published. */
@Controller('perpetrators')
export class ProfilePerpetratorController {
  constructor(private readonly perpetrators: PerpetratorStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('profilePerpetrator')
  async profile(@Body() request: ProfilePerpetratorRequest, @RequestContext() context: CommandContext): Promise<RecordedResponse> {
    const perpetratorId = newId(context, 'perpetratorId');
    const personalData = await this.perpetrators.seal(perpetratorId, this.perpetrators.personalDataOf(request));
    await this.perpetrators.execute(
      perpetratorId,
      {
        type: 'ProfilePerpetrator',
        data: {
          perpetratorId,
          category: request.category,
          personalData,
          knownPlaces: (request.knownPlaces ?? []).map((place) => ({ state: place.state, district: place.district })),
          // Who profiles him sees him; others through the cases that name him.
          profiledBy: context.actor.id,
          now: this.perpetrators.now(),
        },
      },
      context,
    );
    return { id: perpetratorId };
  }
}
