import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { createKafka, KAFKA } from '@mukti/messaging';
import { LOGGER } from '@mukti/observability';
import { ServiceDatabase } from '@mukti/persistence';
import { StaffAuthGuard, StaffTokenVerifier, TokenSettings } from '@mukti/security';

/**
 * What every service's module provides the same way: its logger, staff-token checking on every
 * endpoint (closed by default), and, where it has them, its own database and its Kafka client.
 */
export function foundationProviders(
  service: string,
  config: TokenSettings & { MONGODB_URI?: string; KAFKA_BROKERS?: string[] },
  logger: Logger,
): Provider[] {
  return [
    { provide: LOGGER, useValue: logger },
    { provide: StaffTokenVerifier, useValue: new StaffTokenVerifier(config) },
    { provide: APP_GUARD, useClass: StaffAuthGuard },
    ...(config.MONGODB_URI ? [{ provide: ServiceDatabase, useFactory: () => ServiceDatabase.connect(config.MONGODB_URI!) }] : []),
    ...(config.KAFKA_BROKERS
      ? [{ provide: KAFKA, useFactory: () => createKafka({ brokers: config.KAFKA_BROKERS!, clientId: `mukti-${service}`, logger }) }]
      : []),
  ];
}
