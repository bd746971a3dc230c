import { Inject, Injectable } from '@nestjs/common';
import type { Actor, CommandContext, Fir, SealedFir } from '@mukti/contracts';
import { Clock, CLOCK } from '@mukti/decider';
import { CaseCommand, caseDecider, CaseState, RegisteredCaseState, VictimOnRecord } from '@mukti/legal-domain';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { assertMayAccess, KnownPeople, PersonalDataVault } from '@mukti/security';
import { PerpetratorAccess } from '../perpetrator/perpetrator-access';
import { PERPETRATOR_VAULT, SOURCE } from '../perpetrator/perpetrator.store';

export const CASES = Symbol('CASES');

/** What a staff command gives the case's rules beyond the request: the time, and the people and perpetrators it names. */
export interface CaseLookups {
  now: string;
  /** Her record as the rules need it; need-to-know first (someone not on her case team gets the 404 of someone never registered). */
  person(personId: string): Promise<VictimOnRecord>;
  /** Which of these ids are profiled perpetrators the caller may name (one she may not see is as one never profiled). */
  perpetrators(ids: (string | undefined)[]): Promise<Set<string>>;
}

/**
 * Criminal cases, one aggregate each, from the FIR to the verdict: load, decide, store state and
 * events in one write. A case is a door of its own (rule 7): its team (the legal officer who
 * registered the FIR and those who joined) reads it and acts on it; anyone else gets the 404 of a
 * case never registered.
 */
@Injectable()
export class CaseStore {
  constructor(
    @Inject(CASES) readonly aggregates: AggregateStore<CaseState>,
    private readonly knownPeople: KnownPeople,
    private readonly perpetrators: PerpetratorAccess,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PERPETRATOR_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  /**
   * An FIR's number and police station lead to the police record that names her: sealed with the
   * case's own data key (this service's vault, as a perpetrator's identity is), for the store and
   * the topic alike. A retry of the same registration has the same case id, and the same key.
   */
  async sealFirDetails(caseId: string, details: { number: string; policeStation: string }): Promise<SealedFir['numberAndStation']> {
    await this.vault.ensureKey(caseId);
    return this.vault.seal(caseId, { number: details.number, policeStation: details.policeStation }, 'fir-details');
  }

  /** The FIR as its team reads it: opened (a case from before sealing has it in clear); without number and station once its key is destroyed. */
  async firAsRead(fir: SealedFir | Fir): Promise<Omit<Fir, 'number' | 'policeStation'> & Partial<Pick<Fir, 'number' | 'policeStation'>>> {
    if (!('numberAndStation' in fir)) return fir;
    const { numberAndStation, ...coded } = fir;
    const opened = await this.vault.open<{ number: string; policeStation: string }>(numberAndStation, 'fir-details');
    return opened ? { ...coded, number: opened.number, policeStation: opened.policeStation } : coded;
  }

  /** Destroys the case's data key: its FIR's number and police station can be opened nowhere any more. */
  forgetFirDetails(caseId: string): Promise<void> {
    return this.vault.destroyKey(caseId);
  }

  /**
   * A staff member's command on a case: its team only, checked before anything the command names
   * is looked up (a case never registered is the same 404 as one not hers, so neither the people
   * it names nor the shape of the answer tell them apart), and again on the state the command is
   * decided on; the command is built with what it names looked up, then decided.
   */
  execute(caseId: string, context: CommandContext, accessReason: string | undefined, command: (lookups: CaseLookups) => Promise<CaseCommand> | CaseCommand) {
    return this.run(caseId, context, accessReason, command, (state) =>
      assertMayAccess(context.actor, { kind: 'case', id: caseId, team: state.status === 'none' ? undefined : (state.team ?? {}) }, accessReason),
    );
  }

  /** Registering an FIR makes a new case: no team to be on yet (the same request sent again meets its own case, and its team). */
  register(caseId: string, context: CommandContext, accessReason: string | undefined, command: (lookups: CaseLookups) => Promise<CaseCommand> | CaseCommand) {
    return this.run(caseId, context, accessReason, command, (state) => {
      if (state.status !== 'none') assertMayAccess(context.actor, { kind: 'case', id: caseId, team: state.team ?? {} }, accessReason);
    });
  }

  private async run(
    caseId: string,
    context: CommandContext,
    accessReason: string | undefined,
    command: (lookups: CaseLookups) => Promise<CaseCommand> | CaseCommand,
    authorize: (state: CaseState) => void,
  ) {
    authorize((await this.aggregates.load(caseId))?.state ?? { status: 'none' });
    const lookups: CaseLookups = {
      now: this.clock.now().toISOString(),
      person: (personId) => this.victimOnRecord(context.actor, personId, accessReason),
      perpetrators: (ids) => this.perpetrators.visibleTo(context.actor, ids),
    };
    const decided = await command(lookups);
    return handleCommand({ store: this.aggregates, decider: caseDecider, aggregateId: caseId, command: decided, context, source: SOURCE, authorize });
  }

  /** The service's own commands (reactions, deadlines): no staff member, so no need-to-know. */
  decide(caseId: string, command: CaseCommand, context: CommandContext) {
    return handleCommand({ store: this.aggregates, decider: caseDecider, aggregateId: caseId, command, context, source: SOURCE });
  }

  async find(caseId: string): Promise<CaseState | undefined> {
    return (await this.aggregates.load(caseId))?.state;
  }

  /** The case, for its team (an admin with a reason); otherwise the 404 of a case never registered. */
  async openFor(caseId: string, actor: Actor, accessReason: string | undefined): Promise<RegisteredCaseState> {
    const state = await this.find(caseId);
    const registered = state && state.status !== 'none' ? state : undefined;
    assertMayAccess(actor, { kind: 'case', id: caseId, team: registered ? (registered.team ?? {}) : undefined }, accessReason);
    return registered!;
  }

  /** Someone the command names: registered and on the caller's case team, or the same 404 whichever she is not. */
  private async victimOnRecord(actor: Actor, personId: string, accessReason: string | undefined): Promise<VictimOnRecord> {
    const known = await this.knownPeople.forActor(actor, personId, accessReason);
    return { personId, registered: true, ageBand: known.ageBand, consents: known.consents };
  }
}
