import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, MinimumWage, SkillLevel } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { LivelihoodPlanCommand, livelihoodPlanDecider, LivelihoodPlanState } from '@mukti/livelihood-domain';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { KnownPeople, KnownPerson } from '@mukti/security';
import { MINIMUM_WAGES, MinimumWageTable } from '../minimum-wages/minimum-wage-table';

export const LIVELIHOOD_PLANS = Symbol('LIVELIHOOD_PLANS');
export const SOURCE = '/mukti/livelihood';

/** What a staff command about her livelihood is built with: the time, her record, and the minimum wage that applies. */
export interface LivelihoodLookups {
  now: string;
  person: KnownPerson;
  minimumWage(state: string, skillLevel: SkillLevel, on: string): MinimumWage | undefined;
  /** The minimum wage in force on that day for one of her placements (its state and skill level); undefined for a placement she does not have. */
  minimumWageOfPlacement(placementId: string, on: string): Promise<MinimumWage | undefined>;
}

/** Survivors' livelihood plans, one per person: need-to-know checked, then load, decide, and store state and events in one write. */
@Injectable()
export class LivelihoodPlanStore {
  constructor(
    @Inject(LIVELIHOOD_PLANS) readonly aggregates: AggregateStore<LivelihoodPlanState>,
    private readonly knownPeople: KnownPeople,
    @Inject(MINIMUM_WAGES) private readonly minimumWages: MinimumWageTable,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  /** A staff member's command about her: only her case team (or an admin with a reason) reaches her plan. */
  async execute(personId: string, context: CommandContext, accessReason: string | undefined, command: (lookups: LivelihoodLookups) => LivelihoodPlanCommand | Promise<LivelihoodPlanCommand>) {
    const person = await this.knownPeople.forActor(context.actor, personId, accessReason);
    const lookups: LivelihoodLookups = {
      now: this.now(),
      person,
      minimumWage: (state, skillLevel, on) => this.minimumWages.applicable(state, skillLevel, on),
      minimumWageOfPlacement: async (placementId, on) => {
        const state = (await this.aggregates.load(personId))?.state;
        const placement = state && 'placements' in state ? state.placements[placementId] : undefined;
        return placement ? this.minimumWages.applicable(placement.state, placement.skillLevel, on) : undefined;
      },
    };
    return this.decide(personId, await command(lookups), context);
  }

  /** The service's own commands (reactions): no staff member, so no need-to-know. */
  decide(personId: string, command: LivelihoodPlanCommand, context: CommandContext) {
    return handleCommand({ store: this.aggregates, decider: livelihoodPlanDecider, aggregateId: personId, command, context, source: SOURCE });
  }
}
