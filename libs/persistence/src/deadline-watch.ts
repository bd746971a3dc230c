import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Collection, Document } from 'mongodb';
import type { Logger } from 'pino';
import { type Clock, DomainError } from '@mukti/decider';
import type { DeadlineFigures } from '@mukti/observability';

export interface Deadline {
  /** What is due, unique: scheduling it again moves it. */
  _id: string;
  dueAt: Date;
  /** The UTC day it falls due (`YYYY-MM-DD`), indexed: a sweep finds a day's deadlines by equality, which every store serves from the index. */
  dueDay?: string;
  /** What the service needs to act on it (aggregate and person ids). */
  details: Record<string, string>;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const nextDay = (day: string) => dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000));

/** What a watch has done since its service started (for metrics: no ids, no personal data). */
export type DeadlineWatchStats = DeadlineFigures;

/** Where a watch reports its figures (a service's metrics): by the name of what it watches. */
export interface DeadlineWatchReporting {
  watchDeadlines(watch: string, read: () => DeadlineWatchStats): void;
}

export interface DeadlineWatchOptions {
  clock: Clock;
  logger: Logger;
  /** How often to look for deadlines that have passed. */
  everyMs: number;
  /** Acts on a passed deadline (a command that raises the alert); must be idempotent. */
  onDue: (deadline: Deadline, now: Date) => Promise<void>;
  /** Reports sweeps, actions, failures and overdue deadlines under the collection's name (the operator's alert on a sweep that stopped). */
  metrics?: DeadlineWatchReporting;
}

/**
 * Deadlines a service must act on when they pass (a post-rescue step overdue, a follow-up
 * missed). They are scheduled from the service's own events, so none is lost with a crash, and
 * kept in a collection of open deadlines only. A deadline is removed once acted on; one whose
 * action failed is tried on the next sweep; one whose record refuses the action for good (it does
 * not exist here, or a rule says it no longer applies) is dropped, with a warning.
 *
 * A sweep reads, each by equality on its indexed day, the days that may hold a passed deadline:
 * today, each day since the last sweep, the days the last sweep left a deadline on (it failed),
 * and the days of deadlines scheduled in the past since. Its cost follows the deadlines due, not
 * all those open (a range filter would scan them all on FerretDB, every minute). The days on
 * record are found by one read of the collection at start-up.
 * Each instance sweeps (an action is idempotent): a deadline scheduled in the past by another
 * instance is acted on by that one, or by the next to start.
 */
export class DeadlineWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private readonly logger: Logger;
  private readonly figures: DeadlineWatchStats = { sweeps: 0, acted: 0, dropped: 0, failures: 0, overdue: 0 };
  /** The days up to the last sweep's that still hold a deadline (failed, or later that day); undefined until the start-up read. */
  private daysLeft?: Set<string>;
  /** The day of the last sweep: days after it are read as they come. */
  private sweptThrough?: string;
  /** Days of deadlines scheduled since the last sweep began, due by the day they were scheduled (in the past): read too. */
  private daysScheduled = new Set<string>();

  constructor(
    private readonly deadlines: Collection,
    private readonly options: DeadlineWatchOptions,
  ) {
    this.logger = options.logger.child({ component: 'deadline-watch' });
    options.metrics?.watchDeadlines(deadlines.collectionName, () => this.stats());
  }

  stats(): DeadlineWatchStats {
    return { ...this.figures };
  }

  async schedule(id: string, dueAt: string | Date, details: Record<string, string>): Promise<void> {
    const due = new Date(dueAt);
    await this.deadlines.replaceOne({ _id: id } as Document, { dueAt: due, dueDay: dayOf(due), details }, { upsert: true });
    // Due by today: a sweep under way may have read that day already.
    if (dayOf(due) <= dayOf(this.options.clock.now())) this.daysScheduled.add(dayOf(due));
  }

  async cancel(id: string): Promise<void> {
    await this.deadlines.deleteOne({ _id: id } as Document);
  }

  /** Acts on every deadline passed by now; returns how many were acted on. One sweep at a time. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    const now = this.options.clock.now();
    const today = dayOf(now);
    if (this.daysLeft === undefined) {
      this.daysLeft = await this.daysOnRecord(today);
      this.sweptThrough = today;
    }
    const scheduled = this.daysScheduled;
    this.daysScheduled = new Set();
    // The days left, those scheduled into, and each day since the last sweep, today included.
    const days = new Set([...this.daysLeft, ...scheduled, today]);
    for (let day = nextDay(this.sweptThrough!); day < today; day = nextDay(day)) days.add(day);
    let acted = 0;
    let overdue = 0;
    const left = new Set<string>();
    try {
      for (const day of [...days].sort()) {
        const due = (await this.deadlines.find({ dueDay: day } as Document).toArray()) as unknown as Deadline[];
        for (const deadline of due) {
          const outcome = deadline.dueAt.getTime() <= now.getTime() ? await this.actOn(deadline, now) : 'not-yet';
          if (outcome === 'acted') acted += 1;
          if (outcome === 'failed') overdue += 1;
          if (outcome === 'failed' || outcome === 'not-yet') left.add(day);
        }
      }
    } catch (error) {
      // Read again next time: nothing of this sweep is forgotten.
      for (const day of [...days].filter((day) => day <= today)) this.daysScheduled.add(day);
      throw error;
    }
    this.daysLeft = left;
    this.sweptThrough = today;
    this.figures.sweeps += 1;
    this.figures.acted += acted;
    this.figures.overdue = overdue;
    this.figures.lastSweepAt = new Date();
    return acted;
  }

  private async actOn(deadline: Deadline, now: Date): Promise<'acted' | 'dropped' | 'failed'> {
    try {
      await this.options.onDue(deadline, now);
    } catch (error) {
      if (error instanceof DomainError && error.kind !== 'conflict') {
        // Its record refuses it and always will: trying again every sweep would only raise the failure alert.
        this.figures.dropped += 1;
        this.logger.warn({ deadline: deadline._id, reason: error.message }, 'a passed deadline was refused by its record; dropped');
        await this.deadlines.deleteOne({ _id: deadline._id, dueAt: deadline.dueAt } as Document);
        return 'dropped';
      }
      this.figures.failures += 1;
      this.logger.error({ err: error, deadline: deadline._id }, 'acting on a passed deadline failed; trying again on the next sweep');
      return 'failed';
    }
    await this.deadlines.deleteOne({ _id: deadline._id, dueAt: deadline.dueAt } as Document);
    return 'acted';
  }

  /**
   * The days up to today that hold an open deadline: one read of the collection, at start-up only.
   * A deadline stored before deadlines had a day gets one here.
   */
  private async daysOnRecord(today: string): Promise<Set<string>> {
    const days = new Set<string>();
    for await (const deadline of this.deadlines.find({}).project<Pick<Deadline, '_id' | 'dueAt' | 'dueDay'>>({ dueAt: 1, dueDay: 1 })) {
      const day = deadline.dueDay ?? dayOf(deadline.dueAt);
      if (deadline.dueDay === undefined) await this.deadlines.updateOne({ _id: deadline._id, dueAt: deadline.dueAt } as Document, { $set: { dueDay: day } });
      if (day <= today) days.add(day);
    }
    return days;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.deadlines.createIndex({ dueDay: 1 }, { name: 'dueDay' });
    this.timer = setInterval(() => void this.sweep().catch((error) => this.logger.error({ err: error }, 'deadline sweep failed')), this.options.everyMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }
}
