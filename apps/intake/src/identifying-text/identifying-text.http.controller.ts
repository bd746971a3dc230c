import { Body, Controller, ForbiddenException, HttpCode, Post } from '@nestjs/common';
import type { Actor, SealedPersonalData } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { IdParam, AccessReason, ServiceEndpoint } from '@mukti/http';
import { CurrentActor, PersonalDataVault } from '@mukti/security';
import { identifyingTextSealers, identifyingTextTooLong, OpenCounsellingNotesRequest, SealIdentifyingTextRequest } from '@mukti/staff-api';
import { PersonStore } from '../person/person.store';

/**
 * Text another service records about her that identifies her (a counsellor's notes, the shelter
 * she stays in, her employer) is sealed with her key here, where the keys are, for that service
 * acting for a staff member (her token, so need-to-know is checked again), each kind for a purpose
 * of its own: a value sealed as one kind never opens as another, nor as her identity. Counselling
 * notes are opened here for counsellors on her case team.
 */
@Controller('people/:personId')
export class IdentifyingTextController {
  constructor(
    private readonly people: PersonStore,
    private readonly vault: PersonalDataVault,
  ) {}

  @Post('identifying-text/sealed')
  @HttpCode(200)
  @ServiceEndpoint('sealIdentifyingText')
  async seal(
    @IdParam('personId') personId: string,
    @Body() request: SealIdentifyingTextRequest,
    @CurrentActor() actor: Actor,
    @AccessReason() accessReason?: string,
  ): Promise<SealedPersonalData> {
    if (!(identifyingTextSealers[request.kind] as readonly string[]).includes(actor.role)) {
      throw new ForbiddenException(`a ${actor.role} does not record ${request.kind}`);
    }
    if (identifyingTextTooLong(request)) throw DomainError.ruleViolated(`${request.kind} is too long`, { field: 'text' });
    const person = await this.people.openFor(personId, actor, accessReason);
    if (person.erasedAt) throw DomainError.conflict('her personal data was erased: nothing more is recorded about her');
    // Counselling notes keep the shape they were first sealed in.
    const value = request.kind === 'counselling-notes' ? { notes: request.text } : { text: request.text };
    return this.vault.seal(personId, value, request.kind);
  }

  @Post('counselling-notes/opened')
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
          // Sealed for another purpose (her identity, her shelter), or altered: never opened here.
          throw DomainError.ruleViolated('a sealed value is not counselling notes sealed for her', { field: 'sealed' });
        }),
      ),
    );
    return { notes: opened.map((value) => value?.notes ?? null) };
  }
}
