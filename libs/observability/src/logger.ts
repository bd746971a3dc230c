import pino, { Logger } from 'pino';

/**
 * Paths that must never reach a log line in clear: credentials, and personal data should it
 * ever be logged by mistake (request bodies are not logged, but an error may carry one).
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.name',
  '*.aliases',
  '*.phone',
  '*.address',
  '*.birthDate',
  '*.personalData',
  '*.password',
  '*.token',
];

/** The one logger setup: pino JSON on stdout, with the service name on every line. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
  });
}

/** Nest injection token for the service's pino logger. */
export const LOGGER = Symbol('LOGGER');
