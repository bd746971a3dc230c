import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordedResponse, RecordPreventionSupportRequest } from '@mukti/staff-api';
import { PreventionPlanStore } from '../../prevention-plan.store';

/** Records support given under the plan (education, livelihood, awareness, a scheme), or a change in its status; the first starts the 12-month follow-up. */
@Controller('prevention-plans/:preventionPlanId/supports')
export class RecordPreventionSupportController {
  constructor(private readonly plans: PreventionPlanStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('recordPreventionSupport')
  async record(
    @IdParam('preventionPlanId') preventionPlanId: string,
    @Body() request: RecordPreventionSupportRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const supportId = request.supportId ?? newId(context, 'supportId');
    await this.plans.execute(preventionPlanId, context, accessReason, (now) => ({
      type: 'RecordPreventionSupport',
      data: {
        preventionPlanId,
        supportId,
        kind: request.kind,
        status: request.status,
        startedAt: new Date(request.startedAt).toISOString(),
        ...(request.endedAt ? { endedAt: new Date(request.endedAt).toISOString() } : {}),
        ...(request.scheme ? { scheme: request.scheme } : {}),
        now,
      },
    }));
    return { id: supportId };
  }
}
