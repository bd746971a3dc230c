import { Controller, Get } from '@nestjs/common';
import { EventEnvelope, legalEventTypes } from '@mukti/contracts';
import type { Actor } from '@mukti/contracts';
import { AccessReason, IdParam, StaffEndpoint } from '@mukti/http';
import { CurrentActor } from '@mukti/security';
import type { PerpetratorView } from '@mukti/staff-api';
import { PerpetratorAccess } from '../../perpetrator-access';
import { PerpetratorStore } from '../../perpetrator.store';

/** A perpetrator's profile, his personal data opened with his key: for who profiled him and the teams of the cases that name him (an admin with a reason). */
@Controller('perpetrators/:perpetratorId')
export class ReadPerpetratorController {
  constructor(
    private readonly perpetrators: PerpetratorStore,
    private readonly access: PerpetratorAccess,
  ) {}

  @Get()
  @StaffEndpoint('readPerpetrator')
  async read(@IdParam('perpetratorId') perpetratorId: string, @CurrentActor() actor: Actor, @AccessReason() accessReason?: string): Promise<PerpetratorView> {
    await this.access.assertMayOpen(perpetratorId, actor, accessReason);
    const state = await this.perpetrators.get(perpetratorId);
    // His personal data as last recorded, sealed (states from before corrections: in his profiling event only).
    const sealed =
      state.personalData ??
      (await this.perpetrators.aggregates.commit(perpetratorId, 1))?.events.find(
        (event): event is EventEnvelope<typeof legalEventTypes.perpetratorProfiled> => event.type === legalEventTypes.perpetratorProfiled,
      )?.data.personalData;
    const personalData = sealed ? await this.perpetrators.open(sealed) : undefined;
    return {
      perpetratorId,
      category: state.category,
      beneficiary: state.beneficiary,
      name: personalData?.name ?? '',
      ...(personalData?.aliases ? { aliases: personalData.aliases } : {}),
      ...(personalData?.phone ? { phone: personalData.phone } : {}),
      ...(personalData?.address ? { address: personalData.address } : {}),
      knownPlaces: state.knownPlaces,
      links: state.links,
      profiledAt: state.profiledAt,
    };
  }
}
