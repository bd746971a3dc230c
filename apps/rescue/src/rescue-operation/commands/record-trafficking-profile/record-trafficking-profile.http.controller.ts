import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { Actor, CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { RecordTraffickingProfileRequest } from '@mukti/staff-api';
import { RescueOperationStore } from '../../rescue-operation.store';

/** Records (or updates) a rescued person's trafficking profile, in HTCDS terms. Her case team only. */
@Controller('rescue-operations/:operationId/persons/:personId/trafficking-profile')
export class RecordTraffickingProfileController {
  constructor(
    private readonly operations: RescueOperationStore,
    private readonly knownPeople: KnownPeople,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordTraffickingProfile')
  async record(
    @IdParam('operationId') operationId: string,
    @IdParam('personId') personId: string,
    @Body() request: RecordTraffickingProfileRequest,
    @CurrentActor() actor: Actor,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.knownPeople.forActor(actor, personId, accessReason);
    const place = (value?: { country: string; state?: string; district?: string }) =>
      value && { country: value.country, ...(value.state ? { state: value.state } : {}), ...(value.district ? { district: value.district } : {}) };
    const source = place(request.source);
    const destination = place(request.destination);
    await this.operations.execute(
      operationId,
      {
        type: 'RecordTraffickingProfile',
        data: {
          operationId,
          personId,
          profile: {
            traffickingStatus: request.traffickingStatus,
            exploitationTypes: request.exploitationTypes,
            recruitmentMethod: request.recruitmentMethod,
            meansOfControl: request.meansOfControl,
            relationshipToTrafficker: request.relationshipToTrafficker,
            ...(source ? { source } : {}),
            transit: (request.transit ?? []).map((stop) => place(stop)!),
            ...(destination ? { destination } : {}),
          },
          recordedAt: new Date(request.recordedAt).toISOString(),
          now: this.clock.now().toISOString(),
        },
      },
      context,
    );
  }
}
