import { randomBytes } from 'node:crypto';
import pino, { Logger } from 'pino';
import { withDatabase } from '../../../tools/run/service-processes.cjs';

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

/** A TCP port free on this machine right now. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
