import { Inject, Injectable } from '@nestjs/common';
import type { Actor, AgeBand, CommandContext } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { personDecider, PersonCommand, PersonState, RegisterPerson } from '@mukti/intake-domain';
import { assertNeedToKnow } from '@mukti/security';
import { AggregateStore, handleCommand } from '@mukti/persistence';

function assertMayOpen(state: PersonState, personId: string, actor: Actor, accessReason?: string) {
  assertNeedToKnow(actor, personId, state.status === 'registered' ? state.caseTeam : undefined, accessReason);
  if (state.status !== 'registered') throw DomainError.notFound(`person ${personId} is not registered`);
  return state;
}

export const PEOPLE = Symbol('PEOPLE');
export const SOURCE = '/mukti/intake';

/** Keyed hashes of name+phone and name+birth date, kept on her registration under unique indexes. */
export interface PersonFingerprints {
  nameAndPhoneFingerprint?: string;
  nameAndBirthDateFingerprint?: string;
}

export const uniquePersonFields: (keyof PersonFingerprints)[] = ['nameAndPhoneFingerprint', 'nameAndBirthDateFingerprint'];

/** The person aggregate: load, decide, and store state and events in one write. */
@Injectable()
export class PersonStore {
  constructor(@Inject(PEOPLE) readonly aggregates: AggregateStore<PersonState>) {}

  /** Registers her: no one can be on the case team of a person not registered yet. */
  register(personId: string, command: RegisterPerson, context: CommandContext, fingerprints: PersonFingerprints) {
    return handleCommand({
      store: this.aggregates,
      decider: personDecider,
      aggregateId: personId,
      command,
      context,
      source: SOURCE,
      fields: () => ({ ...fingerprints }) as Record<string, string>,
    });
  }

  /** Changes her record, if the actor may (need-to-know, checked on the state the command is decided on). */
  change(personId: string, command: Exclude<PersonCommand, RegisterPerson>, context: CommandContext, accessReason?: string) {
    return handleCommand({
      store: this.aggregates,
      decider: personDecider,
      aggregateId: personId,
      command,
      context,
      source: SOURCE,
      authorize: (state) => assertMayOpen(state, personId, context.actor, accessReason),
    });
  }

  /**
   * A possible duplicate, reported on her record for her case team by the service itself: the
   * one who tried may not see her. Not under the caller's Idempotency-Key, which belongs to her
   * registration attempt: a retry must not be answered with this record's id.
   */
  reportPossibleDuplicate(personId: string, reportedBy: Actor, context: CommandContext) {
    const { requestKey: _attempt, ...withoutKey } = context;
    return handleCommand({
      store: this.aggregates,
      decider: personDecider,
      aggregateId: personId,
      command: { type: 'ReportPossibleDuplicate', data: { personId, reportedBy, now: new Date().toISOString() } },
      context: withoutKey,
      source: SOURCE,
    });
  }

  /** A birthday's move of her age band, by the service itself (nothing happens if she was never registered, is erased, or stays in her band). */
  moveAgeBand(personId: string, ageBand: AgeBand, now: Date, context: CommandContext) {
    return handleCommand({
      store: this.aggregates,
      decider: personDecider,
      aggregateId: personId,
      command: { type: 'MoveAgeBand', data: { personId, ageBand, now: now.toISOString() } },
      context,
      source: SOURCE,
    });
  }

  /** Whether the actor may see her: on her case team, or an admin with a reason. */
  async mayOpen(personId: string, actor: Actor, accessReason?: string): Promise<boolean> {
    try {
      await this.openFor(personId, actor, accessReason);
      return true;
    } catch {
      return false;
    }
  }

  /** Her state, if the actor may see her (on her case team, or an admin with a reason); 404/403 otherwise. */
  async openFor(personId: string, actor: Actor, accessReason?: string) {
    const state = (await this.aggregates.load(personId))?.state ?? personDecider.initialState();
    return assertMayOpen(state, personId, actor, accessReason);
  }

  /** The registered person who has one of these fingerprints, if any. */
  async registeredWith(fingerprints: PersonFingerprints): Promise<string | undefined> {
    for (const field of uniquePersonFields) {
      const value = fingerprints[field];
      const commit = value ? await this.aggregates.findByUniqueField(field, value) : undefined;
      if (commit) return commit.aggregateId;
    }
    return undefined;
  }
}
