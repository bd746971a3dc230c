import { Controller, Get } from '@nestjs/common';
import { IdParam, AccessReason, StaffEndpoint } from '@mukti/http';
import { CurrentActor, mayReadPersonalData, PersonalDataVault } from '@mukti/security';
import type { Actor, StaffRole } from '@mukti/contracts';
import { PersonalDataView, PersonView } from '@mukti/staff-api';
import { PersonStore } from '../../person.store';

/** A person's record; her personal data is opened with her key only for roles allowed to read it. */
@Controller('people/:personId')
export class GetPersonController {
  constructor(
    private readonly people: PersonStore,
    private readonly vault: PersonalDataVault,
  ) {}

  @Get()
  @StaffEndpoint('readPerson')
  async get(
    @IdParam('personId') personId: string,
    @CurrentActor() actor: Actor,
    @AccessReason() accessReason?: string,
  ): Promise<PersonView> {
    const state = await this.people.openFor(personId, actor, accessReason);
    // Who registered her is the actor of her first commit.
    const registration = await this.people.aggregates.commit(personId, 1);
    const view: PersonView = {
      id: state.personId,
      role: state.role,
      gender: state.gender,
      ageBand: state.ageBand,
      origin: state.origin,
      languages: state.languages,
      referralSource: state.referralSource,
      registeredAt: state.registeredAt,
      registeredBy: registration?.events[0]?.actor.id ?? 'unknown',
      consents: Object.entries(state.consents).map(([scope, consent]) => ({ scope, ...consent })),
      vulnerability: state.vulnerability
        ? {
            level: state.vulnerability.level,
            score: state.vulnerability.score,
            factors: state.vulnerability.factors,
            assessedAt: state.vulnerability.assessedAt,
          }
        : undefined,
    };
    if (state.erasedAt) view.erasedAt = state.erasedAt;
    else if (mayReadPersonalData(actor.role as StaffRole, state.consents)) {
      view.personalData = await this.vault.open<PersonalDataView>(state.personalData);
    }
    return view;
  }
}
