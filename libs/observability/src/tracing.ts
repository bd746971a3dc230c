import { context, isSpanContextValid, trace, type SpanContext } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry traces, on when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT, see
 * commonVariables) and off otherwise: then nothing below is even loaded, no span is recorded and
 * the `@opentelemetry/api` calls in the code are no-ops.
 *
 * Two steps, because instrumentation works by patching modules as they are first required:
 * `instrumentForTracing()` runs before the framework, the MongoDB driver or an HTTP client is
 * loaded (libs/http imports `./tracing-preload` first); `startTracing(service)` then gives the
 * instrumentations a provider that names the service and exports in OTLP/HTTP (JSON).
 *
 * What is traced: HTTP in and out (node:http server, fetch for the gateway's calls), Express
 * routing, MongoDB commands (collection, operation and top-level field names, never values), and Kafka through
 * libs/messaging's own spans (`publishSpan`, `consumeSpan`), which follow each event's stored
 * `traceparent` across the outbox. Health probes and metric scrapes are not traced, and nothing
 * is traced outside a request or an event (the relay's polling, the consumer's bookkeeping).
 */

/** The endpoint tracing exports to, or undefined when it is off. Read from the environment as the config declares it. */
export function tracingEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  return value ? value : undefined;
}

let instrumented = false;
let provider: NodeTracerProvider | undefined;

/**
 * Patches HTTP, Express, fetch and the MongoDB driver, if tracing is configured. Must run before
 * those modules are first required; does nothing the second time or when tracing is off.
 */
export function instrumentForTracing(env: NodeJS.ProcessEnv = process.env): boolean {
  if (instrumented || !tracingEndpoint(env)) return instrumented;
  instrumented = true;
  // Required here, not imported: loaded only when tracing is on.
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { MongoDBInstrumentation } = require('@opentelemetry/instrumentation-mongodb') as typeof import('@opentelemetry/instrumentation-mongodb');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const untraced = (path: string | undefined) => !!path && (path.startsWith('/health') || path.startsWith('/metrics'));
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => untraced(request.url),
        // Outgoing calls only as part of something traced (never the exporter's own posts).
        requireParentforOutgoingSpans: true,
      }),
      new ExpressInstrumentation(),
      new UndiciInstrumentation({ requireParentforSpans: true, ignoreRequestHook: (request) => untraced(request.path) }),
      // Commands of a request or an event only: the relay's and the consumer's polling would be noise.
      // A command's top-level field names only: nested keys can be ids (a case team keyed by staff id).
      new MongoDBInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false, dbStatementSerializer: (command) => Object.keys(command).join(' ') }),
    ],
  });
  return true;
}

/**
 * Starts exporting the service's spans (a batch every second) to `${endpoint}/v1/traces` in
 * OTLP/HTTP JSON, with W3C trace context propagation. Returns false when tracing is off.
 */
export function startTracing(service: string, endpoint = tracingEndpoint()): boolean {
  if (!endpoint || provider) return !!provider;
  instrumentForTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
  const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const url = new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'mukti' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  return true;
}

/** True once fetch and node:http are instrumented: they then carry the trace context themselves. */
export function clientsPropagateTraceContext(): boolean {
  return instrumented;
}

/** Sends the spans still buffered and stops tracing (at shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  await stopping?.shutdown();
}

/** The active span's context, when one is being recorded or was continued from a caller. */
export function activeSpanContext(): SpanContext | undefined {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** A span context as a W3C traceparent header value. */
export function traceparentOfSpan(spanContext: SpanContext): string {
  return `00-${spanContext.traceId}-${spanContext.spanId}-${(spanContext.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/**
 * What every log line carries while a span is active: its trace and span ids (the names the
 * OpenTelemetry log data model uses), so a line can be found from its trace and back.
 */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const spanContext = activeSpanContext();
  return spanContext ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}
