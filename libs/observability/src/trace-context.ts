import { randomBytes, randomUUID } from 'node:crypto';
import { activeSpanContext, clientsPropagateTraceContext, traceparentOfSpan } from './tracing';

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * W3C trace context: where tracing is on, the active span's (so what is recorded with a command,
 * and published with its events, is the span that handled it); else the caller's; else a new trace.
 */
export function traceparentOf(incoming: string | string[] | undefined): string {
  const active = activeSpanContext();
  if (active) return traceparentOfSpan(active);
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  if (value && TRACEPARENT.test(value)) return value;
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/**
 * The trace headers of a call to another service: none while a span is active (the HTTP client's
 * instrumentation adds the one of its own client span; a second would make both unreadable),
 * else the caller's traceparent passed on.
 */
export function traceHeadersFor(incoming: string | string[] | undefined): { traceparent?: string } {
  return activeSpanContext() && clientsPropagateTraceContext() ? {} : { traceparent: traceparentOf(incoming) };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's x-request-id if it is sane, or a new one; it becomes the events' correlation id. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}
