import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { EventEnvelope } from '@mukti/contracts';
import { traceparentOfSpan } from '@mukti/observability';

/**
 * Kafka in a trace, by this library rather than the kafkajs instrumentation, because an event's
 * trace is the one stored with it, not the one active when it happens to be sent or read:
 * - the outbox relay sends many commits' events in one produce call, long after the requests
 *   that made them; each event gets a `send` span that is a child of the traceparent its commit
 *   stored, and that span's context becomes the message's `traceparent` header;
 * - the consumer reads batches; each event it hands to its handlers gets a `process` span that
 *   is a child of the message's `traceparent`, and the handler (its reads, its writes, its
 *   logs) runs inside it.
 * (The kafkajs instrumentation would parent every message of a send on the one active context,
 * overwriting the header, and put a batch's messages under one root span with mere links.)
 * Attributes name the topic, partition, offset, event id and type, never the key or payload.
 * With tracing off every call here is a no-op and the header keeps the stored traceparent.
 */
const tracer = () => trace.getTracer('@mukti/messaging');

/** The context an event's traceparent continues (the root one when it has none or tracing is off). */
function contextOf(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

const eventAttributes = (event: EventEnvelope, topic: string) => ({
  'messaging.system': 'kafka',
  'messaging.destination.name': topic,
  'messaging.message.id': event.id,
  'cloudevents.event_id': event.id,
  'cloudevents.event_type': event.type,
  'cloudevents.event_source': event.source,
});

/** A `send` span per event, child of the trace its commit stored; ended by `endSpans`. */
export function startSendSpan(event: EventEnvelope, topic: string): Span {
  return tracer().startSpan(
    `send ${topic}`,
    { kind: SpanKind.PRODUCER, attributes: { ...eventAttributes(event, topic), 'messaging.operation.type': 'send', 'messaging.operation.name': 'send' } },
    contextOf(event.traceparent),
  );
}

/** The traceparent header a message carries: its send span's when recorded, else the event's own. */
export function traceparentHeaderOf(span: Span, event: EventEnvelope): string | undefined {
  return span.isRecording() ? traceparentOfSpan(span.spanContext()) : event.traceparent;
}

export function endSpans(spans: readonly Span[], error?: unknown): void {
  for (const span of spans) {
    if (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
    }
    span.end();
  }
}

/**
 * Runs a consumer's handling of one event inside a `process` span, child of the event's
 * traceparent. `failed` tells a handling that gave up (the event is parked) from one that worked.
 */
export async function inProcessSpan<T>(
  event: EventEnvelope,
  where: { topic: string; partition: number; offset: string; group: string },
  handle: () => Promise<T>,
  failed: (result: T) => unknown = () => undefined,
): Promise<T> {
  const span = tracer().startSpan(
    `process ${where.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        ...eventAttributes(event, where.topic),
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.consumer.group.name': where.group,
        'messaging.destination.partition.id': String(where.partition),
        'messaging.kafka.offset': Number(where.offset),
      },
    },
    contextOf(event.traceparent),
  );
  try {
    const result = await context.with(trace.setSpan(context.active(), span), handle);
    const failure = failed(result);
    if (failure) endSpans([span], failure);
    else span.end();
    return result;
  } catch (error) {
    endSpans([span], error);
    throw error;
  }
}
