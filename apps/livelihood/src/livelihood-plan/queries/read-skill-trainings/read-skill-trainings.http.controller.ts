import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@mukti/contracts';
import { IdParam, AccessReason, readBackByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { SkillTrainingsView } from '@mukti/staff-api';
import { INTAKE } from '../../intake-client';
import { LivelihoodPlanStore } from '../../livelihood-plan.store';
import { skillTrainingsOf } from './skill-trainings';

/**
 * Her skill trainings, with each one's trade and provider opened by intake with her key: for her
 * case team (and an admin with a reason). Once she is erased they are gone, those recorded before
 * they were sealed too.
 */
@Controller('people/:personId/skill-trainings')
export class ReadSkillTrainingsController {
  constructor(
    private readonly plans: LivelihoodPlanStore,
    private readonly knownPeople: KnownPeople,
    @Inject(INTAKE) private readonly intake: ServiceClient,
  ) {}

  @Get()
  @StaffEndpoint('readSkillTrainings')
  async read(
    @IdParam('personId') personId: string,
    @CurrentActor() actor: Actor,
    @Req() caller: Request,
    @AccessReason() accessReason?: string,
  ): Promise<SkillTrainingsView> {
    const person = await this.knownPeople.forActor(actor, personId, accessReason);
    const trainings = skillTrainingsOf((await this.plans.aggregates.load(personId))?.state);
    // Sealed, the text is the JSON { trade, provider }; recorded in clear, it is the same once written so.
    const texts = await readBackByIntake(
      this.intake,
      caller,
      personId,
      'skill-training',
      trainings.map(({ training }) => ('keyId' in training ? training : JSON.stringify(training))),
      person.erasedAt !== undefined,
    );
    return {
      trainings: trainings.map(({ training: _recorded, ...rest }, index) => {
        const shown = texts[index] ? (JSON.parse(texts[index]) as { trade: string; provider: string }) : undefined;
        return { ...rest, ...(shown ? { trade: shown.trade, provider: shown.provider } : {}) };
      }),
    };
  }
}
