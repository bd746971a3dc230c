import type { Provider } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { consumerLag, createKafka, deadLetterCount, EventConsumer, KAFKA, kafkaHealthCheck, OutboxPublishing } from '@mukti/messaging';
import { deadLetterTopicOf } from '@mukti/contracts';
import { LOGGER } from '@mukti/observability';
import { Clock, CLOCK, systemClock } from '@mukti/decider';
import { ServiceDatabase } from '@mukti/persistence';
import { PrincipalVerifier, ServiceTokenVerifier, StaffAuthGuard, StaffTokenVerifier, TokenSettings } from '@mukti/security';
import { HEALTH_CHECKS } from './health';

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
  config: CallerSettings & { MONGODB_URI?: string; KAFKA_BROKERS?: string[] },
  logger: Logger,
  clock: Clock = systemClock,
): Provider[] {
  return [
    { provide: LOGGER, useValue: logger },
    // Where "now" comes from, for commands and deadlines: tests give their own.
    { provide: CLOCK, useValue: clock },
    { provide: PrincipalVerifier, useValue: principalVerifierFor(config) },
    { provide: APP_GUARD, useClass: StaffAuthGuard },
    ...(config.MONGODB_URI ? [{ provide: ServiceDatabase, useFactory: () => ServiceDatabase.connect(config.MONGODB_URI!) }] : []),
    ...(config.KAFKA_BROKERS
      ? [{ provide: KAFKA, useFactory: () => createKafka({ brokers: config.KAFKA_BROKERS!, clientId: `mukti-${service}`, logger }) }]
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
    inject: [ServiceDatabase, KAFKA, { token: OutboxPublishing, optional: true }, { token: EventConsumer, optional: true }],
    useFactory: (database: ServiceDatabase, kafka: Kafka, publishing?: OutboxPublishing, events?: EventConsumer) => [
      { name: 'database', check: () => database.ping() },
      kafkaHealthCheck(
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
      ...(publishing ? [{ name: 'outbox', check: () => publishing.relay.backlog() as unknown as Promise<Record<string, unknown>> }] : []),
    ],
  };
}
