import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { AttachPropertyRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records property of the accused attached by the court. */
@Controller('cases/:caseId/property-attachments')
export class AttachPropertyController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('attachProperty')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: AttachPropertyRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({
        type: 'AttachProperty',
        data: { caseId, attachedAt: new Date(request.attachedAt).toISOString(), kind: request.kind, ...(request.valueInr !== undefined ? { valueInr: request.valueInr } : {}), now },
      }),
    );
  }
}
