import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { newId } from '@mukti/contracts';
import { AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';
import { RecordedResponse, RegisterFirRequest } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/**
 * Opens a case with its FIR. Each victim is named to the police only where her consent to it
 * stands (otherwise a 409 says whose consent is missing); survivors the police listed as accused
 * are recorded, and each raises the decriminalisation alert. The FIR's number and police station
 * are sealed with the case's own key before anything is stored or published.
 */
@Controller('cases')
export class RegisterFirController {
  constructor(private readonly cases: CaseStore) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('registerFir')
  async register(
    @Body() request: RegisterFirRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RecordedResponse> {
    const caseId = newId(context, 'caseId');
    await this.cases.register(caseId, context, accessReason, async ({ now, person, perpetrators }) => ({
      type: 'RegisterFir',
      data: {
        caseId,
        fir: {
          district: request.fir.district,
          state: request.fir.state,
          numberAndStation: await this.cases.sealFirDetails(caseId, request.fir),
          registeredAt: new Date(request.fir.registeredAt).toISOString(),
        },
        sections: request.sections.map(({ act, section }) => ({ act, section })),
        victims: await Promise.all(request.victimIds.map(person)),
        accusedIds: request.accusedIds,
        ...(request.mainAccusedId ? { mainAccusedId: request.mainAccusedId } : {}),
        survivorsAccused: await Promise.all((request.survivorsAccusedIds ?? []).map(person)),
        knownPerpetratorIds: await perpetrators([...request.accusedIds, request.mainAccusedId]),
        // Who registers it is the first on its team.
        registeredBy: context.actor.id,
        now,
      },
    }));
    return { id: caseId };
  }
}
