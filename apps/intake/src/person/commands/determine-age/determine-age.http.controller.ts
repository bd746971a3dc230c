import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { AccessReason, IdParam, RequestContext, StaffEndpoint } from '@mukti/http';
import { ageBandOf, ageOn, AgeEvidence } from '@mukti/intake-domain';
import { DetermineAgeRequest } from '@mukti/staff-api';
import { AGE_BAND_WATCH, AgeBandWatch } from '../../age-band-watch/age-band-watch';
import { PersonStore } from '../../person.store';

/**
 * Records her age as determined: her band from today follows the evidence, in intake and in every
 * service that keeps a copy, and so does every child safeguard; intake watches for the birthday
 * that next moves it. The evidence stays here; only her band is published.
 */
@Controller('people/:personId/age-determinations')
export class DetermineAgeController {
  constructor(
    private readonly people: PersonStore,
    @Inject(AGE_BAND_WATCH) private readonly ageBands: AgeBandWatch,
  ) {}

  @Post()
  @HttpCode(204)
  @StaffEndpoint('determineAge')
  async determine(
    @IdParam('personId') personId: string,
    @Body() request: DetermineAgeRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<void> {
    const evidence: AgeEvidence = request.birthDate
      ? { birthDate: request.birthDate }
      : request.birthYear !== undefined
        ? { birthYear: request.birthYear }
        : request.age !== undefined
          ? { age: request.age, statedOn: request.determinedOn }
          : {};
    // The document asks for one of the three (anyOf); a body without any is a 422 naming the field.
    if (Object.keys(evidence).length === 0) {
      throw DomainError.ruleViolated('an age determination gives one of birthDate, birthYear or age', { field: 'birthDate' });
    }
    const now = new Date();
    // The person must be hers to see before anything is watched for her.
    await this.people.openFor(personId, context.actor, accessReason);
    await this.ageBands.follow(personId, evidence, now);
    await this.people.change(
      personId,
      { type: 'DetermineAge', data: { personId, method: request.method, determinedOn: request.determinedOn, ageBand: ageBandOf(ageOn(evidence, now)), now: now.toISOString() } },
      context,
      accessReason,
    );
  }
}
