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

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Nest injection token of a service's metrics. */
export const METRICS = Symbol('METRICS');
