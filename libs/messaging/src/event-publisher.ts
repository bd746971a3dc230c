import type { Kafka, Producer } from 'kafkajs';
import { EventEnvelope, eventCatalog, payloadProblems } from '@mukti/contracts';
import { toKafkaMessage } from './cloudevents-binding';
import { endSpans, startSendSpan, traceparentHeaderOf } from './event-tracing';

export class InvalidEventError extends Error {
  constructor(readonly event: Pick<EventEnvelope, 'id' | 'type'>, readonly problems: string[]) {
    super(`event ${event.id} (${event.type}) does not match its schema: ${problems.join('; ')}`);
  }
}

/** Throws when an event's payload does not match its schema: checked before it is stored or sent. */
export function assertValidEvent(event: EventEnvelope): void {
  const problems = payloadProblems(event.type, event.data);
  if (problems.length > 0) throw new InvalidEventError(event, problems);
}

export type TopicOf = (event: EventEnvelope) => string;
export const catalogTopic: TopicOf = (event) => eventCatalog[event.type].topic;

/**
 * The Kafka record timestamp of an event. By default the producer's clock stamps it to the
 * millisecond; a stream that must not carry the moment (analytics) stamps it with its event's own
 * time instead. The broker refuses a timestamp more than an hour ahead of its clock.
 */
export type RecordTimestampOf = (event: EventEnvelope) => Date | undefined;
export const producerClock: RecordTimestampOf = () => undefined;
export const eventTime: RecordTimestampOf = (event) => new Date(event.time);

/**
 * Sends events with an idempotent producer (acks from all in-sync replicas, one request in
 * flight), so the broker drops the duplicates its own retries would create. Only the outbox
 * relay and the dead-letter path produce; services never send from a request handler.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(
    kafka: Kafka,
    private readonly topicOf: TopicOf = catalogTopic,
    private readonly timestampOf: RecordTimestampOf = producerClock,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  /** Publishes in order; one person's events share a key, hence a partition, hence an order. */
  async publish(events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    events.forEach(assertValidEvent);
    const byTopic = new Map<string, EventEnvelope[]>();
    for (const event of events) {
      const topic = this.topicOf(event);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
    }
    // Each event's send is a span of the trace its command started (see event-tracing).
    const spans = [...byTopic].flatMap(([topic, batch]) => batch.map((event) => startSendSpan(event, topic)));
    let sent = 0;
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, batch]) => ({ topic, messages: batch.map((event) => this.messageOf(event, spans[sent++]!)) })),
      });
    } catch (error) {
      endSpans(spans, error);
      throw error;
    }
    endSpans(spans);
  }

  private messageOf(event: EventEnvelope, span: Parameters<typeof traceparentHeaderOf>[0]) {
    const timestamp = this.timestampOf(event);
    const message = toKafkaMessage(event);
    const traceparent = traceparentHeaderOf(span, event);
    return {
      ...message,
      headers: { ...message.headers, ...(traceparent ? { traceparent } : {}) },
      ...(timestamp ? { timestamp: String(timestamp.getTime()) } : {}),
    };
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    await this.producer.disconnect();
    this.connected = false;
  }
}
