import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor, SealedPersonalData } from '@mukti/contracts';
import { IdParam, AccessReason, openedByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
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
    const sealed = trainings.flatMap(({ training }) => ('keyId' in training ? [training as SealedPersonalData] : []));
    const opened = person.erasedAt ? [] : await openedByIntake(this.intake, caller, personId, 'skill-training', sealed);
    return {
      trainings: trainings.map(({ training, ...rest }) => {
        const shown = person.erasedAt ? undefined : 'keyId' in training ? parsed(opened.shift()) : training;
        return { ...rest, ...(shown ? { trade: shown.trade, provider: shown.provider } : {}) };
      }),
    };
  }
}

/** Its trade and provider as sealed (the JSON `{ trade, provider }`); none once her key is gone. */
function parsed(text: string | null | undefined): { trade: string; provider: string } | undefined {
  return text ? (JSON.parse(text) as { trade: string; provider: string }) : undefined;
}
