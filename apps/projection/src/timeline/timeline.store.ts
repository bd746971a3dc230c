import { Schema, Model, Connection } from 'mongoose';
import { AnyPillarEventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { isDuplicateKeyError } from '@mukti/persistence';
import { describeEvent, TimelineFacts } from './describe-event';
import { PersonSummary, summarisePerson, SummarisedEntry } from './person-summary';
import { entryIdOf } from './whose-timeline';

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

export interface StoredSummary extends PersonSummary {
  _id: string;
  /** The facts of every entry the summary was built from (what it is recomputed from). */
  facts: SummarisedEntry[];
  updatedAt: Date;
}

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
    facts: { type: Schema.Types.Mixed, default: [] },
    erasedAt: String,
    entryCount: { type: Number, required: true },
    lastEventAt: String,
    updatedAt: Date,
  },
  { versionKey: false, collection: 'person_summaries', minimize: false },
);

/**
 * The projection's read model: timeline entries keyed by event id and person (a redelivered event
 * finds its entry already there) and a per-person summary recomputed from the facts of her entries.
 */
export class TimelineStore {
  readonly entries: Model<TimelineEntry>;
  readonly summaries: Model<StoredSummary>;

  constructor(connection: Connection) {
    this.entries = connection.model<TimelineEntry>('TimelineEntry', timelineEntrySchema);
    this.summaries = connection.model<StoredSummary>('PersonSummary', summarySchema);
  }

  async createIndexes(): Promise<void> {
    await this.entries.createCollection().catch(() => undefined);
    await this.summaries.createCollection().catch(() => undefined);
    await this.entries.createIndexes();
  }

  /**
   * Puts the event on personId's timeline: its subject's, a victim's of the case whose event it
   * is, or a person's the prevention plan whose event it is covers. Idempotent: the same event twice leaves one entry and the same summary. Returns the event's
   * facts and her summary with it, for whatever else the event feeds (the analytics stream).
   */
  async project(event: AnyPillarEventEnvelope, personId: string = event.subject): Promise<{ facts: TimelineFacts; summary: PersonSummary }> {
    const { pillar, summary, facts } = describeEvent(event, personId);
    try {
      await this.entries.create({
        _id: entryIdOf(event, personId),
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
    if (event.type === intakeEventTypes.personErased) {
      await this.entries.updateMany({ personId }, { $set: { erased: true } });
    }
    const personSummary = await this.refreshSummary(personId, { eventId: event.id, type: event.type, occurredAt: new Date(event.time), facts });
    return { facts, summary: personSummary };
  }

  /**
   * Folds the entry into her summary. The summary keeps the facts of every entry it was built
   * from, so it is recomputed from them (in the order things happened, whatever the order they
   * came in) by reading one document by id: the per-event path never searches the entries, which
   * stores without secondary-index support would scan. One writer per person: the projection
   * handles a partition's messages one at a time, and runs one replica per consumer group.
   */
  private async refreshSummary(personId: string, entry: SummarisedEntry): Promise<PersonSummary> {
    const stored = await this.summaries.findOne({ _id: personId }).lean<StoredSummary>();
    const known = stored?.facts ?? [];
    if (stored && known.some((seen) => seen.eventId === entry.eventId)) return stored;
    const facts = [...known, entry];
    const summary = summarisePerson(personId, facts.map((seen) => ({ ...seen, occurredAt: new Date(seen.occurredAt) })));
    await this.summaries.replaceOne({ _id: personId }, { ...summary, facts, updatedAt: new Date() }, { upsert: true });
    return summary;
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
   * Every person's summary, without the facts it is recomputed from: for indicators (counts only
   * ever leave) and for the alert and people listings, which filter them in memory. Fine at this
   * scale (thousands of people, a few KB each); past it, the listings would want the alerts and
   * profile codes indexed and the need-to-know filter pushed into the query.
   */
  async allSummaries(): Promise<PersonSummary[]> {
    return this.summaries.find({}).select({ facts: 0 }).lean<PersonSummary[]>();
  }

  async summary(personId: string): Promise<StoredSummary | null> {
    return this.summaries.findOne({ _id: personId }).lean<StoredSummary>();
  }
}
