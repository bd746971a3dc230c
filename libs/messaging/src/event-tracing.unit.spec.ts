import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { EventEnvelope } from '@mukti/contracts';
import { endSpans, inProcessSpan, startSendSpan, traceparentHeaderOf } from './event-tracing';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
afterAll(() => provider.shutdown());
beforeEach(() => exporter.reset());

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const REQUEST_SPAN = '00f067aa0ba902b7';

function event(traceparent?: string): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'intake.person-registered.v1',
    source: 'mukti/intake',
    subject: randomUUID(),
    time: new Date().toISOString(),
    correlationId: randomUUID(),
    actor: { id: 'staff-1', role: 'caseworker' },
    data: {},
    ...(traceparent ? { traceparent } : {}),
  } as unknown as EventEnvelope;
}

describe('an event in the trace of the request that caused it', () => {
  it('sends each event in a span that is a child of its stored traceparent, and passes that span on in the header', () => {
    const stored = event(`00-${TRACE}-${REQUEST_SPAN}-01`);
    const span = startSendSpan(stored, 'mukti.intake.people');
    const header = traceparentHeaderOf(span, stored);
    endSpans([span]);
    const [sent] = exporter.getFinishedSpans();
    expect(sent!.spanContext().traceId).toBe(TRACE);
    expect(sent!.parentSpanContext?.spanId).toBe(REQUEST_SPAN);
    expect(sent!.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': 'mukti.intake.people', 'cloudevents.event_id': stored.id });
    expect(header).toBe(`00-${TRACE}-${sent!.spanContext().spanId}-01`);
  });

  it('handles a received event inside a process span, child of the message\'s traceparent, whatever span was active', async () => {
    const sendSpan = 'a3ce929d0e0e4736';
    const received = event(`00-${TRACE}-${sendSpan}-01`);
    let activeInHandler: string | undefined;
    await trace.getTracer('test').startActiveSpan('batch', async (batch) => {
      await inProcessSpan(received, { topic: 'mukti.intake.people', partition: 2, offset: '41', group: 'projection' }, async () => {
        activeInHandler = trace.getActiveSpan()?.spanContext().spanId;
      });
      batch.end();
    });
    const processed = exporter.getFinishedSpans().find((span) => span.name === 'process mukti.intake.people')!;
    expect(processed.spanContext().traceId).toBe(TRACE);
    expect(processed.parentSpanContext?.spanId).toBe(sendSpan);
    expect(activeInHandler).toBe(processed.spanContext().spanId);
    expect(processed.attributes).toMatchObject({ 'messaging.consumer.group.name': 'projection', 'messaging.kafka.offset': 41 });
  });

  it('marks a handling that gave up as an error', async () => {
    await inProcessSpan(event(), { topic: 't', partition: 0, offset: '0', group: 'g' }, async () => ({ error: new Error('no') }), (outcome) => outcome.error);
    expect(exporter.getFinishedSpans()[0]!.status).toMatchObject({ code: 2, message: 'no' });
  });

  it('keeps the stored traceparent in the header when the span is not recorded (tracing off)', () => {
    const stored = event(`00-${TRACE}-${REQUEST_SPAN}-01`);
    const notRecorded = trace.wrapSpanContext({ traceId: TRACE, spanId: REQUEST_SPAN, traceFlags: 1 });
    expect(traceparentHeaderOf(notRecorded, stored)).toBe(stored.traceparent);
  });
});
