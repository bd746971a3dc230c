import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { auditEventTypes, EventEnvelope, PersonDataAccessedV1, topics } from '@mukti/contracts';
import { DirectPublishing, TopicSettings } from '@mukti/messaging';

/**
 * Writes the audit trail: the records of one moment of a request (one per person it names) are
 * sent to mukti.audit.v1 together and acknowledged by every in-sync replica before the caller goes on, so a request whose record could not be written is
 * refused rather than left unaudited. The audit service keeps the queryable copy.
 */
export class AuditTrail extends DirectPublishing {
  constructor(kafka: Kafka, topicSettings: TopicSettings) {
    super(kafka, [topics.audit], topicSettings);
  }

  async record(entries: PersonDataAccessedV1[], traceparent?: string): Promise<void> {
    await this.publish(entries.map((entry) => this.recordOf(entry, traceparent)));
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
