import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { auditEventTypes, EventEnvelope, PersonDataAccessedV1, topics } from '@mukti/contracts';
import { DirectPublishing, TopicSettings } from '@mukti/messaging';
import type { ServiceMetrics } from '@mukti/observability';
import { Histogram } from 'prom-client';

/**
 * Writes the audit trail: the records of one moment of a request (one per person it names) are
 * sent to mukti.audit.v1 together and acknowledged by every in-sync replica before the caller goes on, so a request whose record could not be written is
 * refused rather than left unaudited. The audit service keeps the queryable copy.
 */
export class AuditTrail extends DirectPublishing {
  /** How long a request waits for its records to be acknowledged (every request on a person pays it before it goes on). */
  private readonly writeDuration?: Histogram<'outcome' | 'result'>;

  constructor(kafka: Kafka, topicSettings: TopicSettings, metrics?: ServiceMetrics) {
    super(kafka, [topics.audit], topicSettings);
    if (metrics) {
      this.writeDuration = new Histogram({
        name: 'mukti_audit_write_duration_seconds',
        help: 'writing a moment of a request to the audit trail, until every in-sync replica acknowledged it, by the moment recorded and whether it was written',
        labelNames: ['outcome', 'result'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [metrics.registry],
      });
    }
  }

  async record(entries: PersonDataAccessedV1[], traceparent?: string): Promise<void> {
    const timer = this.writeDuration?.startTimer({ outcome: entries[0]?.outcome ?? 'requested' });
    try {
      await this.publish(entries.map((entry) => this.recordOf(entry, traceparent)));
      timer?.({ result: 'written' });
    } catch (error) {
      timer?.({ result: 'failed' });
      throw error;
    }
  }

  private recordOf(entry: PersonDataAccessedV1, traceparent?: string): EventEnvelope<typeof auditEventTypes.personDataAccessed> {
    return {
      id: randomUUID(),
      type: auditEventTypes.personDataAccessed,
      source: '/mukti/gateway',
      // A registration's request record has no person yet: it is keyed by the request.
      subject: entry.personId ?? `request:${entry.requestId}`,
      time: entry.at,
      data: entry,
      correlationId: entry.requestId,
      actor: { id: entry.staffId, role: entry.staffRole },
      traceparent,
    };
  }
}
