import { Schema, Model, Connection } from 'mongoose';
import { AnyBulkWriteOperation, MongoBulkWriteError, type Collection } from 'mongodb';
import { AnyPillarEventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { changeFenced, Fenced, FencedCollection, fencedModel, isDuplicateKeyError, writeClaimedVersion } from '@mukti/persistence';
import { describeEvent, TimelineFacts } from './describe-event';
import { HOUSEHOLD, HOUSEHOLDS_SUPPORTED, cellChanges, cellsAddUp, indicatorCellsOf } from '../indicators/indicator-cells';
import { evolvePerson, initialPersonView, PersonSummary, PersonView, SummarisedEntry, summaryOf } from './person-summary';
import { entryIdOf } from './whose-timeline';

/** How many times the indicator cells are read for a view that adds up. */
const CELL_READS = 5;

/**
 * One document per timeline entry (a person's whole history in one document would hit the 16 MB
 * limit): an event's entry on its subject's timeline has the event's id; a case's or a prevention
 * plan's event, on the timeline of each person it names, has the event's and her id (eventId is
 * the event's either way).
 */
export interface TimelineEntry extends SummarisedEntry {
  _id: string;
  personId: string;
  pillar: string;
  summary: string;
  actor: { id: string; role: string };
  correlationId: string;
  recordedAt: Date;
  erased?: boolean;
}

/**
 * Her summary as stored: the view it is kept in (bounded whatever her history), the summary staff
 * read, computed from it at each write, the indicator cells she counts in, and what makes a write
 * safe to repeat: its version (a write is conditional on the version read) and the ids of her last
 * entries applied (a redelivered event is not applied twice).
 */
export interface StoredSummary extends PersonSummary {
  _id: string;
  view: PersonView;
  version: number;
  recentEntryIds: string[];
  counted: string[];
  /** Cell changes written with the summary and not yet applied to the cells (a crash between the two). */
  pendingCells?: { token: string; changes: { cell: string; by: 1 | -1 }[]; shard?: string };
  updatedAt: Date;
}

/** Enough to recognise a redelivery: an entry is looked for on her timeline first, this covers the moment between the two writes. */
const RECENT_ENTRY_IDS = 16;

const timelineEntrySchema = new Schema<TimelineEntry>(
  {
    _id: String,
    personId: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    pillar: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    summary: { type: String, required: true },
    facts: { type: Schema.Types.Mixed, default: {} },
    actor: { id: String, role: String },
    correlationId: String,
    recordedAt: { type: Date, required: true },
    /** Set on all her entries once her personal data is erased: they identify no one, and say so. */
    erased: { type: Boolean, default: false },
  },
  { versionKey: false, collection: 'timeline_entries', minimize: false },
);
timelineEntrySchema.index({ personId: 1, occurredAt: 1, _id: 1 });

const summarySchema = new Schema<StoredSummary>(
  {
    _id: String,
    personId: String,
    pillars: { type: Schema.Types.Mixed, required: true },
    openAlerts: { type: Schema.Types.Mixed, default: [] },
    nextDueSteps: { type: Schema.Types.Mixed, default: [] },
    caseTeam: { type: Schema.Types.Mixed, default: {} },
    erasedAt: String,
    entryCount: { type: Number, required: true },
    lastEventAt: String,
    view: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true },
    recentEntryIds: { type: [String], default: [] },
    counted: { type: [String], default: [] },
    pendingCells: { type: Schema.Types.Mixed },
    updatedAt: Date,
  },
  { versionKey: false, collection: 'person_summaries', minimize: false },
);

const cellSchema = new Schema<IndicatorCell>(
  { _id: String, count: { type: Number, required: true }, inFlight: { type: [String], default: [] } },
  { versionKey: false, collection: 'indicator_cells' },
);

/** A counter: how many people count in it now, and the changes being applied to it (a crash-safe $inc). */
export interface IndicatorCell {
  _id: string;
  count: number;
  inFlight: string[];
}

/** A write lost to another writer of the same summary: read again and apply again. */
const MAX_CONFLICTS = 20;
/** Cell changes left in flight this long by the writer of her summary (it crashed) are applied by the next one; under a consumer's 10 s session. */
const ABANDONED_CELLS_MS = 5_000;

/**
 * A cell is kept in one document per topic partition its changes were read from
 * (`<cell>#<topic>/p<partition>`), and read as their sum: the members of a consumer group apply
 * events of different partitions at once (partition 0 of intake's topic with one member, partition 0
 * of rescue's with another), and an increment on FerretDB 1.x is a read then a write, so two
 * members incrementing one document could lose one. Within a partition, changes are applied one at
 * a time. Documents of an earlier shard naming (`#p<partition>`) are summed all the same. A
 * household's cell stays one document: whether it is her household's first member counted is its total.
 */
