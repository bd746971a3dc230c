import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordIdentityDocumentRequest } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';

/** Records an identity document applied for, obtained or refused; a voter ID obtained is her voter registration too. */
@Controller('people/:personId/identity-documents')
export class RecordIdentityDocumentController {
  constructor(private readonly carePlans: CarePlanStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('recordIdentityDocument')
  async record(
    @IdParam('personId') personId: string,
    @Body() request: RecordIdentityDocumentRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.carePlans.execute(personId, context, accessReason, (now, person) => ({ type: 'RecordIdentityDocument', data: { personId, document: request.document, status: request.status, recordedAt: new Date(request.recordedAt).toISOString(), ageBand: person.ageBand, now } }));
  }
}
