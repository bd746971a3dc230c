import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { createLogger } from './logger';
import { traceHeadersFor, traceparentOf } from './trace-context';

// A provider as startTracing registers one (AsyncLocalStorage context, W3C propagation), exporting to memory.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
afterAll(() => provider.shutdown());

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: createLogger('test', 'info', destination), lines };
}

const CALLER = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('logs and trace context while a span is active', () => {
  it('puts the trace and span ids on every line written inside a span, children included, and none outside', async () => {
    const { logger, lines } = capturedLogger();
    const child = logger.child({ component: 'event-consumer' });
    let ids: { traceId: string; spanId: string } | undefined;
    await trace.getTracer('test').startActiveSpan('request', async (span) => {
      ids = span.spanContext();
      logger.info('inside');
      await new Promise((resolve) => setImmediate(resolve));
      child.warn('inside, after an await, from a child logger');
      span.end();
    });
    logger.info('outside');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ msg: 'inside', trace_id: ids!.traceId, span_id: ids!.spanId, service: 'test' });
    expect(lines[1]).toMatchObject({ component: 'event-consumer', trace_id: ids!.traceId, span_id: ids!.spanId });
    expect(lines[2]!['trace_id']).toBeUndefined();
    expect(lines[2]!['span_id']).toBeUndefined();
  });

  it('records with a command the traceparent of the span that handled it, the caller\'s outside any span', () => {
    trace.getTracer('test').startActiveSpan('request', (span) => {
      const { traceId, spanId } = span.spanContext();
      expect(traceparentOf(CALLER)).toBe(`00-${traceId}-${spanId}-01`);
      span.end();
    });
    expect(traceparentOf(CALLER)).toBe(CALLER);
    expect(traceparentOf(undefined)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('passes the caller\'s traceparent on to another service when HTTP clients are not instrumented', () => {
    expect(traceHeadersFor(CALLER)).toEqual({ traceparent: CALLER });
  });
});
