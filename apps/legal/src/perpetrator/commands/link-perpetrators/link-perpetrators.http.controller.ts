import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { LinkPerpetratorsRequest } from '@mukti/staff-api';
import { PerpetratorStore } from '../../perpetrator.store';

/** Links two perpetrators of one network: who works for, supplies or finances whom. */
@Controller('perpetrators/:perpetratorId/links')
export class LinkPerpetratorsController {
  constructor(private readonly perpetrators: PerpetratorStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('linkPerpetrators')
  async link(
    @IdParam('perpetratorId') perpetratorId: string,
    @Body() request: LinkPerpetratorsRequest,
    @RequestContext() context: CommandContext,
  ): Promise<void> {
    const known = await this.perpetrators.known([request.otherPerpetratorId]);
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
