import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AccessReason, IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { LinkPerpetratorsRequest } from '@mukti/staff-api';
import { PerpetratorAccess } from '../../perpetrator-access';
import { PerpetratorStore } from '../../perpetrator.store';

/** Links two perpetrators of one network: who works for, supplies or finances whom. Both must be hers to see. */
@Controller('perpetrators/:perpetratorId/links')
export class LinkPerpetratorsController {
  constructor(
    private readonly perpetrators: PerpetratorStore,
    private readonly access: PerpetratorAccess,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('linkPerpetrators')
  async link(
    @IdParam('perpetratorId') perpetratorId: string,
    @Body() request: LinkPerpetratorsRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.access.assertMayOpen(perpetratorId, context.actor, accessReason);
    const known = await this.access.visibleTo(context.actor, [request.otherPerpetratorId]);
    await this.perpetrators.execute(
      perpetratorId,
      {
        type: 'LinkPerpetrators',
        data: {
          perpetratorId,
          otherPerpetratorId: request.otherPerpetratorId,
          link: request.link,
          otherKnown: known.has(request.otherPerpetratorId),
          now: this.perpetrators.now(),
        },
      },
      context,
    );
  }
}
