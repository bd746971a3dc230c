import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordWitnessSupportRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records how a victim was supported as a witness: only where her consent to be named to a court stands (a 409 names the missing consent). */
@Controller('cases/:caseId/witness-support')
export class RecordWitnessSupportController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordWitnessSupport')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: RecordWitnessSupportRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      async ({ now, person }) => ({
        type: 'RecordWitnessSupport',
        data: {
          caseId,
          victim: await person(request.personId),
          at: new Date(request.at).toISOString(),
          ...(request.testimony ? { testimony: request.testimony } : {}),
          inCamera: request.inCamera,
          supportPerson: request.supportPerson,
          protectionMeasures: request.protectionMeasures,
          travelSupported: request.travelSupported,
          now,
        },
      }),
    );
  }
}
