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
 * A sweep reads the days from the earliest that may still hold a passed deadline up to today,
 * each by equality on its indexed day: its cost follows the deadlines due, not all those open
 * (a range filter would scan them all on FerretDB, every minute). The earliest day is found by one
 * read of the collection at start-up, and moves back when a deadline is scheduled in the past.
 * Each instance sweeps (an action is idempotent): a deadline scheduled in the past by another
 * instance is acted on by that one, or by the next to start.
 */
export class DeadlineWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private readonly logger: Logger;
  private readonly figures: DeadlineWatchStats = { sweeps: 0, acted: 0, dropped: 0, failures: 0, overdue: 0 };
  /** The earliest day that may hold a deadline not yet acted on, as of the last sweep; undefined until the start-up read. */
  private earliestDay?: string;
  /** The earliest day of the deadlines scheduled since the last sweep began: one due in the past is looked for too. */
  private earliestScheduled?: string;

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
    if (this.earliestScheduled === undefined || dayOf(due) < this.earliestScheduled) this.earliestScheduled = dayOf(due);
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
    this.earliestDay ??= (await this.findEarliestDay()) ?? today;
    // Kept in earliestDay before the days are read: a sweep that fails part way still looks there next time.
    const scheduled = this.earliestScheduled;
    this.earliestScheduled = undefined;
    if (scheduled !== undefined && scheduled < this.earliestDay) this.earliestDay = scheduled;
    let acted = 0;
    let overdue = 0;
    let earliestLeft: string | undefined;
    for (let day = this.earliestDay; day <= today; day = nextDay(day)) {
      const due = (await this.deadlines.find({ dueDay: day } as Document).toArray()) as unknown as Deadline[];
      let left = 0;
      for (const deadline of due) {
        const outcome = deadline.dueAt.getTime() <= now.getTime() ? await this.actOn(deadline, now) : 'not-yet';
        if (outcome === 'acted') acted += 1;
        if (outcome === 'failed') overdue += 1;
        if (outcome === 'failed' || outcome === 'not-yet') left += 1;
      }
      if (left > 0) earliestLeft ??= day;
    }
    this.earliestDay = earliestLeft ?? today;
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
   * The earliest day any open deadline falls due: one read of the collection, at start-up only. A
   * deadline stored before deadlines had a day gets one here.
   */
  private async findEarliestDay(): Promise<string | undefined> {
    let earliest: string | undefined;
    for await (const deadline of this.deadlines.find({}).project<Pick<Deadline, '_id' | 'dueAt' | 'dueDay'>>({ dueAt: 1, dueDay: 1 })) {
      const day = deadline.dueDay ?? dayOf(deadline.dueAt);
      if (deadline.dueDay === undefined) await this.deadlines.updateOne({ _id: deadline._id, dueAt: deadline.dueAt } as Document, { $set: { dueDay: day } });
      if (earliest === undefined || day < earliest) earliest = day;
    }
    return earliest;
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
