import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { IdParam, AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { FileChargeSheetRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** Records the charge sheet the police filed (supplementary ones too). */
@Controller('cases/:caseId/charge-sheets')
export class FileChargeSheetController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('fileChargeSheet')
  async handle(
    @IdParam('caseId') caseId: string,
    @Body() request: FileChargeSheetRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    await this.cases.execute(
      caseId,
      context,
      accessReason,
      ({ now }) => ({
        type: 'FileChargeSheet',
        data: { caseId, filedAt: new Date(request.filedAt).toISOString(), sections: request.sections.map(({ act, section }) => ({ act, section })), accusedIds: request.accusedIds, now },
      }),
    );
  }
}
