import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, sealedByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
import { RecordCounsellingSessionRequest, RecordedResponse } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';
import { INTAKE } from '../../intake-client';

/**
 * Records a counselling session. The notes are sealed with her key by intake (which alone holds
 * keys) before anything is stored or published: this service never keeps them in clear.
 */
@Controller('people/:personId/counselling-sessions')
export class RecordCounsellingSessionController {
  constructor(
    private readonly carePlans: CarePlanStore,
    @Inject(INTAKE) private readonly intake: ServiceClient,
  ) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('recordCounsellingSession')
  async record(
    @IdParam('personId') personId: string,
    @Body() request: RecordCounsellingSessionRequest,
    @Req() caller: Request,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const sessionId = newId(context, 'sessionId');
    const notes = await sealedByIntake(this.intake, caller, personId, 'counselling-notes', request.notes);
    await this.carePlans.execute(personId, context, accessReason, (now) => ({
      type: 'RecordCounsellingSession',
      data: { personId, sessionId, heldAt: new Date(request.heldAt).toISOString(), kind: request.kind, notes, now },
    }));
    return { id: sessionId };
  }
}
