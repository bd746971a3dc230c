import type { Collection, Document } from 'mongodb';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@mukti/contracts';
import type { EventPublisher } from './event-publisher';
import type { OutboxFields } from './outbox';

type OutboxDocument = Document & OutboxFields & { _id: string };

export interface OutboxRelayOptions {
  collections: Collection[];
  publisher: EventPublisher;
  logger: Logger;
  /** How often to look for unpublished events when nothing nudged the relay. */
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * Publishes the events waiting in aggregate outboxes, at least once: it sends a document's
 * events, then removes exactly those from the outbox with an update conditioned on the version
 * it read, so events appended meanwhile stay for the next round. A crash between the two sends
 * them again on restart; consumers are idempotent by event id.
 */
export class OutboxRelay {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
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
    const documents = (await collection
      .find({ pendingEvents: { $gt: 0 } })
      .limit(this.batchSize)
      .toArray()) as unknown as OutboxDocument[];
    let published = 0;
    for (const document of documents) {
      const events = document.outbox;
      if (events.length === 0) continue;
      await this.options.publisher.publish(events);
      await this.markPublished(collection, document, events);
      published += events.length;
      this.options.logger.debug(
        { eventIds: events.map((event) => event.id), subject: document._id },
        'outbox relay: published',
      );
    }
    return published;
  }

  private async markPublished(collection: Collection, read: OutboxDocument, sent: EventEnvelope[]): Promise<void> {
    let current: OutboxDocument | null = read;
    for (let attempt = 0; current && attempt < 20; attempt += 1) {
      const head = current.outbox.slice(0, sent.length).map((event) => event.id);
      if (head.join() !== sent.map((event) => event.id).join()) {
        // Someone else (another relay replica) already removed them.
        return;
      }
      const remaining = current.outbox.slice(sent.length);
      const result = await collection.updateOne(
        { _id: current._id, version: current.version } as Document,
        { $set: { outbox: remaining, pendingEvents: remaining.length } },
      );
      if (result.matchedCount === 1) return;
      current = (await collection.findOne({ _id: read._id } as Document)) as unknown as OutboxDocument | null;
    }
  }
}
