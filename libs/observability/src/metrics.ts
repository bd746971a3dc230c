import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * A service's Prometheus metrics, one registry per application (tests run several in one
 * process). Labels never carry ids or personal data: routes are templates, event types are
 * catalogue names, groups and topics are the platform's.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    this.httpDuration = new Histogram({
      name: 'mukti_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /**
   * Node's own figures (memory, event-loop delay, handles), for a service's process only: their
   * monitors run for the life of the process, which an application inside a test run must not keep.
   */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  /** A gauge read when Prometheus scrapes (lag, backlog): computed from the source, never cached stale. */
  gauge<L extends string>(name: string, help: string, labelNames: L[], read: (set: (labels: Record<L, string>, value: number) => void) => Promise<void>): void {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        await read((labels, value) => this.set(labels as never, value));
      },
    });
  }

  /** A counter whose total lives elsewhere (a consumer's counts since start): copied at scrape. */
  counterFrom<L extends string>(name: string, help: string, labelNames: L[], read: () => { labels: Record<L, string>; value: number }[]): void {
    new Counter<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const { labels, value } of read()) this.inc(labels as never, value);
      },
    });
  }

  private readonly deadlineWatches = new Map<string, () => DeadlineFigures>();

  /**
   * A deadline watch's figures, by what it watches (charge sheets, post-rescue steps...): sweeps,
   * deadlines acted on, failed actions, the overdue ones waiting, and when it last swept (the
   * alert on a sweep that stopped). Several watches of a service share the metrics.
   */
  watchDeadlines(watch: string, read: () => DeadlineFigures): void {
    if (this.deadlineWatches.size === 0) {
      const each = () => [...this.deadlineWatches].map(([name, figures]) => ({ name, figures: figures() }));
      const total = (field: 'sweeps' | 'acted' | 'dropped' | 'failures') => () => each().map(({ name, figures }) => ({ labels: { watch: name }, value: figures[field] }));
      this.counterFrom('mukti_deadline_sweeps_total', 'sweeps for passed deadlines since start', ['watch'], total('sweeps'));
      this.counterFrom('mukti_deadlines_acted_total', 'passed deadlines acted on (an alert raised) since start', ['watch'], total('acted'));
      this.counterFrom('mukti_deadlines_dropped_total', 'passed deadlines their record refused for good (not found, or no longer applies): removed', ['watch'], total('dropped'));
      this.counterFrom('mukti_deadline_failures_total', 'actions on passed deadlines that failed (tried again on the next sweep)', ['watch'], total('failures'));
      this.gauge('mukti_deadlines_overdue', 'deadlines the last sweep found passed and could not act on', ['watch'], async (set) => {
        for (const { name, figures } of each()) set({ watch: name }, figures.overdue);
      });
      this.gauge('mukti_deadline_last_sweep_timestamp_seconds', 'when the watch last swept (unix time); 0 before its first sweep', ['watch'], async (set) => {
        for (const { name, figures } of each()) set({ watch: name }, figures.lastSweepAt ? figures.lastSweepAt.getTime() / 1000 : 0);
      });
    }
    this.deadlineWatches.set(watch, read);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** What a deadline watch has done since its service started (libs/persistence reports it; no ids, no personal data). */
export interface DeadlineFigures {
  sweeps: number;
  /** Deadlines acted on. */
  acted: number;
  /** Deadlines their record refused for good (it does not exist here, or no longer applies): removed, not tried again. */
  dropped: number;
  /** Actions that failed (each is tried again on the next sweep). */
  failures: number;
  /** Deadlines the last sweep found passed and could not act on: they are overdue. */
  overdue: number;
  /** When the last sweep ended; undefined before the first. */
  lastSweepAt?: Date;
}

/** Nest injection token of a service's metrics. */
export const METRICS = Symbol('METRICS');
