import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { EnrolInEducationRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Records her enrolment in school, a bridge course, literacy or further education. */
@Controller('people/:personId/education-enrolments')
export class EnrolInEducationController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('enrolInEducation')
  async enrol(
    @IdParam('personId') personId: string,
    @Body() request: EnrolInEducationRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now) => ({ type: 'EnrolInEducation', data: { personId, programme: request.programme, enrolledAt: new Date(request.enrolledAt).toISOString(), now } }));
  }
}
