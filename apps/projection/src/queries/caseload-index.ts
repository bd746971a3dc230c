import { type Collection, MongoBulkWriteError } from 'mongodb';
import type { Actor } from '@mukti/contracts';
import { isDuplicateKeyError } from '@mukti/persistence';
import type { PersonSummary } from '../timeline/person-summary';
import type { TimelineStore } from '../timeline/timeline.store';

/** Her summary as one member of her case team lists it. */
interface CaseloadEntry {
  _id: string;
  member: string;
  personId: string;
  version: number;
  /** Absent once the member left her case team: the entry stays, with the version that took her off, so an older version written late cannot put her back. */
  summary?: PersonSummary;
  left?: boolean;
}

const entryId = (member: string, personId: string) => `${member}|${personId}`;
const BUILT = 'caseloads-built';

/**
 * Each staff member's caseload, kept from the summaries written: one small document per member of
 * her case team and person, holding the summary her listings show. A caseworker's listing of
 * people or alerts is then one indexed equality (`member`), its cost bounded by her caseload,
 * not by everyone registered. An admin's listing, of everyone, still reads every summary.
 *
 * Told of every summary written with its version: an entry takes a version only if newer than
 * the one it has (a replay or a late write never brings an old one back), and a member who left
 * her case team keeps only a marker of the version that took her off.
 */
export class CaseloadIndex {
  private readonly entries: Collection<CaseloadEntry>;
  private readonly meta: Collection<{ _id: string; at: Date }>;

  constructor(entries: Collection, meta: Collection) {
    this.entries = entries as unknown as Collection<CaseloadEntry>;
    this.meta = meta as unknown as Collection<{ _id: string; at: Date }>;
  }

  async createIndexes(): Promise<void> {
    await this.entries.createIndex({ member: 1 }, { name: 'member' });
    await this.entries.createIndex({ personId: 1 }, { name: 'person' });
  }

  /**
   * Fills the index from every summary once, for a database whose summaries were written before
   * it existed (a scan at start-up, once; the summaries written meanwhile are followed as usual).
   */
  async buildOnce(timeline: TimelineStore): Promise<void> {
    if (await this.meta.findOne({ _id: BUILT })) return;
    for await (const { summary, version } of timeline.everySummaryWithVersion()) await this.follow(summary, version);
    await this.meta.updateOne({ _id: BUILT }, { $set: { at: new Date() } }, { upsert: true });
  }

  /**
   * The summary at this version, for each member of her case team, in one write; taken from
   * whoever left it, looked for only when her case team may have changed (`teamChanged`).
   */
  async follow(summary: PersonSummary, version: number, teamChanged = true): Promise<void> {
    const { personId } = summary;
    const members = Object.keys(summary.caseTeam ?? {});
    if (members.length > 0) {
      try {
        await this.entries.bulkWrite(
          members.map((member) => ({
            updateOne: { filter: { _id: entryId(member, personId), version: { $lt: version } }, update: { $set: { member, personId, version, summary, left: false } }, upsert: true },
          })),
          { ordered: false },
        );
      } catch (error) {
        // An entry holding this version or a newer one already: the upsert's insert found it. The others went in.
        const refused = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [error];
        if (refused.some((write) => !isDuplicateKeyError(write))) throw error;
      }
    }
    if (!teamChanged) return;
    const listed = await this.entries.find({ personId }).project<{ _id: string; member: string; left?: boolean }>({ _id: 1, member: 1, left: 1 }).toArray();
    for (const entry of listed) {
      if (members.includes(entry.member) || entry.left) continue;
      await this.entries.updateOne({ _id: entry._id, version: { $lt: version } }, { $set: { version, left: true }, $unset: { summary: '' } });
    }
  }

  /** The summaries of the people on whose case team she is: her caseload, and nothing more is read. */
  async caseloadOf(actor: Actor): Promise<PersonSummary[]> {
    const entries = await this.entries.find({ member: actor.id }).toArray();
    return entries.flatMap((entry) => (entry.left || !entry.summary ? [] : [entry.summary]));
  }

  /**
   * What a listing starts from, a chunk at a time: everyone's summaries for an admin, read as a
   * stream (never all held at once), her caseload's for anyone else (caseloadOf in caseload.ts
   * still decides).
   */
  async *summariesListedFor(actor: Actor, timeline: TimelineStore): AsyncGenerator<PersonSummary[]> {
    if (actor.role === 'admin') yield* timeline.summariesInChunks();
    else yield await this.caseloadOf(actor);
  }
}
