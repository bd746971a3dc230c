import type { Collection, Document } from 'mongodb';
import type { Logger } from 'pino';
import type { EventPublisher } from './event-publisher';
import type { OutboxCommit } from './outbox';

export interface OutboxRelayOptions {
  collections: Collection[];
  /** Sends events and resolves once they are acknowledged. */
  publisher: Pick<EventPublisher, 'publish'>;
  logger: Logger;
  /** How often to look for unpublished events when nothing nudged the relay. */
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * Publishes the events of unpublished commits, at least once: it sends a commit's events, then
 * marks the commit published. A crash between the two sends them again on restart; consumers
 * are idempotent by event id.
 */
export class OutboxRelay {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;

  constructor(private readonly options: OutboxRelayOptions) {
    // Writes nudge the relay; the poll only catches what another process (or a crash) left behind.
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 100;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called after a write that added events, so they go out now rather than at the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Stops polling after publishing everything that is waiting. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.flush();
  }

  /** Publishes everything waiting now; returns how many events went out. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      let published = 0;
      for (const collection of this.options.collections) published += await this.drain(collection);
      total += published;
      if (published === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      try {
        await this.flush();
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox relay: publishing failed, will retry');
        await this.sleep(Math.max(this.pollIntervalMs, 1000));
        continue;
      }
      if (!this.nudged) await this.sleep(this.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async drain(collection: Collection): Promise<number> {
    // In each aggregate's order: a later commit is never published before an earlier one.
    const commits = (await collection
      .find({ pendingEvents: { $gt: 0 } })
      .sort({ aggregateId: 1, version: 1 })
      .limit(this.batchSize)
      .toArray()) as unknown as OutboxCommit[];
    let published = 0;
    for (const commit of commits) {
      await this.options.publisher.publish(commit.events);
      // Only the relay ever updates a commit, and only to say it was published.
      await collection.updateOne({ _id: commit._id } as Document, { $set: { pendingEvents: 0, publishedAt: new Date() } });
      published += commit.events.length;
      this.options.logger.debug({ eventIds: commit.events.map((event) => event.id), commit: commit._id }, 'outbox relay: published');
    }
    return published;
  }
}
