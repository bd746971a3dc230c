import { randomBytes } from 'node:crypto';
import pino, { Logger } from 'pino';
import type { Kafka } from 'kafkajs';
import { developmentKafkaPassword, KafkaConnectionSettings } from '@mukti/config';
import { provisioningPrincipal } from '@mukti/contracts';
import { createKafka } from '@mukti/messaging';
import { freePort, withDatabase } from '../../../tools/run/service-processes.cjs';

/**
 * The broker and store of this test run (npm test provisions them and sets KAFKA_BROKERS and
 * MONGODB_URI). Tests share them and stay apart by unique topics, groups and databases.
 */
export const testInfrastructure = {
  kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  mongodbUri: process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017',
};

/** A name no other test (or earlier run) uses: test-outbox-lq2x3f-9a1c. */
export function uniqueName(prefix: string): string {
  return `test-${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** A fresh database on the test store. */
export function uniqueDatabaseUri(prefix: string): string {
  return withDatabase(testInfrastructure.mongodbUri, uniqueName(prefix));
}

/** Quiet unless TEST_LOG_LEVEL asks otherwise. */
export function testLogger(): Logger {
  return pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
}

/** A TCP port free on this machine right now (the one helper the platform's start-up uses too). */
export { freePort };

/**
 * How a test connects to the test broker as a given principal, with its development password
 * (the local broker is formatted with those; see tools/infra).
 */
export function kafkaConnectionAs(principal: string, password = developmentKafkaPassword(principal)): KafkaConnectionSettings {
  return {
    KAFKA_BROKERS: testInfrastructure.kafkaBrokers,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: principal,
    KAFKA_SASL_PASSWORD: password,
    KAFKA_SSL: false,
  };
}

/** The super-user's connection to the test broker. */
export function superUserKafkaConnection(): KafkaConnectionSettings {
  return kafkaConnectionAs(provisioningPrincipal);
}

/**
 * A Kafka client of the test harness. It connects as the super-user: tests make topics and
 * groups of their own names, which no service principal may touch (kafka-access.int.spec.ts
 * shows what each principal may do).
 */
export function testKafka(clientId: string): Kafka {
  return createKafka({ connection: kafkaConnectionAs(provisioningPrincipal), clientId, logger: testLogger() });
}

/**
 * Environment for a service's configuration in an integration test that gives it a consumer
 * group or topics of the test's own: it connects as the super-user, for the same reason.
 */
export function superUserKafkaEnvironment(): Record<string, string> {
  return {
    KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
    KAFKA_SASL_USERNAME: provisioningPrincipal,
    KAFKA_SASL_PASSWORD: developmentKafkaPassword(provisioningPrincipal),
  };
}
