import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import type { Actor } from '@mukti/contracts';
import { AccessReason, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { PreventionPlanStore } from '../../prevention-plan.store';

/** A prevention plan as its staff follow it: who it covers, the support given, each person's follow-up and outcome. */
@Controller('prevention-plans/:preventionPlanId')
export class ReadPreventionPlanController {
  constructor(
    private readonly plans: PreventionPlanStore,
    private readonly knownPeople: KnownPeople,
  ) {}

  @Get()
  @StaffEndpoint('readPreventionPlan')
  async read(
    @Param('preventionPlanId', new ParseUUIDPipe()) preventionPlanId: string,
    @CurrentActor() actor: Actor,
    @AccessReason() accessReason?: string,
  ): Promise<Record<string, unknown>> {
    const plan = await this.plans.find(preventionPlanId);
    if (!plan) throw new NotFoundException(`prevention plan ${preventionPlanId} is not open`);
    for (const personId of plan.personIds) await this.knownPeople.forActor(actor, personId, accessReason);
    return { preventionPlanId, ...plan };
  }
}