const cellDocumentId = (cell: string, shard: string | undefined) => (shard && !cell.startsWith(HOUSEHOLD) ? `${cell}#${shard}` : cell);
const cellOfDocument = (id: string) => id.split('#')[0]!;

/** The items that pass, and those that do not. */
function split<T>(items: readonly T[], passes: (item: T) => boolean): [T[], T[]] {
  return [items.filter(passes), items.filter((item) => !passes(item))];
}

/** The token under which a household's change moves the households-supported cell. */
const householdToken = (token: string, household: string) => `${token}/${household}`;

/**
 * The projection's read model: timeline entries keyed by event id and person (a redelivered event
 * finds its entry already there), a per-person summary updated by the event received, and the
 * indicator cells. Hot paths are equalities on `_id` only.
 */
export class TimelineStore {
  readonly entries: Model<TimelineEntry>;
  readonly summaries: Model<StoredSummary>;
  readonly cells: Model<IndicatorCell>;
  readonly households: Model<IndicatorCell>;
  /** The household cells, changed only through changeFenced: whether a member is its first is read from its total. */
  private readonly fencedHouseholds: FencedCollection;
  /** Listings fed from each summary written (their own documents and indexes). */
  private readonly followers: SummaryFollower[] = [];
  /** Each summary version, claimed by the one writer who writes it (see writeIfUnchanged). */
  private readonly claims: Collection;

  constructor(connection: Connection) {
    this.claims = connection.collection('summary_claims') as unknown as Collection;
    this.entries = connection.model<TimelineEntry>('TimelineEntry', timelineEntrySchema);
    this.summaries = connection.model<StoredSummary>('PersonSummary', summarySchema);
    this.cells = connection.model<IndicatorCell>('IndicatorCell', cellSchema);
    this.households = connection.model<IndicatorCell>('IndicatorHousehold', cellSchema.clone().set('collection', 'indicator_households'));
    this.fencedHouseholds = fencedModel(this.households);
  }

  async createIndexes(): Promise<void> {
    for (const model of [this.entries, this.summaries, this.cells, this.households]) await model.createCollection().catch(() => undefined);
    await this.entries.createIndexes();
  }

  /**
   * Summaries written before they were kept as views per pillar hold no view to evolve: applying an
   * event to one would fail, and park it. Such a database is rebuilt from the topics instead, so
   * the projection refuses to start on it and says how (one document read: no scan).
   */
  async assertSummariesCurrent(): Promise<void> {
    const first = await this.summaries.collection.findOne({});
    if (first && !('view' in first)) {
      throw new Error(
        'person_summaries holds summaries from before they were kept as views per pillar: rebuild the projection from the topics ' +
          '(npm run replay -- --service projection, then set PROJECTION_CONSUMER_GROUP and MONGODB_URI as it says; see docs/operations.md, Rebuilding the projection)',
      );
    }
  }

  /** A listing kept from her summary: told of each summary written, with its version. */
  follow(follower: SummaryFollower): void {
    this.followers.push(follower);
  }

