import { Kafka, logLevel, LogEntry, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { Logger } from 'pino';
import type { KafkaConnectionSettings } from '@mukti/config';

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

/**
 * The brokers, and who this client is to them: SASL/SCRAM as its own principal, TLS when asked.
 * The one place every service, tool and test helper turns its configuration into kafkajs options.
 */
export function kafkaConnection(settings: KafkaConnectionSettings): Pick<KafkaConfig, 'brokers' | 'sasl' | 'ssl'> {
  return {
    brokers: settings.KAFKA_BROKERS,
    sasl: { mechanism: settings.KAFKA_SASL_MECHANISM, username: settings.KAFKA_SASL_USERNAME, password: settings.KAFKA_SASL_PASSWORD } as SASLOptions,
    ssl: settings.KAFKA_SSL,
  };
}

/** The one way a service or tool gets a Kafka client: authenticated, and logging to its pino logger. */
export function createKafka(options: { connection: KafkaConnectionSettings; clientId: string; logger: Logger }): Kafka {
  const logger = options.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: options.clientId,
    ...kafkaConnection(options.connection),
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
