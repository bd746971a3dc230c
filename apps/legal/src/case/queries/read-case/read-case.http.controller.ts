import { Controller, Get, NotFoundException } from '@nestjs/common';
import { IdParam, StaffEndpoint } from '@mukti/http';
import type { CaseView } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/** A case as its legal officer follows it: coded facts and ids only, no one's personal data. */
@Controller('cases/:caseId')
export class ReadCaseController {
  constructor(private readonly cases: CaseStore) {}

  @Get()
  @StaffEndpoint('readCase')
  async read(@IdParam('caseId') caseId: string): Promise<CaseView> {
    const state = await this.cases.find(caseId);
    if (!state || state.status === 'none') throw new NotFoundException(`case ${caseId} is not registered`);
    const { status, ...record } = state;
    return { caseId, status, record };
  }
}
