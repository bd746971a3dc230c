import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { ScheduleFollowUpsRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Schedules her reintegration follow-ups (for example every 3 months for 2 years); a follow-up not held in time raises an alert. */
@Controller('people/:personId/follow-up-schedule')
export class ScheduleFollowUpsController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('scheduleFollowUps')
  async schedule(
    @IdParam('personId') personId: string,
    @Body() request: ScheduleFollowUpsRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now) => ({ type: 'ScheduleFollowUps', data: { personId, everyMonths: request.everyMonths, forMonths: request.forMonths, from: new Date(request.from).toISOString(), now } }));
  }
}
