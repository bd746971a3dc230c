import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AccessReason, IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { ErasePerpetratorRequest } from '@mukti/staff-api';
import { PerpetratorAccess } from '../../perpetrator-access';
import { PerpetratorStore } from '../../perpetrator.store';

/**
 * Erases a perpetrator's profile (an admin, with a reason): his data key is destroyed first (from
 * that moment every sealed copy of his name, aliases, phone and address, in every topic, database
 * and backup, is unreadable), then the erasure is recorded and published. Each step can be
 * repeated, so a retry after a failure completes it, and a retry after success answers the same.
 */
@Controller('perpetrators/:perpetratorId/erasure')
export class ErasePerpetratorController {
  constructor(
    private readonly perpetrators: PerpetratorStore,
    private readonly access: PerpetratorAccess,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('erasePerpetrator')
  async erase(
    @IdParam('perpetratorId') perpetratorId: string,
    @Body() request: ErasePerpetratorRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.access.assertMayErase(perpetratorId, context.actor, accessReason);
    await this.perpetrators.destroyKey(perpetratorId);
    await this.perpetrators.execute(perpetratorId, { type: 'ErasePerpetrator', data: { perpetratorId, reason: request.reason, now: this.perpetrators.now() } }, context);
  }
}
