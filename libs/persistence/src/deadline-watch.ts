import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Collection, Document } from 'mongodb';
import type { Logger } from 'pino';
import type { Clock } from '@mukti/decider';
import type { DeadlineFigures } from '@mukti/observability';

export interface Deadline {
  /** What is due, unique: scheduling it again moves it. */
  _id: string;
  dueAt: Date;
  /** What the service needs to act on it (aggregate and person ids). */
  details: Record<string, string>;
}

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
 * kept in a small collection of open deadlines only, so a sweep's search for those passed stays
 * cheap on any store. A deadline is removed once acted on; one whose action failed is tried on the next sweep.
 */
export class DeadlineWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private readonly logger: Logger;
  private readonly figures: DeadlineWatchStats = { sweeps: 0, acted: 0, failures: 0, overdue: 0 };

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
    await this.deadlines.replaceOne({ _id: id } as Document, { dueAt: new Date(dueAt), details }, { upsert: true });
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
    const passed = (await this.deadlines.find({ dueAt: { $lte: now } } as Document).toArray()) as unknown as Deadline[];
    let acted = 0;
    for (const deadline of passed) {
      try {
        await this.options.onDue(deadline, now);
        await this.deadlines.deleteOne({ _id: deadline._id, dueAt: deadline.dueAt } as Document);
        acted += 1;
      } catch (error) {
        this.figures.failures += 1;
        this.logger.error({ err: error, deadline: deadline._id }, 'acting on a passed deadline failed; trying again on the next sweep');
      }
    }
    this.figures.sweeps += 1;
    this.figures.acted += acted;
    this.figures.overdue = passed.length - acted;
    this.figures.lastSweepAt = new Date();
    return acted;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((error) => this.logger.error({ err: error }, 'deadline sweep failed')), this.options.everyMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }
}
