import { Kafka, logLevel, LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * Broker answers kafkajs retries by itself, which a fresh broker gives for a moment after a topic
 * or group appears: logged at debug, not as errors (a retry that runs out still throws).
 */
const transientBrokerAnswers = new Set([
  'This server is not the leader for that topic-partition',
  'This server does not host this topic-partition',
  'The coordinator is loading and hence can\'t process requests for this group',
  'The group coordinator is not available',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
]);

/** The one way a service gets a Kafka client: its logs go to the service's pino logger. */
export function createKafka(options: { brokers: string[]; clientId: string; logger: Logger }): Kafka {
  const logger = options.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 5000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        const transient = level === logLevel.ERROR && transientBrokerAnswers.has(String((extra as { error?: unknown }).error));
        logger[transient ? 'debug' : (levels[level] ?? 'info')]({ ...extra, kafkaNamespace: undefined }, message);
      },
  });
}

/** Nest injection token of a service's Kafka client. */
export const KAFKA = Symbol('KAFKA');
