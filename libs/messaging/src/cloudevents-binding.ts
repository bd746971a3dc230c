/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel as ce_*
 * headers, the payload as the message value (JSON), and the key is the subject so one person's
 * events stay in order within a topic. Decoding checks the attributes and the payload schema;
 * a message that fails either is not an event the platform can act on.
 */
import type { IHeaders, Message } from 'kafkajs';
import { AnyEventEnvelope, EventEnvelope, eventCatalog, isKnownEventType, producerOf, readPayload } from '@mukti/contracts';

export const CONTENT_TYPE = 'application/json';

export function toKafkaMessage(event: EventEnvelope): Message {
  const headers: IHeaders = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_time: event.time,
    ce_subject: event.subject,
    'content-type': CONTENT_TYPE,
    ce_correlationid: event.correlationId,
    ce_actorid: event.actor.id,
    ce_actorrole: event.actor.role,
  };
  if (event.causationId) headers['ce_causationid'] = event.causationId;
  if (event.traceparent) headers['traceparent'] = event.traceparent;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

/**
 * A decoded message: an event, or why it is not one. `unknownType` marks a well-formed message of
 * a type this build does not know (a newer producer): readers skip it rather than park it.
 */
export type Decoded = { ok: true; event: AnyEventEnvelope } | { ok: false; problems: string[]; unknownType?: string };

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined || value === null) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

const required = ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject'] as const;

export function fromKafkaMessage(message: {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: IHeaders;
}): Decoded {
  const header = (name: string) => headerText(message.headers, name);
  const problems = required.filter((name) => !header(name)).map((name) => `header ${name}: missing`);
  if (problems.length > 0) return { ok: false, problems };
  if (header('ce_specversion') !== '1.0') problems.push(`header ce_specversion: "${header('ce_specversion')}" is not 1.0`);
  const contentType = header('content-type');
  if (contentType && !contentType.startsWith(CONTENT_TYPE)) problems.push(`header content-type: "${contentType}" is not JSON`);
  const type = header('ce_type')!;
  if (problems.length === 0 && !isKnownEventType(type)) {
    return { ok: false, problems: [`header ce_type: unknown event type "${type}"`], unknownType: type };
  }
  const key = message.key === null || message.key === undefined ? undefined : message.key.toString();
  if (key !== header('ce_subject')) problems.push('key: differs from ce_subject');
  if (!header('ce_actorid') || !header('ce_correlationid')) problems.push('header ce_actorid/ce_correlationid: missing');
  let data: unknown;
  try {
    data = JSON.parse(message.value === null ? 'null' : message.value.toString());
  } catch (error) {
    problems.push(`value: not JSON (${(error as Error).message})`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const payload = readPayload(type as AnyEventEnvelope['type'], data);
  if (payload.problems.length > 0) return { ok: false, problems: payload.problems.map((problem) => `data${problem}`) };
  data = payload.data;
  const event = {
    id: header('ce_id')!,
    type,
    source: header('ce_source')!,
    subject: header('ce_subject')!,
    time: header('ce_time')!,
    data,
    correlationId: header('ce_correlationid')!,
    causationId: header('ce_causationid'),
    actor: { id: header('ce_actorid')!, role: header('ce_actorrole') ?? 'unknown' },
    traceparent: header('traceparent'),
  } as AnyEventEnvelope;
  return { ok: true, event };
}

/**
 * Why an event cannot have come from the producer that owns its topic, if it cannot: a forged
 * staff-assigned on the intake topic would put anyone on a case team in five services.
 */
export function notFromItsProducer(event: Pick<EventEnvelope, 'type' | 'source'>, topic: string): string | undefined {
  const producer = producerOf(topic);
  if (producer === undefined) return undefined;
  if (event.source !== producer) return `ce_source "${event.source}" is not ${producer}, the producer of ${topic}`;
  if (eventCatalog[event.type].topic !== topic) return `ce_type "${event.type}" does not belong on ${topic}`;
  return undefined;
}
