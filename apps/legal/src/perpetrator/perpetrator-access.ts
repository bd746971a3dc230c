import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Document } from 'mongodb';
import type { Actor } from '@mukti/contracts';
import { type CaseState, isErased, isProfiled, PerpetratorState } from '@mukti/legal-domain';
import type { AggregateStore } from '@mukti/persistence';
import { assertMayAccess, isOnTeam, Team } from '@mukti/security';
import { PERPETRATORS } from './perpetrator.store';

export const CASES_NAMING_PERPETRATORS = Symbol('CASES_NAMING_PERPETRATORS');
/** The cases' aggregate store, as the perpetrators' access reads it (the module provides it as the cases' own, CASES). */
export const CASE_RECORDS = Symbol('CASE_RECORDS');

/** The most cases one perpetrator's access looks through: a kingpin's network, not a scan. */
const MAX_CASES_NAMING_HIM = 500;

/**
 * Who may see a perpetrator (rule 7): the legal officer who profiled him, and the team of every
 * case that names him; an admin with a reason. Anyone else gets the 404 of one never profiled.
 * Which cases name him is kept from the service's own topic, one small document per perpetrator
 * and case (indexed by perpetrator), so two consumers never rewrite one list and lose an entry.
 */
@Injectable()
export class PerpetratorAccess {
  constructor(
    @Inject(PERPETRATORS) private readonly perpetrators: AggregateStore<PerpetratorState>,
    @Inject(CASE_RECORDS) private readonly cases: AggregateStore<CaseState>,
    @Inject(CASES_NAMING_PERPETRATORS) private readonly naming: Collection,
  ) {}

  static async indexed(naming: Collection): Promise<Collection> {
    await naming.createIndex({ perpetratorId: 1 }, { name: 'perpetrator' });
    return naming;
  }

  /** His team: who profiled him and every case team that names him; none if he was never profiled. */
  async teamOf(perpetratorId: string, actor?: Actor): Promise<Team | undefined> {
    const state = (await this.perpetrators.load(perpetratorId))?.state;
    if (!state || !isProfiled(state)) return undefined;
    const team: Record<string, unknown> = state.profiledBy ? { [state.profiledBy]: { profiled: true } } : {};
    // Her own membership is all most requests need: stop at the first case that has her.
    if (actor && isOnTeam(actor, team)) return team;
    const cases = await this.naming.find({ perpetratorId } as Document).limit(MAX_CASES_NAMING_HIM).toArray();
    for (const { caseId } of cases as unknown as { caseId: string }[]) {
      const found = (await this.cases.load(caseId))?.state;
      if (found && found.status !== 'none') Object.assign(team, found.team);
      if (actor && isOnTeam(actor, team)) return team;
    }
    return team;
  }

  /** For his team (an admin with a reason); otherwise the 404 of one never profiled. */
  async assertMayOpen(perpetratorId: string, actor: Actor, accessReason: string | undefined): Promise<void> {
    assertMayAccess(actor, { kind: 'perpetrator', id: perpetratorId, team: await this.teamOf(perpetratorId, actor) }, accessReason);
  }

  /**
   * His erasure: as opening him; once erased, only an admin with a reason (the one role that
   * erases) gets the repeated answer, anyone else the 404 of one never profiled.
   */
  async assertMayErase(perpetratorId: string, actor: Actor, accessReason: string | undefined): Promise<void> {
    const state = (await this.perpetrators.load(perpetratorId))?.state;
    if (state && isErased(state)) {
      assertMayAccess(actor, { kind: 'perpetrator', id: perpetratorId, team: {} }, accessReason);
      return;
    }
    await this.assertMayOpen(perpetratorId, actor, accessReason);
  }

  /**
   * Of these ids, the perpetrators she may name (in an FIR, as accused, in a link): profiled and
   * hers to see (an admin: every one profiled). One she may not see is the same as one never
   * profiled, so naming him is no way to learn he exists, nor to be let in to him.
   */
  async visibleTo(actor: Actor, ids: (string | undefined)[]): Promise<Set<string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== undefined))];
    const visible = await Promise.all(
      wanted.map(async (id) => {
        const team = await this.teamOf(id, actor);
        return team !== undefined && (actor.role === 'admin' || isOnTeam(actor, team)) ? id : undefined;
      }),
    );
    return new Set(visible.filter((id): id is string => id !== undefined));
  }

  /** A case names him (kept by PerpetratorsNamedInCases, from the service's own topic). */
  async note(perpetratorId: string, caseId: string): Promise<void> {
    await this.naming.updateOne({ _id: `${perpetratorId}|${caseId}` } as Document, { $setOnInsert: { perpetratorId, caseId } }, { upsert: true });
  }
}
