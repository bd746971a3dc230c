import type { Collection, Document } from 'mongodb';
import { changeFenced, Fenced, FencedCollection } from '@mukti/persistence';
import type { Actor, AgeBand, CaseRole, ConsentDecision, ConsentScope, PersonRole } from '@mukti/contracts';
import { assertNeedToKnow, CaseTeam, peopleVisibleTo, recordNotFound } from './access-policy';

/** What a service other than intake knows of a person: never her personal data, only what its rules need. */
export interface KnownPerson extends Fenced {
  _id: string;
  registeredAt: string;
  ageBand: AgeBand;
  /** Survivor or at risk (kept since the prevention pillar; absent for people first seen before). */
  role?: PersonRole;
  caseTeam: Record<string, { role: CaseRole }>;
  consents: Partial<Record<ConsentScope, ConsentDecision>>;
  /** When each consent decision was made (kept since reactions needed it; absent before). */
  consentsDecidedAt?: Partial<Record<ConsentScope, string>>;
  erasedAt?: string;
  /** Where on intake's topic her last event applied here was read: none older is applied over it. */
  appliedAt?: IntakePosition;
}

/** Where an event of hers was read on intake's topic (her id is the key, so all of hers are on one partition). */
export interface IntakePosition {
  partition: number;
  offset: string;
}

/** Already applied: an event at or before the last one applied to her, on the same partition. */
const appliedAlready = (person: KnownPerson | null, at: IntakePosition | undefined) =>
  !!at && !!person?.appliedAt && person.appliedAt.partition === at.partition && BigInt(person.appliedAt.offset) >= BigInt(at.offset);

/**
 * A service's own copy of who is registered in intake, with her age band, case team and
 * consents, kept from intake's events: services never read intake's database (rule 1), yet each
 * checks need-to-know and its rules itself. Events of one person arrive in order (her id is the
 * Kafka key), but for a moment after a rebalance two members of a group may both be applying them
 * (one finishing its batch, one starting from the last commit): every change is therefore made on
 * the revision read (changeFenced) and fenced by where its event was read, so an older event is
 * never applied over a newer one.
 */
export class KnownPeople {
  constructor(private readonly people: FencedCollection) {}

  async find(personId: string): Promise<KnownPerson | null> {
    return (await this.people.documents.findOne({ _id: personId } as Document)) as KnownPerson | null;
  }

  /** Which of these ids are registered (one lookup by id each: fast on every store). */
  async registered(personIds: string[]): Promise<Set<string>> {
    const found = await Promise.all(personIds.map(async (id) => ((await this.find(id))?.registeredAt ? id : undefined)));
    return new Set(found.filter((id): id is string => id !== undefined));
  }

  /**
   * Need-to-know (see assertNeedToKnow): the person, for whoever may act on her record; otherwise
   * 404 or 403. Someone only heard of through staff events, not yet registered, is not there.
   */
  async forActor(actor: Actor, personId: string, accessReason?: string): Promise<KnownPerson> {
    const person = await this.find(personId);
    const registered = person?.registeredAt ? person : undefined;
    assertNeedToKnow(actor, personId, registered?.caseTeam as CaseTeam | undefined, accessReason);
    if (!registered) throw recordNotFound('person', personId);
    return registered;
  }

  /**
   * Everyone a command names (the persons rescued in a raid, the victims of an FIR): each must be
   * hers to see. The first who is not gets the 404 of someone never registered, whether she was
   * never registered or is on others' case teams only, so a body is no oracle either.
   */
  async allForActor(actor: Actor, personIds: readonly string[], accessReason?: string): Promise<KnownPerson[]> {
    const people: KnownPerson[] = [];
    for (const personId of new Set(personIds)) people.push(await this.forActor(actor, personId, accessReason));
    return people;
  }

  /** Of these people, those she may see inside a record she opened (see peopleVisibleTo); unknown ids are left out. */
  async visibleTo(actor: Actor, personIds: readonly string[]): Promise<Set<string>> {
    const known = await Promise.all([...new Set(personIds)].map((personId) => this.find(personId)));
    const registered = known.filter((person): person is KnownPerson => !!person?.registeredAt);
    return new Set(peopleVisibleTo(actor, registered as (KnownPerson & { caseTeam: CaseTeam })[]).map((person) => person._id));
  }

  /**
   * Applies her event read at `at` on intake's topic, once and in order. Staff events can only
   * follow her registration on her partition; an unknown person is kept anyway (registration
   * first seen later fills in the rest) so nothing is lost.
   */
  async change(personId: string, at: IntakePosition | undefined, apply: (person: KnownPerson) => KnownPerson): Promise<void> {
    await changeFenced<KnownPerson>(this.people, personId, (current) => {
      if (appliedAlready(current, at)) return undefined;
      const { revision: _revision, ...person } = current ?? { _id: personId, registeredAt: '', ageBand: 'unknown', caseTeam: {}, consents: {} };
      return { ...apply(person), ...(at ? { appliedAt: { partition: at.partition, offset: at.offset } } : {}) };
    });
  }
}