  /**
   * Puts the event on personId's timeline: its subject's, a victim's of the case whose event it
   * is, or a person's the prevention plan whose event it is covers. Idempotent: the same event
   * twice leaves one entry and the same summary. Her summary is written before her entry, so an
   * entry on her timeline means her summary has it. Returns the event's facts and her summary with
   * it, for whatever else the event feeds (the analytics stream). `readFrom` is the topic partition
   * the event was read from: the shard of the indicator cells it moves (see cellDocumentId).
   */
  async project(event: AnyPillarEventEnvelope, personId: string = event.subject, readFrom?: { topic: string; partition: number }): Promise<{ facts: TimelineFacts; summary: PersonSummary }> {
    const { pillar, summary, facts } = describeEvent(event, personId);
    const entryId = entryIdOf(event, personId);
    // Both reads at once: each is a round trip, and the summary is read first thing anyway.
    const [onTimeline, firstRead] = await Promise.all([this.entries.exists({ _id: entryId }), this.storedSummary(personId)]);
    const shard = readFrom === undefined ? undefined : `${readFrom.topic}/p${readFrom.partition}`;
    const { stored, teamChanged } = await this.applyToSummary(personId, entryId, event, !onTimeline, shard, firstRead);
    await this.completeDerivedWrites(stored, teamChanged);
    if (!onTimeline) {
      try {
        await this.entries.create({
          _id: entryId,
          eventId: event.id,
          personId,
          type: event.type,
          pillar,
          occurredAt: new Date(event.time),
          summary,
          facts,
          actor: event.actor,
          correlationId: event.correlationId,
          recordedAt: new Date(),
          erased: event.type === intakeEventTypes.personErased,
        });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    if (event.type === intakeEventTypes.personErased) {
      await this.entries.updateMany({ personId }, { $set: { erased: true } });
    }
    return { facts, summary: publicSummary(stored) };
  }

  /**
   * Evolves her stored view by the event and writes it back only if no one wrote it since it was
   * read (the version): one writer per partition is the rule, but an overlapping second writer (a
   * rebalance, a rollout) must not silently drop a fact. On a conflict, read again and apply again.
   * Says whether her case team may have changed (the listings then look for who left it): always,
   * but for a version this writer wrote from the one before.
   */
  private async applyToSummary(
    personId: string,
    entryId: string,
    event: AnyPillarEventEnvelope,
    apply: boolean,
    shard: string | undefined,
    firstRead: StoredSummary | null,
  ): Promise<{ stored: StoredSummary; teamChanged: boolean }> {
    for (let attempt = 1; ; attempt += 1) {
      const stored = attempt === 1 ? firstRead : await this.storedSummary(personId);
      // Already applied (by this writer before a crash, or by the other member of a handover).
      if (stored && (!apply || stored.recentEntryIds.includes(entryId))) return { stored: await this.settled(stored), teamChanged: true };
      if (stored?.pendingCells) {
        // The cell changes of the write before this one go first.
        await this.settled(stored);
        continue;
      }
      if (!stored && !apply) {
        // On her timeline but no summary: written by a version that kept none. Nothing to apply it to.
        return { stored: { ...newStored(personId), ...summaryOf(initialPersonView(personId)) }, teamChanged: true };
      }
      const before = stored ?? newStored(personId);
      const view = evolvePerson(before.view, event);
      const summary = summaryOf(view);
      const counted = indicatorCellsOf(summary);
      const changes = cellChanges(before.counted, counted);
      const version = before.version + 1;
      const next: StoredSummary = {
        ...summary,
        _id: personId,
        view,
        version,
        recentEntryIds: [...before.recentEntryIds, entryId].slice(-RECENT_ENTRY_IDS),
        counted,
        ...(changes.length > 0 ? { pendingCells: { token: `${personId}@${version}`, changes, ...(shard ? { shard } : {}) } } : {}),
        updatedAt: new Date(),
      };
      if (await this.writeIfUnchanged(before, stored !== null, next)) return { stored: next, teamChanged: !sameMembers(before.caseTeam, next.caseTeam) };
      if (attempt >= MAX_CONFLICTS) throw new Error(`summary of ${personId}: ${attempt} conflicting writes in a row`);
    }
  }

  /**
   * Writes the next version of her summary if no one else writes that version. A filter on the
   * version read is not enough: FerretDB applies an update as read, then write, so two writers
   * that read the same version would both write, and one's fact would be lost. An insert under a
   * unique id is atomic on every store, so each version is first claimed by inserting it: the one
   * writer whose claim went in writes it; the others read again and apply again. A claim its
   * writer never completed (it crashed in between) is completed by the next writer after a while.
   */
  private async writeIfUnchanged(before: StoredSummary, existed: boolean, next: StoredSummary): Promise<boolean> {
    if (!existed) {
      try {
        await this.summaries.collection.insertOne(next as never);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    return writeClaimedVersion(this.claims, next._id, next.version, next, (claimed) => this.replaceVersion(before, claimed));
  }

  /** Writes the next version over the one it was made from; false if the summary is no longer at that version. */
  private async replaceVersion(before: StoredSummary, next: StoredSummary): Promise<boolean> {
    const { _id, ...fields } = next;
    const unset = next.pendingCells ? {} : { $unset: { pendingCells: '' } };
    const written = await this.summaries.collection.updateOne({ _id: before._id, version: before.version } as never, { $set: fields, ...unset } as never);
    return written.matchedCount === 1;
  }

  /**
   * Her summary once the cell changes of its last write are applied. Their writer applies them a
   * moment after writing it; applied here as well, a change could be counted twice (once its writer
   * has taken the token off the cell, the token no longer stops it). So they are waited for, and
   * applied here only if left longer than a writer takes (it crashed in between).
   */
  private async settled(stored: StoredSummary): Promise<StoredSummary> {
    let current = stored;
    while (current.pendingCells) {
      if (Date.now() - new Date(current.updatedAt).getTime() >= ABANDONED_CELLS_MS) {
        await this.completeDerivedWrites(current, true);
        const { pendingCells: _done, ...completed } = current;
        return completed;
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      current = (await this.storedSummary(current._id)) ?? current;
    }
    return current;
  }

  private storedSummary(personId: string): Promise<StoredSummary | null> {
    return this.summaries.findOne({ _id: personId }).lean<StoredSummary>().exec();
  }

  /**
   * What follows from her summary: the indicator cells she moved between (by the writer of the
   * version that moved her, or after a crash, see settled), and the listings, at once (neither
   * depends on the other; both are done before her entry is written). Safe to run again: a cell
   * change is applied once per token (the token stays on the cell while it is in flight), and a
   * listing takes a summary only if it is newer than the one it has.
   */
  private async completeDerivedWrites(stored: StoredSummary, teamChanged: boolean): Promise<void> {
    await Promise.all([this.applyPendingCells(stored), ...this.followers.map((follower) => follower(publicSummary(stored), stored.version, teamChanged))]);
  }

  private async applyPendingCells(stored: StoredSummary): Promise<void> {
    const pending = stored.pendingCells;
    if (pending) {
      const [households, vocabulary] = split(pending.changes, ({ cell }) => cell.startsWith(HOUSEHOLD));
      // The vocabulary's cells in one round trip, each change once per token (an upsert that meets
      // the token on its cell is refused as a duplicate: applied before a crash).
      await this.bulkOnce(
        vocabulary.map(({ cell, by }) => ({
          updateOne: { filter: { _id: cellDocumentId(cell, pending.shard), inFlight: { $ne: pending.token } }, update: { $inc: { count: by }, $push: { inFlight: pending.token } }, upsert: true },
        })),
      );
      for (const change of households) await this.applyCellChange(change, pending.token, pending.shard);
      const cleared = await this.summaries.collection.updateOne(
        { _id: stored._id, 'pendingCells.token': pending.token } as never,
        { $unset: { pendingCells: '' } } as never,
      );
      if (cleared.matchedCount === 1) {
        await this.bulkOnce(vocabulary.map(({ cell }) => ({ updateOne: { filter: { _id: cellDocumentId(cell, pending.shard) }, update: { $pull: { inFlight: pending.token } } } })));
        for (const { cell } of households) {
          await changeFenced<IndicatorCell & Fenced>(this.fencedHouseholds, cell, (current) =>
            current?.inFlight.includes(pending.token) ? { _id: cell, count: current.count, inFlight: current.inFlight.filter((token) => token !== pending.token) } : undefined,
          );
          // A household's change may have moved the households-supported cell under a token of its own.
          await this.cells.collection.updateOne({ _id: cellDocumentId(HOUSEHOLDS_SUPPORTED, pending.shard) } as never, { $pull: { inFlight: householdToken(pending.token, cell) } } as never);
        }
      }
    }
  }

  /** Writes to the vocabulary's cells in one call; a write refused as a duplicate was applied before. */
  private async bulkOnce(writes: AnyBulkWriteOperation<IndicatorCell>[]): Promise<void> {
    if (writes.length === 0) return;
    try {
      await this.cells.collection.bulkWrite(writes as never, { ordered: false });
    } catch (error) {
      const refused = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
      if (refused.length === 0 || refused.some((write) => write.code !== 11000)) throw error;
    }
  }

  /** $inc once per token; a household's first member counted makes it a household supported, its last one gone takes it away. */
  private async applyCellChange({ cell, by }: { cell: string; by: 1 | -1 }, token: string, shard: string | undefined): Promise<void> {
    if (cell.startsWith(HOUSEHOLD)) {
      // One document per household, whose total says whether she is its first member counted:
      // two of its members applied at once by two replicas must not lose a count (an $inc on
      // FerretDB 1.x is a read, then a write), so it is a fenced change.
      let changed = false;
      const after = await changeFenced<IndicatorCell & Fenced>(this.fencedHouseholds, cell, (current) => {
        changed = !current?.inFlight.includes(token);
        return changed ? { _id: cell, count: (current?.count ?? 0) + by, inFlight: [...(current?.inFlight ?? []), token] } : undefined;
      });
      // Not changed: the cell has the token, applied before a crash.
      if (changed && after && ((by === 1 && after.count === 1) || (by === -1 && after.count === 0))) {
        await this.applyCellChange({ cell: HOUSEHOLDS_SUPPORTED, by }, householdToken(token, cell), shard);
      }
      return;
    }
    try {
      await this.cells.collection.updateOne({ _id: cellDocumentId(cell, shard), inFlight: { $ne: token } } as never, { $inc: { count: by }, $push: { inFlight: token } } as never, { upsert: true });
    } catch (error) {
      // The cell has the token: applied before a crash.
      if (isDuplicateKeyError(error)) return;
      throw error;
    }
  }

  /** Every indicator cell with its count: a collection bounded by the vocabulary (states, age bands, roles), not by the people. */
  async indicatorCells(): Promise<Record<string, number>> {
    // A read in the middle of someone's move between cells does not add up: read again (a move
    // takes a few writes, milliseconds). Still not after a few reads, the tables that do not add up are withheld.
    let cells: Record<string, number> = {};
    for (let read = 1; read <= CELL_READS; read += 1) {
      const found = await this.cells.find({}).select({ count: 1 }).lean<IndicatorCell[]>();
      cells = {};
      for (const { _id, count } of found) cells[cellOfDocument(_id)] = (cells[cellOfDocument(_id)] ?? 0) + count;
      if (cellsAddUp(cells)) return cells;
      await new Promise((resolve) => setTimeout(resolve, 10 * read));
    }
    return cells;
  }

  /**
   * A page of her timeline in the pillars given, from after `from` (the last entry of the page
   * before) in the order asked; one more entry than asked is read to know whether a page follows.
   */
  async timeline(
    personId: string,
    pillars: readonly string[],
    page: { limit: number; newestFirst: boolean; from?: { occurredAt: Date; id: string } },
  ): Promise<{ entries: TimelineEntry[]; more: boolean }> {
    const direction = page.newestFirst ? -1 : 1;
    const beyond = page.newestFirst ? '$lt' : '$gt';
    const after = page.from
      ? { $or: [{ occurredAt: { [beyond]: page.from.occurredAt } }, { occurredAt: page.from.occurredAt, _id: { [beyond]: page.from.id } }] }
      : {};
    const entries = await this.entries
      .find({ personId, pillar: { $in: [...pillars] }, ...after })
      .sort({ occurredAt: direction, _id: direction })
      .limit(page.limit + 1)
      .lean<TimelineEntry[]>();
    return { entries: entries.slice(0, page.limit), more: entries.length > page.limit };
  }

  /**
   * Every person's summary, a chunk at a time from one cursor, for an admin's listing of everyone's
   * people or alerts: the one read left whose time grows with the people; it holds a page, not
   * everyone. Staff list their caseload from the caseload index (queries/caseload-index.ts).
   */
  async *summariesInChunks(size = 500): AsyncGenerator<PersonSummary[]> {
    let chunk: PersonSummary[] = [];
    for await (const stored of this.summaries.find({}).select({ view: 0, recentEntryIds: 0, counted: 0 }).lean<StoredSummary[]>().cursor({ batchSize: size })) {
      chunk.push(publicSummary(stored as StoredSummary));
      if (chunk.length === size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  /** Every summary with its version, read as a stream (a start-up backfill, never a request's path). */
  async *everySummaryWithVersion(): AsyncGenerator<{ summary: PersonSummary; version: number }> {
    for await (const stored of this.summaries.find({}).select({ view: 0, recentEntryIds: 0, counted: 0 }).lean<StoredSummary[]>().cursor()) {
      yield { summary: publicSummary(stored as StoredSummary), version: (stored as StoredSummary).version };
    }
  }

  async summary(personId: string): Promise<PersonSummary | null> {
    const stored = await this.summaries.findOne({ _id: personId }).lean<StoredSummary>();
    return stored ? publicSummary(stored) : null;
  }
}

/** Told of each summary written (with its version, and whether her case team may have changed since the one before), to keep a listing of its own. */
export type SummaryFollower = (summary: PersonSummary, version: number, teamChanged: boolean) => Promise<void>;

/** The same members, whatever their roles and dates. */
function sameMembers(before: PersonSummary['caseTeam'] | undefined, after: PersonSummary['caseTeam'] | undefined): boolean {
  const members = Object.keys(before ?? {});
  return members.length === Object.keys(after ?? {}).length && members.every((member) => after !== undefined && member in after);
}

function newStored(personId: string): StoredSummary {
  const view = initialPersonView(personId);
  return { ...summaryOf(view), _id: personId, view, version: 0, recentEntryIds: [], counted: [], updatedAt: new Date(0) };
}

/** The summary staff read, without what keeps it. */
export function publicSummary(stored: StoredSummary): PersonSummary {
  const { _id, view: _view, version: _version, recentEntryIds: _recent, counted: _counted, pendingCells: _pending, updatedAt: _updated, ...summary } = stored;
  return summary;
}
