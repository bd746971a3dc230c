import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Collection, Document } from 'mongodb';
import type { Logger } from 'pino';
import type { Clock } from '@mukti/decider';

export interface Deadline {
  /** What is due, unique: scheduling it again moves it. */
  _id: string;
  dueAt: Date;
  /** What the service needs to act on it (aggregate and person ids). */
  details: Record<string, string>;
}

export interface DeadlineWatchOptions {
  clock: Clock;
  logger: Logger;
  /** How often to look for deadlines that have passed. */
  everyMs: number;
  /** Acts on a passed deadline (a command that raises the alert); must be idempotent. */
  onDue: (deadline: Deadline, now: Date) => Promise<void>;
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

  constructor(
    private readonly deadlines: Collection,
    private readonly options: DeadlineWatchOptions,
  ) {
    this.logger = options.logger.child({ component: 'deadline-watch' });
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
        this.logger.error({ err: error, deadline: deadline._id }, 'acting on a passed deadline failed; trying again on the next sweep');
      }
    }
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
