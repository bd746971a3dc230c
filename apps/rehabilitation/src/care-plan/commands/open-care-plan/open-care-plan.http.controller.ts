import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { mayBeChild } from '@mukti/contracts';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { OpenCarePlanRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Opens her care plan by hand, for a survivor who came another way than a rescue (a rescue opens it by itself). */
@Controller('people/:personId/care-plan')
export class OpenCarePlanController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('openCarePlan')
  async open(
    @IdParam('personId') personId: string,
    @Body() request: OpenCarePlanRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now, person) => ({ type: 'OpenCarePlan', data: { personId, origin: 'referred', child: mayBeChild(person.ageBand), goals: request.goals, openedAt: new Date(request.openedAt).toISOString(), now } }));
  }
}
