import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { CarePlanCommand, carePlanDecider, CarePlanState } from '@mukti/rehabilitation-domain';
import { KnownPeople, KnownPerson } from '@mukti/security';

export const CARE_PLANS = Symbol('CARE_PLANS');
export const SOURCE = '/mukti/rehabilitation';

/** Care plans, one per person: need-to-know checked, then load, decide, and store state and events in one write. */
@Injectable()
export class CarePlanStore {
  constructor(
    @Inject(CARE_PLANS) readonly aggregates: AggregateStore<CarePlanState>,
    private readonly knownPeople: KnownPeople,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A staff member's command about her: only her case team (or an admin with a stated reason)
   * reaches her plan; anyone else gets the 404 of a person who does not exist.
   */
  async execute(
    personId: string,
    context: CommandContext,
    accessReason: string | undefined,
    command: (now: string, person: KnownPerson) => CarePlanCommand,
  ) {
    const person = await this.knownPeople.forActor(context.actor, personId, accessReason);
    return this.decide(personId, command(this.clock.now().toISOString(), person), context);
  }

  /** The service's own commands (reactions, deadlines): no staff member, so no need-to-know. */
  decide(personId: string, command: CarePlanCommand, context: CommandContext) {
    return handleCommand({ store: this.aggregates, decider: carePlanDecider, aggregateId: personId, command, context, source: SOURCE });
  }
}
