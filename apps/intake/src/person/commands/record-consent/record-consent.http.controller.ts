import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';

import { RecordConsentRequest, RecordedResponse } from '@mukti/staff-api';
import { PersonStore } from '../../person.store';

/** Records her decision for one sharing scope; the latest decision per scope wins. */
@Controller('people/:personId/consents')
export class RecordConsentController {
  constructor(private readonly people: PersonStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('recordConsent')
  async record(
    @IdParam('personId') personId: string,
    @Body() request: RecordConsentRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const now = new Date().toISOString();
    const consentId = newId(context, 'consentId');
    await this.people.change(
      personId,
      {
        type: 'RecordConsent',
        data: {
          personId,
          consentId,
          scope: request.scope,
          decision: request.decision,
          givenBy: request.givenBy ?? 'self',
          decidedAt: request.decidedAt ? new Date(request.decidedAt).toISOString() : now,
          now,
        },
      },
      context,
      accessReason,
    );
    return { id: consentId };
  }
}
