import { Schema, Model, Connection } from 'mongoose';
import { legalEventTypes } from '@mukti/contracts';
import { changeFenced, Fenced, FencedCollection, fencedModel } from '@mukti/persistence';
import type { SummarisedEntry } from '../timeline/person-summary';
import { describeEvent } from '../timeline/describe-event';
import type { CaseEventEnvelope, PerpetratorEventEnvelope } from '../timeline/whose-timeline';
import { ProfiledPerpetrator, ProsecutionCase, prosecutionCaseOf } from './prosecution-read-model';

export interface StoredCase extends ProsecutionCase, Fenced {
  _id: string;
  /** The facts of every event of the case it was built from (what it is recomputed from). */
  facts: SummarisedEntry[];
  updatedAt: Date;
}

export interface StoredPerpetrator extends ProfiledPerpetrator {
  _id: string;
}

const caseSchema = new Schema<StoredCase>(
  {
    _id: String,
    caseId: { type: String, required: true },
    fir: { type: Schema.Types.Mixed },
    stage: { type: String, required: true },
    accused: { type: Schema.Types.Mixed, default: [] },
    mainAccusedId: String,
    mainAccusedNamed: { type: Boolean, required: true },
    chargeSheetFiled: { type: Boolean, required: true },
    nextHearingAt: String,
    closedReason: String,
    facts: { type: Schema.Types.Mixed, default: [] },
    updatedAt: Date,
    revision: Number,
  },
  { versionKey: false, collection: 'prosecution_cases', minimize: false },
);

// Category and beneficiary only: the sealed personal data of perpetrator-profiled is never copied here.
const perpetratorSchema = new Schema<StoredPerpetrator>(
  {
    _id: String,
    perpetratorId: { type: String, required: true },
    category: { type: String, required: true },
    beneficiary: { type: String, required: true },
  },
  { versionKey: false, collection: 'prosecution_perpetrators', strict: 'throw' },
);

/**
 * The read model behind the prosecution indicators: one document per case, recomputed from the
 * facts of its events like a person's summary (idempotent, whatever the order of delivery), and
 * one per perpetrator with his category. Counts only ever leave it.
 */
export class ProsecutionStore {
  readonly cases: Model<StoredCase>;
  /** The cases, changed only through changeFenced, with their claims. */
  private readonly fencedCases: FencedCollection;
  readonly perpetrators: Model<StoredPerpetrator>;

  constructor(connection: Connection) {
    this.cases = connection.model<StoredCase>('ProsecutionCase', caseSchema);
    this.fencedCases = fencedModel(this.cases);
    this.perpetrators = connection.model<StoredPerpetrator>('ProsecutionPerpetrator', perpetratorSchema);
  }

  async createIndexes(): Promise<void> {
    await this.cases.createCollection().catch(() => undefined);
    await this.perpetrators.createCollection().catch(() => undefined);
  }

  /**
   * Folds a case's event into its document; the same event twice changes nothing. Its events share
   * a partition, but for a moment after a rebalance two members may both be applying them: the
   * write is made on the revision read (changeFenced), and the case is recomputed from its facts
   * whatever their order, so neither member's event is lost.
   */
  async projectCase(event: CaseEventEnvelope): Promise<ProsecutionCase> {
    const caseId = event.data.caseId;
    const stored = await changeFenced<StoredCase>(this.fencedCases, caseId, (current) => {
      const known = current?.facts ?? [];
      if (known.some((seen) => seen.eventId === event.id)) return undefined;
      const facts = [...known, { eventId: event.id, type: event.type, occurredAt: new Date(event.time), facts: describeEvent(event).facts }];
      const prosecutionCase = prosecutionCaseOf(
        caseId,
        facts.map((seen) => ({ ...seen, occurredAt: new Date(seen.occurredAt) })),
      );
      return { ...prosecutionCase, _id: caseId, facts, updatedAt: new Date() };
    });
    const { _id, facts: _facts, updatedAt: _updatedAt, revision: _revision, ...prosecutionCase } = stored!;
    return prosecutionCase;
  }

  /**
   * A perpetrator profiled or his profile corrected: his category and how he profits, by his id;
   * erased: gone from here (a wrongly identified man is not counted as a perpetrator). Links
   * between perpetrators are the legal service's to show.
   */
  async projectPerpetrator(event: PerpetratorEventEnvelope): Promise<void> {
    switch (event.type) {
      case legalEventTypes.perpetratorProfiled:
      case legalEventTypes.perpetratorProfileCorrected: {
        const { perpetratorId, category, beneficiary } = event.data;
        await this.perpetrators.replaceOne({ _id: perpetratorId }, { perpetratorId, category, beneficiary }, { upsert: true });
        return;
      }
      // His events are keyed by his id, so they arrive in order: nothing of his comes after the erasure.
      case legalEventTypes.perpetratorErased:
        await this.perpetrators.deleteOne({ _id: event.data.perpetratorId });
        return;
      default:
        return;
    }
  }

  /** Every case without the facts it is recomputed from. Fine at this scale (cases number in the thousands). */
  async allCases(): Promise<ProsecutionCase[]> {
    return this.cases.find({}).select({ facts: 0, _id: 0, updatedAt: 0, revision: 0 }).lean<ProsecutionCase[]>();
  }

  async allPerpetrators(): Promise<ProfiledPerpetrator[]> {
    return this.perpetrators.find({}).select({ _id: 0 }).lean<ProfiledPerpetrator[]>();
  }
}
