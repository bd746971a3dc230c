import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { Actor, SealedPersonalData } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { IdParam, AccessReason, ServiceEndpoint } from '@mukti/http';
import { CurrentActor, PersonalDataVault } from '@mukti/security';
import { OpenCounsellingNotesRequest, SealCounsellingNotesRequest } from '@mukti/staff-api';
import { PersonStore } from '../person/person.store';

/**
 * Counselling notes are sealed and opened with her key here, where the keys are, for the
 * rehabilitation service acting for a counsellor (her token, so need-to-know is checked again).
 * Sealed for the purpose "counselling-notes": these endpoints never open her identity.
 */
@Controller('people/:personId/counselling-notes')
export class CounsellingNotesController {
  constructor(
    private readonly people: PersonStore,
    private readonly vault: PersonalDataVault,
  ) {}

  @Post('sealed')
  @HttpCode(200)
  @ServiceEndpoint('sealCounsellingNotes')
  async seal(
    @IdParam('personId') personId: string,
    @Body() request: SealCounsellingNotesRequest,
    @CurrentActor() actor: Actor,
    @AccessReason() accessReason?: string,
  ): Promise<SealedPersonalData> {
    const person = await this.people.openFor(personId, actor, accessReason);
    if (person.erasedAt) throw DomainError.conflict('her personal data was erased: nothing more is recorded about her');
    return this.vault.seal(personId, { notes: request.notes }, 'counselling-notes');
  }

  @Post('opened')
  @HttpCode(200)
  @ServiceEndpoint('openCounsellingNotes')
  async open(
    @IdParam('personId') personId: string,
    @Body() request: OpenCounsellingNotesRequest,
    @CurrentActor() actor: Actor,
    @AccessReason() accessReason?: string,
  ): Promise<{ notes: (string | null)[] }> {
    await this.people.openFor(personId, actor, accessReason);
    if (request.sealed.some((sealed) => sealed.keyId !== personId)) {
      throw DomainError.ruleViolated('every sealed value must be hers', { field: 'sealed' });
    }
    // Erased (her key destroyed): null, the notes are gone.
    const opened = await Promise.all(
      request.sealed.map((sealed) =>
        this.vault.open<{ notes: string }>(sealed, 'counselling-notes').catch(() => {
          // Sealed for another purpose (her identity), or altered: never opened here.
          throw DomainError.ruleViolated('a sealed value is not counselling notes sealed for her', { field: 'sealed' });
        }),
      ),
    );
    return { notes: opened.map((value) => value?.notes ?? null) };
  }
}
