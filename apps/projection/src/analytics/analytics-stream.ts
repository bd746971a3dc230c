import type { Kafka } from 'kafkajs';
import { analyticsEventTypes, AnyPillarEventEnvelope, EventEnvelope, PillarEventObservedV1, topics } from '@mukti/contracts';
import { catalogTopic, DirectPublishing, eventTime, TopicSettings } from '@mukti/messaging';
import { entryIdOf } from '../timeline/whose-timeline';
import { analyticsEventId } from './deidentify';

/**
 * The month, not the moment: the first instant (UTC) of the record's month. It is the record's
 * ce_time and its Kafka timestamp alike, so nothing on the wire says when within the month it
 * happened, and a child's records (each with a fresh pseudonym) share their time with everything
 * else of that month. A month still ahead of the clock is stamped with the current one: the broker
 * refuses timestamps from the future.
 */
export function monthStamp(period: string, now: Date = new Date()): Date {
  const [year, month] = period.split('-').map(Number);
  const start = Date.UTC(year, month - 1, 1);
  const current = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return new Date(start > now.getTime() ? current : start);
}

/**
 * Publishes de-identified records to mukti.analytics.v1 from inside the projection's handler: the
 * offset of the source event is committed only once its record is out (at least once), and a
 * record's id is derived from its source event's, so a repetition is recognisably the same record.
 */
export class AnalyticsStream extends DirectPublishing {
  constructor(kafka: Kafka, topicSettings: TopicSettings) {
    super(kafka, [topics.analytics], topicSettings, catalogTopic, eventTime);
  }

  /** personId: whom the record is about, when that is not the source's subject (a victim of the case, or a person the prevention plan covers, whose event it is). */
  async publishRecord(record: PillarEventObservedV1, source: AnyPillarEventEnvelope, personId: string = source.subject): Promise<void> {
    // One record per source event and person: her record of a case's or plan's event has its own id, and keeps it when republished.
    const id = analyticsEventId(entryIdOf(source, personId));
    const event: EventEnvelope<typeof analyticsEventTypes.pillarEventObserved> = {
      id,
      type: analyticsEventTypes.pillarEventObserved,
      source: '/mukti/projection',
      subject: record.pseudonym,
      time: monthStamp(record.period).toISOString(),
      data: record,
      correlationId: id,
      actor: { id: 'system:projection', role: 'system' },
    };
    await this.publish([event]);
  }
}
