import type { Collection, Document } from 'mongodb';
import type { Logger } from 'pino';
import type { EventPublisher } from './event-publisher';
import { InvalidEventError } from './event-publisher';
import { commitId, CommitRef, OutboxCommit } from './outbox';

export interface OutboxRelayOptions {
  collections: Collection[];
  /** Sends events and resolves once they are acknowledged. */
  publisher: Pick<EventPublisher, 'publish'>;
  logger: Logger;
  /** How often to look for pending commits nobody told this relay about (another process's, or a crash's). */
  pollIntervalMs?: number;
  /** Most commits per produce call. */
  batchSize?: number;
}

/** What the relay can tell an operator (no ids, no personal data). */
export interface OutboxBacklog {
  pendingCommits: number;
  oldestPendingAgeMs: number | null;
  setAsideCommits: number;
}

/**
 * Broker answers that no retry will change: the commit is set aside, the rest moves on. Anything
 * else (the broker down, a leader moving) is retried with the whole batch, nothing set aside.
 */
const refusedForGood = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TOPIC_EXCEPTION']);
function isRefusedForGood(error: unknown): boolean {
  const kafkaError = error as { type?: string; name?: string };
  if (error instanceof InvalidEventError) return true;
  if (kafkaError?.type && refusedForGood.has(kafkaError.type)) return true;
  // Not the broker's answer at all (an event type no topic is known for, say): a bug no retry fixes.
  return error instanceof TypeError || error instanceof RangeError;
}

/**
 * Publishes the events of pending commits, at least once: it sends them, then marks the commits
 * published. A crash between the two sends them again on restart; consumers are idempotent by
 * event id.
 *
 * Cost does not grow with the data: a write tells the relay which commit it made (`nudge`), and the
 * relay publishes those by id, many per produce call. Before a commit goes out, the commit before
 * it in its aggregate is looked up by id: if still pending (written by another replica, or left by
 * a crash) it goes first, so an aggregate's events reach the topic in order whoever wrote them,
 * and two replicas' relays at once give duplicates at worst, never a reordering. A sweep by the
 * indexed `outbox` field (at start, then every pollIntervalMs) picks up what nobody announced.
 *
 * A commit the broker refuses for good is set aside with the reason and an error in the log: its
 * aggregate's later commits wait behind it, every other aggregate and collection moves on.
 */
