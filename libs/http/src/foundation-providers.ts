import type { Provider } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import type { KafkaConnectionSettings } from '@mukti/config';
import { consumerLag, createKafka, deadLetterCount, EventConsumer, KAFKA, kafkaHealthCheck, OutboxPublishing } from '@mukti/messaging';
import { deadLetterTopicOf } from '@mukti/contracts';
import { LOGGER, METRICS, ServiceMetrics } from '@mukti/observability';
import { Clock, CLOCK, systemClock } from '@mukti/decider';
import { ServiceDatabase } from '@mukti/persistence';
import { PrincipalVerifier, ServiceTokenVerifier, StaffAuthGuard, StaffTokenVerifier, TokenSettings } from '@mukti/security';
import { HEALTH_CHECKS, HealthCheck } from './health';

/** Whom a service believes, as its configuration says: the gateway, staff tokens; every service behind it, only the gateway's service tokens. */
type CallerSettings = TokenSettings | { SERVICE_TOKEN_PUBLIC_KEY: string };

function principalVerifierFor(config: CallerSettings): PrincipalVerifier {
  return 'SERVICE_TOKEN_PUBLIC_KEY' in config ? new ServiceTokenVerifier(config.SERVICE_TOKEN_PUBLIC_KEY) : new StaffTokenVerifier(config);
}

/**
 * What every service's module provides the same way: its logger, its clock, token checking on every
 * endpoint (closed by default), and, where it has them, its own database and its Kafka client.
 */
export function foundationProviders(
  service: string,
  config: CallerSettings & { MONGODB_URI?: string } & (KafkaConnectionSettings | { KAFKA_BROKERS?: undefined }),
  logger: Logger,
  clock: Clock = systemClock,
): Provider[] {
  return [
    { provide: LOGGER, useValue: logger },
    { provide: METRICS, useValue: new ServiceMetrics(service) },
    // Where "now" comes from, for commands and deadlines: tests give their own.
    { provide: CLOCK, useValue: clock },
    { provide: PrincipalVerifier, useValue: principalVerifierFor(config) },
    { provide: APP_GUARD, useClass: StaffAuthGuard },
    ...(config.MONGODB_URI ? [{ provide: ServiceDatabase, useFactory: () => ServiceDatabase.connect(config.MONGODB_URI!) }] : []),
    ...(config.KAFKA_BROKERS
      ? [{ provide: KAFKA, useFactory: () => createKafka({ connection: config as KafkaConnectionSettings, clientId: `mukti-${service}`, logger }) }]
      : []),
  ];
}

/**
 * Readiness of a service that owns a database and talks to Kafka: both answer. A consuming
 * service also reports how far behind its topics it is and how many messages it has parked; a
 * producing one, its outbox backlog (commits waiting, the oldest one's age, commits set aside).
 * The backlog and dead letters are reported, not judged: a poison commit or event must not take
 * the service out of rotation, it must be seen.
 */
export function serviceHealthChecks(consumer?: { groupId: string; topics: string[] }): Provider {
  return {
    provide: HEALTH_CHECKS,
    inject: [ServiceDatabase, KAFKA, METRICS, { token: OutboxPublishing, optional: true }, { token: EventConsumer, optional: true }],
    useFactory: (database: ServiceDatabase, kafka: Kafka, metrics: ServiceMetrics, publishing?: OutboxPublishing, events?: EventConsumer) => {
      const checks = serviceChecks(database, kafka, consumer, publishing, events);
      watchOnMetrics(metrics, checks.kafka.admin, consumer, publishing, events);
      return [checks.database, checks.kafka, ...checks.outbox];
    },
  };
}

/** What an operator watches, from the same sources as readiness: lag, dead letters, events, the outbox. */
function watchOnMetrics(
  metrics: ServiceMetrics,
  connected: () => Promise<Admin>,
  consumer: { groupId: string; topics: string[] } | undefined,
  publishing?: OutboxPublishing,
  events?: EventConsumer,
): void {
  if (consumer) {
    metrics.gauge('mukti_consumer_lag_messages', 'messages on a topic partition the consumer group has not committed yet', ['group', 'topic', 'partition'], async (set) => {
      const lag = await consumerLag(await connected(), consumer.groupId, consumer.topics);
      for (const { topic, partition, behind } of lag.byPartition) set({ group: consumer.groupId, topic, partition: String(partition) }, behind);
    });
    metrics.gauge('mukti_dead_letters_messages', 'messages the consumer group has ever parked', ['group'], async (set) =>
      set({ group: consumer.groupId }, await deadLetterCount(await connected(), deadLetterTopicOf(consumer.groupId))),
    );
  }
  if (events) {
    const byType = () => Object.entries(events.stats().byType);
    metrics.counterFrom('mukti_events_handled_total', 'events handled since start, by type', ['type'], () =>
      byType().map(([type, counts]) => ({ labels: { type }, value: counts.handled })),
    );
    metrics.counterFrom('mukti_events_dead_lettered_total', 'events parked since start, by type', ['type'], () =>
      byType().map(([type, counts]) => ({ labels: { type }, value: counts.deadLettered })),
    );
  }
  if (publishing) {
    // One read of the backlog per scrape, shared by its three gauges (collected side by side).
    let reading: { at: number; backlog: ReturnType<OutboxPublishing['relay']['backlog']> } | undefined;
    const backlog = () => {
      if (!reading || Date.now() - reading.at > 1000) reading = { at: Date.now(), backlog: publishing.relay.backlog() };
      return reading.backlog;
    };
    metrics.gauge('mukti_outbox_pending_commits', 'commits whose events are not published yet', [], async (set) => set({}, (await backlog()).pendingCommits));
    metrics.gauge('mukti_outbox_oldest_pending_age_seconds', 'how long the oldest unpublished commit has waited', [], async (set) =>
      set({}, ((await backlog()).oldestPendingAgeMs ?? 0) / 1000),
    );
    metrics.gauge('mukti_outbox_set_aside_commits', 'commits the broker refused for good, waiting for an operator', [], async (set) =>
      set({}, (await backlog()).setAsideCommits),
    );
  }
}

function serviceChecks(
  database: ServiceDatabase,
  kafka: Kafka,
  consumer: { groupId: string; topics: string[] } | undefined,
  publishing?: OutboxPublishing,
  events?: EventConsumer,
) {
  return {
    database: { name: 'database', check: () => database.ping() } as HealthCheck,
    kafka: kafkaHealthCheck(
      kafka,
      consumer &&
        (async (admin) => ({
          consumerGroup: consumer.groupId,
          lag: await consumerLag(admin, consumer.groupId, consumer.topics),
          deadLetters: await deadLetterCount(admin, deadLetterTopicOf(consumer.groupId)),
          // Since this process started: events handled, parked, and of types it does not know (skipped).
          ...(events ? { sinceStart: events.stats() } : {}),
        })),
    ),
    outbox: (publishing ? [{ name: 'outbox', check: () => publishing.relay.backlog() as unknown as Promise<Record<string, unknown>> }] : []) as HealthCheck[],
  };
}
