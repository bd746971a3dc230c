/**
 * Topics of the platform: one per producing service, versioned. Created by the services with
 * explicit partitions and retention (auto-creation is off on the brokers). Retention is forever:
 * the topics are the record the projection is rebuilt from; erasure works by destroying a
 * person's data key, not by deleting messages.
 */
export const topics = {
  intakeEvents: 'mukti.intake.events.v1',
  rescueEvents: 'mukti.rescue.events.v1',
  rehabilitationEvents: 'mukti.rehabilitation.events.v1',
  legalEvents: 'mukti.legal.events.v1',
  livelihoodEvents: 'mukti.livelihood.events.v1',
  /** Who looked at or changed whose record: append-only, kept forever, names people by id only. */
  audit: 'mukti.audit.v1',
  /** De-identified: every pillar event without anything that identifies a person (docs/asyncapi.yaml). */
  analytics: 'mukti.analytics.v1',
} as const;

export type Topic = (typeof topics)[keyof typeof topics];

/**
 * The one producer (its CloudEvents source) that writes each topic: a consumer refuses an event
 * that claims another source, or that arrived on a topic its type does not belong to.
 */
export const topicProducers: Record<Topic, string> = {
  [topics.intakeEvents]: '/mukti/intake',
  [topics.rescueEvents]: '/mukti/rescue',
  [topics.rehabilitationEvents]: '/mukti/rehabilitation',
  [topics.legalEvents]: '/mukti/legal',
  [topics.livelihoodEvents]: '/mukti/livelihood',
  [topics.audit]: '/mukti/gateway',
  [topics.analytics]: '/mukti/projection',
};

/** A platform topic's producer, or undefined for a topic the platform does not know (a test's own). */
export function producerOf(topic: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(topicProducers, topic) ? topicProducers[topic as Topic] : undefined;
}

/** Where a consumer group parks the messages it could not handle, with the reason. */
export function deadLetterTopicOf(consumerGroup: string): string {
  return `${consumerGroup}.dead-letters.v1`;
}

/**
 * Where `npm run redrive` puts a group's dead letters back, in their order: only that group reads
 * it, so a redrive never shows other groups an event twice or out of place.
 */
export function redriveTopicOf(consumerGroup: string): string {
  return `${consumerGroup}.redrive.v1`;
}

/** Kafka topic configuration for every topic the platform creates. */
export const eventTopicConfig = {
  'retention.ms': '-1',
  'cleanup.policy': 'delete',
  'min.insync.replicas': '1',
} as const;