export class OutboxRelay {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly byName: Map<string, Collection>;
  private readonly announced = new Map<string, Set<string>>();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private sweepDue = true;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.batchSize = options.batchSize ?? 200;
    this.byName = new Map(options.collections.map((collection) => [collection.collectionName, collection]));
  }

  /** Indexes the relay's lookups need; commits written before `outbox` existed become pending ones. */
  static async prepare(collection: Collection): Promise<void> {
    const legacy = (await collection.indexes().catch(() => [])).some((index) => index.name === 'outbox');
    await collection.createIndex({ outbox: 1 }, { name: 'outbox_status' });
    if (!legacy) return;
    // Once, on a collection from before the status field (it still has the old range index): the only scan.
    await collection.updateMany({ outbox: { $exists: false }, pendingEvents: { $gt: 0 } }, { $set: { outbox: 'pending' } });
    await collection.dropIndex('outbox');
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.sweepDue = true;
    this.loop = this.run();
  }

  /** Called after a write that added events, so they go out now rather than at the next sweep. */
  nudge(commit?: CommitRef): void {
    if (commit) {
      if (!this.announced.has(commit.collection)) this.announced.set(commit.collection, new Set());
      this.announced.get(commit.collection)!.add(commit.id);
    } else {
      this.sweepDue = true;
    }
    this.nudged = true;
    this.wake?.();
  }

  /** Stops after publishing everything that is waiting. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.flush();
  }

  /** Publishes everything waiting now (announced and swept); returns how many events went out. */
  async flush(): Promise<number> {
    this.sweepDue = true;
    let total = 0;
    for (;;) {
      const published = await this.round();
      total += published;
      if (published === 0 && !this.hasAnnounced()) return total;
    }
  }

  /** How far behind the relay is, for health and metrics: equality lookups on the status index. */
  async backlog(): Promise<OutboxBacklog> {
    let pendingCommits = 0;
    let setAsideCommits = 0;
    let oldest: Date | undefined;
    for (const collection of this.options.collections) {
      pendingCommits += await collection.countDocuments({ outbox: 'pending' });
      setAsideCommits += await collection.countDocuments({ outbox: 'set-aside' });
      const [first] = await collection.find({ outbox: 'pending' }).sort({ committedAt: 1 }).limit(1).project({ committedAt: 1 }).toArray();
      if (first && (!oldest || first['committedAt'] < oldest)) oldest = first['committedAt'] as Date;
    }
    return { pendingCommits, setAsideCommits, oldestPendingAgeMs: oldest ? Date.now() - oldest.getTime() : null };
  }

  private hasAnnounced(): boolean {
    return [...this.announced.values()].some((ids) => ids.size > 0);
  }

  private async run(): Promise<void> {
    let lastSweep = 0;
    while (this.running) {
      this.nudged = false;
      if (Date.now() - lastSweep >= this.pollIntervalMs) {
        this.sweepDue = true;
        lastSweep = Date.now();
      }
      let published = 0;
      try {
        published = await this.round();
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox relay: publishing failed, will retry');
        await this.sleep(Math.max(Math.min(this.pollIntervalMs, 5000), 1000));
        continue;
      }
      if (published === 0 && !this.nudged && !this.hasAnnounced()) await this.sleep(this.pollIntervalMs);
    }
  }

  /** One pass over every collection; a collection that fails does not stop the others. */
  private async round(): Promise<number> {
    const sweep = this.sweepDue;
    this.sweepDue = false;
    let published = 0;
    let failure: unknown;
    for (const collection of this.options.collections) {
      try {
        published += await this.drain(collection, sweep);
      } catch (error) {
        failure ??= error;
        // The commits it was told about are no longer in hand: the next sweep finds them.
        this.sweepDue = true;
      }
    }
    if (failure) throw failure;
    return published;
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

  private async drain(collection: Collection, sweep: boolean): Promise<number> {
    const announcedIds = this.announced.get(collection.collectionName);
    const ids = [...(announcedIds ?? [])].slice(0, this.batchSize);
    const found = (await Promise.all(ids.map((id) => collection.findOne({ _id: id } as Document)))) as unknown as (OutboxCommit | null)[];
    let commits = found.filter((commit): commit is OutboxCommit => commit?.outbox === 'pending');
    if (sweep) {
      const swept = (await collection.find({ outbox: 'pending' }).sort({ aggregateId: 1, version: 1 }).limit(this.batchSize).toArray()) as unknown as OutboxCommit[];
      if (swept.length === this.batchSize) this.sweepDue = true;
      const known = new Set(commits.map((commit) => commit._id));
      commits = [...commits, ...swept.filter((commit) => !known.has(commit._id))];
    }
    ids.forEach((id) => announcedIds?.delete(id));
    if (commits.length === 0) return 0;
    const ordered = await this.inAggregateOrder(collection, commits);
    return this.publish(collection, ordered);
  }

  /**
   * The commits to send, each aggregate's in version order, with any earlier commit of it still
   * pending put first; an aggregate behind a set-aside commit is left waiting.
   */
  private async inAggregateOrder(collection: Collection, commits: OutboxCommit[]): Promise<OutboxCommit[]> {
    const byAggregate = new Map<string, OutboxCommit[]>();
    for (const commit of commits) {
      if (!byAggregate.has(commit.aggregateId)) byAggregate.set(commit.aggregateId, []);
      byAggregate.get(commit.aggregateId)!.push(commit);
    }
    const ordered: OutboxCommit[] = [];
    for (const [aggregateId, own] of byAggregate) {
      own.sort((a, b) => a.version - b.version);
      const chain: OutboxCommit[] = [];
      let blockedBy: string | undefined;
      for (let version = own[0]!.version - 1; version >= 1; version -= 1) {
        const before = (await collection.findOne({ _id: commitId(aggregateId, version) } as Document)) as unknown as OutboxCommit | null;
        if (!before || before.outbox === 'published' || before.outbox === 'none' || (!before.outbox && before.pendingEvents === 0)) break;
        if (before.outbox === 'set-aside') {
          blockedBy = before._id;
          break;
        }
        chain.unshift(before);
      }
      if (blockedBy) {
        // Out of the sweep's way (it would find them again and again), until the one in front goes.
        await Promise.all(own.map((commit) => collection.updateOne({ _id: commit._id } as Document, { $set: { outbox: 'held' } })));
        this.options.logger.warn({ commit: blockedBy, waiting: own.length }, 'outbox relay: commits wait behind a commit set aside');
        continue;
      }
      // Gaps inside `own` (a later commit announced, an earlier one not) are pending commits too.
      for (const commit of own) {
        const last = chain.at(-1);
        for (let version = (last?.version ?? commit.version - 1) + 1; version < commit.version; version += 1) {
          const between = (await collection.findOne({ _id: commitId(aggregateId, version) } as Document)) as unknown as OutboxCommit | null;
          if (between?.outbox === 'pending') chain.push(between);
        }
        chain.push(commit);
      }
      ordered.push(...chain);
    }
    return ordered;
  }

  private async publish(collection: Collection, commits: OutboxCommit[]): Promise<number> {
    try {
      await this.options.publisher.publish(commits.flatMap((commit) => commit.events));
    } catch (error) {
      if (commits.length === 1 || !isRefusedForGood(error)) {
        if (commits.length === 1 && isRefusedForGood(error)) return this.setAside(collection, commits[0]!, error);
        throw error;
      }
      // One of them is refused for good: find which, one at a time, in order.
      let published = 0;
      const blocked = new Set<string>();
      for (const commit of commits) {
        if (blocked.has(commit.aggregateId)) continue;
        try {
          await this.options.publisher.publish(commit.events);
        } catch (single) {
          if (!isRefusedForGood(single)) throw single;
          await this.setAside(collection, commit, single);
          blocked.add(commit.aggregateId);
          continue;
        }
        await this.markPublished(collection, [commit]);
        published += commit.events.length;
      }
      return published;
    }
    await this.markPublished(collection, commits);
    return commits.reduce((sum, commit) => sum + commit.events.length, 0);
  }

  private async markPublished(collection: Collection, commits: OutboxCommit[]): Promise<void> {
    const publishedAt = new Date();
    // By id, each: an update filtered on anything else would scan on FerretDB.
    await Promise.all(
      commits.map((commit) =>
        collection.updateOne({ _id: commit._id } as Document, { $set: { outbox: 'published', pendingEvents: 0, publishedAt } }),
      ),
    );
    this.options.logger.debug({ commits: commits.length }, 'outbox relay: published');
    // A commit set aside and put back by an operator: the commits held behind it go next.
    const lastOf = new Map(commits.map((commit) => [commit.aggregateId, commit.version]));
    await Promise.all(
      [...lastOf].map(async ([aggregateId, version]) => {
        const next = commitId(aggregateId, version + 1);
        const after = (await collection.findOne({ _id: next } as Document, { projection: { outbox: 1 } })) as { outbox?: string } | null;
        if (after?.outbox !== 'held') return;
        await collection.updateOne({ _id: next } as Document, { $set: { outbox: 'pending' } });
        this.nudge({ collection: collection.collectionName, id: next });
      }),
    );
  }

  private async setAside(collection: Collection, commit: OutboxCommit, error: unknown): Promise<number> {
    const reason = String((error as Error)?.message ?? error).slice(0, 2000);
    await collection.updateOne({ _id: commit._id } as Document, { $set: { outbox: 'set-aside', setAside: { at: new Date(), reason } } });
    this.options.logger.error(
      { commit: commit._id, collection: collection.collectionName, reason, alert: 'outbox-commit-set-aside' },
      'outbox relay: the broker refused a commit for good; it is set aside and its aggregate waits (see the operations guide)',
    );
    return 0;
  }
}
