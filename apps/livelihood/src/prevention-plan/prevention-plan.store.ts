import { Inject, Injectable } from '@nestjs/common';
import type { Actor, CommandContext } from '@mukti/contracts';
import { Clock, CLOCK, DomainError } from '@mukti/decider';
import { PreventionPlanCommand, preventionPlanDecider, PreventionPlanState } from '@mukti/livelihood-domain';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { assertMayAccess, KnownPeople, Team } from '@mukti/security';
import { SOURCE } from '../livelihood-plan/livelihood-plan.store';
import { KnownHouseholds } from './known-households';

export const PREVENTION_PLANS = Symbol('PREVENTION_PLANS');

/**
 * Prevention plans, one per household at risk or person at risk (the plan's id is theirs). Staff
 * reach a plan only while they are on the case team of everyone it covers (an admin with a reason).
 */
@Injectable()
export class PreventionPlanStore {
  constructor(
    @Inject(PREVENTION_PLANS) readonly aggregates: AggregateStore<PreventionPlanState>,
    private readonly knownPeople: KnownPeople,
    private readonly households: KnownHouseholds,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  /**
   * Who a new plan covers: the people at risk in the household, or the person at risk. An id
   * intake never registered is a 404; a survivor is served by a livelihood plan, not a prevention plan (422).
   */
  async coveredBy(context: CommandContext, accessReason: string | undefined, target: { householdId?: string; personId?: string }): Promise<string[]> {
    const candidates = target.householdId ? await this.households.members(target.householdId) : [target.personId!];
    // A household with a member she may not see is as unknown to her as one never registered: its members are not named to her.
    if (target.householdId) assertMayAccess(context.actor, { kind: 'household', id: target.householdId, team: await this.teamOf(context.actor, candidates) }, accessReason);
    const people = await Promise.all(candidates!.map((personId) => this.knownPeople.forActor(context.actor, personId, accessReason)));
    const atRisk = people.filter((person) => person.role === 'at-risk').map((person) => person._id);
    if (atRisk.length === 0) {
      const field = target.householdId ? 'householdId' : 'personId';
      throw DomainError.ruleViolated('no one at risk to follow: a survivor has a livelihood plan instead', { field });
    }
    return atRisk;
  }

  /** The plan, for a staff member on the case team of everyone it covers (an admin with a reason); otherwise the 404 of a plan never opened. */
  async openFor(preventionPlanId: string, actor: Actor, accessReason: string | undefined) {
    const plan = await this.find(preventionPlanId);
    assertMayAccess(actor, { kind: 'prevention-plan', id: preventionPlanId, team: await this.teamOf(actor, plan?.personIds) }, accessReason);
    return plan!;
  }

  /**
   * The team of a household or plan as need-to-know sees it: whoever is on the case team of every
   * person in it (her alone is asked); none when there is no such household or plan. An admin's
   * reason is assertMayAccess's to ask, before anything else, so it says nothing of who exists.
   */
  private async teamOf(actor: Actor, personIds: readonly string[] | undefined): Promise<Team | undefined> {
    if (!personIds) return undefined;
    if (actor.role === 'admin') return {};
    const visible = await this.knownPeople.visibleTo(actor, personIds);
    return personIds.every((personId) => visible.has(personId)) ? { [actor.id]: 'on the case team of everyone in it' } : {};
  }

  /** A staff member's command on a plan: she must be on the case team of everyone it covers. */
  async execute(preventionPlanId: string, context: CommandContext, accessReason: string | undefined, command: (now: string) => PreventionPlanCommand) {
    await this.openFor(preventionPlanId, context.actor, accessReason);
    return this.decide(preventionPlanId, command(this.now()), context);
  }

  /** Opening, and the service's own commands (reactions, deadlines). */
  decide(preventionPlanId: string, command: PreventionPlanCommand, context: CommandContext) {
    return handleCommand({ store: this.aggregates, decider: preventionPlanDecider, aggregateId: preventionPlanId, command, context, source: SOURCE });
  }

  async find(preventionPlanId: string): Promise<Extract<PreventionPlanState, { personIds: string[] }> | undefined> {
    const state = (await this.aggregates.load(preventionPlanId))?.state;
    return state && 'personIds' in state ? state : undefined;
  }
}
