import { Inject, Injectable } from '@nestjs/common';
import type { Actor, CommandContext } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { assertNeedToKnow, KnownPeople } from '@mukti/security';
import { PerpetratorStore, SOURCE } from '../perpetrator/perpetrator.store';
import { CaseCommand, caseDecider, CaseState, VictimOnRecord } from './domain/case.decider';

export const CASES = Symbol('CASES');

/** What a staff command gives the case's rules beyond the request: the time, and the people and perpetrators it names. */
export interface CaseLookups {
  now: string;
  /** Her record as the rules need it; need-to-know first (someone not on her case team gets the 404 of a stranger). */
  person(personId: string): Promise<VictimOnRecord>;
  /** Which of these ids are profiled perpetrators. */
  perpetrators(ids: (string | undefined)[]): Promise<Set<string>>;
}

/** Criminal cases, one aggregate each, from the FIR to the verdict: load, decide, store state and events in one write. */
@Injectable()
export class CaseStore {
  constructor(
    @Inject(CASES) readonly aggregates: AggregateStore<CaseState>,
    private readonly knownPeople: KnownPeople,
    private readonly perpetrators: PerpetratorStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A staff member's command: the command is built with what it names looked up, then decided. */
  async execute(caseId: string, context: CommandContext, accessReason: string | undefined, command: (lookups: CaseLookups) => Promise<CaseCommand> | CaseCommand) {
    const lookups: CaseLookups = {
      now: this.clock.now().toISOString(),
      person: (personId) => this.victimOnRecord(context.actor, personId, accessReason),
      perpetrators: (ids) => this.perpetrators.known(ids),
    };
    return this.decide(caseId, await command(lookups), context);
  }

  /** The service's own commands (reactions, deadlines): no staff member, so no need-to-know. */
  decide(caseId: string, command: CaseCommand, context: CommandContext) {
    return handleCommand({ store: this.aggregates, decider: caseDecider, aggregateId: caseId, command, context, source: SOURCE });
  }

  async find(caseId: string): Promise<CaseState | undefined> {
    return (await this.aggregates.load(caseId))?.state;
  }

  /**
   * An id no one registered is the rules' business (a 422 naming it); a person registered but
   * not on the caller's case team is a 404, as if she did not exist.
   */
  private async victimOnRecord(actor: Actor, personId: string, accessReason: string | undefined): Promise<VictimOnRecord> {
    const known = await this.knownPeople.find(personId);
    if (!known?.registeredAt) return { personId, registered: false, ageBand: 'unknown', consents: {} };
    assertNeedToKnow(actor, personId, known.caseTeam, accessReason);
    return { personId, registered: true, ageBand: known.ageBand, consents: known.consents };
  }
}
