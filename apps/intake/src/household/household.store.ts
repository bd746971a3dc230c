import { Inject, Injectable } from '@nestjs/common';
import type { Actor, CommandContext } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import {
  AddHouseholdMember,
  AssessHousehold,
  householdDecider,
  HouseholdCommand,
  HouseholdMember,
  HouseholdState,
  RegisterHousehold,
} from '@mukti/intake-domain';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { assertMayAccess, PersonalDataVault } from '@mukti/security';
import { PersonStore, SOURCE } from '../person/person.store';

export const HOUSEHOLDS = Symbol('HOUSEHOLDS');

/**
 * The household aggregate: load, decide, and store state and events in one write (its events
 * go on the intake topic, keyed by the household's id). Need-to-know is a person's, checked on
 * every member: the caller must be on each one's case team, or be an admin who states a reason.
 */
@Injectable()
export class HouseholdStore {
  constructor(
    @Inject(HOUSEHOLDS) readonly aggregates: AggregateStore<HouseholdState>,
    private readonly people: PersonStore,
    private readonly vault: PersonalDataVault,
  ) {}

  /** Registers it. Each member named must be registered and on the caller's case team (the same 404 otherwise). */
  async register(data: Omit<RegisterHousehold['data'], 'members'> & { memberIds: string[] }, context: CommandContext, accessReason?: string) {
    const { memberIds, ...registration } = data;
    const members: HouseholdMember[] = [];
    for (const personId of memberIds) members.push(await this.member(personId, context.actor, accessReason));
    return this.decide(data.householdId, { type: 'RegisterHousehold', data: { ...registration, members } }, context);
  }

  /** Adds someone: the caller must be on the case team of its members and of the person added. */
  async addMember(data: Omit<AddHouseholdMember['data'], 'member'> & { personId: string }, context: CommandContext, accessReason?: string) {
    const { personId, ...addition } = data;
    const cleared = await this.openMembers(data.householdId, context.actor, accessReason);
    const member = await this.member(personId, context.actor, accessReason);
    return this.decide(data.householdId, { type: 'AddHouseholdMember', data: { ...addition, member } }, context, cleared);
  }

  /** Assesses it: the caller must be on the case team of every member. */
  async assess(data: AssessHousehold['data'], context: CommandContext, accessReason?: string) {
    const cleared = await this.openMembers(data.householdId, context.actor, accessReason);
    return this.decide(data.householdId, { type: 'AssessHousehold', data }, context, cleared);
  }

  /**
   * The households whose last member still on record she was (she has just been erased): their
   * village or ward now leads to no one who may be named, so the household's data key is
   * destroyed and every sealed copy of it (in this store, on the topic) becomes unreadable. Read
   * by her id over the households' commits, at erasure only. A member is on record while her own
   * key exists: each erasure destroys its key before it looks at the others', so of two members
   * erased at the same moment the later to look sees the other gone (her erasure mark comes last,
   * and both would have seen the other still unmarked).
   */
  async householdsLeftWithNoOneAfter(personId: string): Promise<string[]> {
    const householdIds: string[] = await this.aggregates.collection.distinct('aggregateId', { 'state.memberIds': personId });
    const emptied: string[] = [];
    for (const householdId of householdIds) {
      const state = (await this.aggregates.load(householdId))?.state;
      if (state?.status !== 'registered' || !state.memberIds.includes(personId)) continue;
      const others = state.memberIds.filter((memberId) => memberId !== personId);
      const stillOnRecord = await Promise.all(
        others.map(async (memberId) => {
          const member = (await this.people.aggregates.load(memberId))?.state;
          return member?.status === 'registered' && !member.erasedAt && (await this.vault.hasKey(memberId));
        }),
      );
      if (!stillOnRecord.includes(true)) emptied.push(householdId);
    }
    return emptied;
  }

  /**
   * @param cleared the members the caller was found allowed to see; a member added by someone
   *   else since then was not checked, so the command is refused and can be sent again.
   */
  private decide(householdId: string, command: HouseholdCommand, context: CommandContext, cleared?: ReadonlySet<string>) {
    return handleCommand({
      store: this.aggregates,
      decider: householdDecider,
      aggregateId: householdId,
      command,
      context,
      source: SOURCE,
      authorize: (state) => {
        if (cleared && state.status === 'registered' && state.memberIds.some((personId) => !cleared.has(personId))) {
          throw DomainError.conflict('someone else changed this household at the same moment; try again', { householdId });
        }
      },
    });
  }

  /**
   * A person named as a member, need-to-know first: someone never registered and someone on
   * others' case teams only get the same 404, so a household is no way to learn who exists.
   * Nothing more is recorded about someone erased.
   */
  private async member(personId: string, actor: Actor, accessReason?: string): Promise<HouseholdMember> {
    const person = await this.people.openFor(personId, actor, accessReason);
    if (person.erasedAt) {
      throw DomainError.conflict(`person ${personId} was erased: nothing more is recorded about her`, { personId });
    }
    return { personId, registered: true };
  }

  /**
   * Need-to-know on the household, before anything the command names is looked up: its team is
   * the staff on every member's case team, so a household with a member she may not see and one
   * never registered get the same 404 (its members are not named to her), and an admin states
   * her reason for either. Returns its members.
   */
  private async openMembers(householdId: string, actor: Actor, accessReason?: string): Promise<ReadonlySet<string>> {
    const state = (await this.aggregates.load(householdId))?.state;
    const memberIds = state?.status === 'registered' ? state.memberIds : undefined;
    let onEveryCaseTeam = memberIds !== undefined;
    for (const personId of memberIds ?? []) {
      if (!onEveryCaseTeam) break;
      onEveryCaseTeam = await this.people.mayOpen(personId, actor, accessReason);
    }
    assertMayAccess(actor, { kind: 'household', id: householdId, team: memberIds && (onEveryCaseTeam ? { [actor.id]: 'member-case-teams' } : {}) }, accessReason);
    return new Set(memberIds);
  }
}
