import { Body, Controller, ForbiddenException, HttpCode, Post } from '@nestjs/common';
import type { Actor, SealedPersonalData } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { IdParam, AccessReason, ServiceEndpoint } from '@mukti/http';
import { CurrentActor, PersonalDataVault } from '@mukti/security';
import { identifyingTextReaders, identifyingTextSealers, identifyingTextTooLong, OpenIdentifyingTextRequest, SealIdentifyingTextRequest } from '@mukti/staff-api';
import { PersonStore } from '../person/person.store';

/**
 * Text another service records about her that identifies her (a counsellor's notes, the shelter
 * she stays in, her employer) is sealed with her key here, where the keys are, for that service
 * acting for a staff member (her token, so need-to-know is checked again), each kind for a purpose
 * of its own: a value sealed as one kind never opens as another, nor as her identity. Each kind is
 * opened here for the roles that read it (`identifyingTextReaders`), on her case team.
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

  @Post('identifying-text/opened')
  @HttpCode(200)
  @ServiceEndpoint('openIdentifyingText')
  async open(
    @IdParam('personId') personId: string,
    @Body() request: OpenIdentifyingTextRequest,
    @CurrentActor() actor: Actor,
    @AccessReason() accessReason?: string,
  ): Promise<{ texts: (string | null)[] }> {
    if (!(identifyingTextReaders[request.kind] as readonly string[]).includes(actor.role)) {
      throw new ForbiddenException(`a ${actor.role} does not read ${request.kind}`);
    }
    await this.people.openFor(personId, actor, accessReason);
    if (request.sealed.some((sealed) => sealed.keyId !== personId)) {
      throw DomainError.ruleViolated('every sealed value must be hers', { field: 'sealed' });
    }
    // Erased (her key destroyed): null, the text is gone.
    const opened = await Promise.all(
      request.sealed.map((sealed) =>
        this.vault.open<{ notes?: string; text?: string }>(sealed, request.kind).catch(() => {
          // Sealed for another purpose (her identity, another kind), or altered: never opened here.
          throw DomainError.ruleViolated(`a sealed value is not ${request.kind} sealed for her`, { field: 'sealed' });
        }),
      ),
    );
    // Counselling notes keep the shape they were first sealed in.
    return { texts: opened.map((value) => (request.kind === 'counselling-notes' ? value?.notes : value?.text) ?? null) };
  }
}
