import type { Kafka } from 'kafkajs';
import { analyticsEventTypes, AnyPillarEventEnvelope, EventEnvelope, PillarEventObservedV1, topics } from '@mukti/contracts';
import { DirectPublishing, TopicSettings } from '@mukti/messaging';
import { entryIdOf } from '../timeline/whose-timeline';
import { analyticsEventId } from './deidentify';

/**
 * Publishes de-identified records to mukti.analytics.v1 from inside the projection's handler: the
 * offset of the source event is committed only once its record is out (at least once), and a
 * record's id is derived from its source event's, so a repetition is recognisably the same record.
 */
export class AnalyticsStream extends DirectPublishing {
  constructor(kafka: Kafka, topicSettings: TopicSettings) {
    super(kafka, [topics.analytics], topicSettings);
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
      // The month, not the moment: no exact dates leave for analysts, not even in headers.
      time: `${record.period}-01T00:00:00.000Z`,
      data: record,
      correlationId: id,
      actor: { id: 'system:projection', role: 'system' },
    };
    await this.publish([event]);
  }
}
