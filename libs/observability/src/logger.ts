import pino, { Logger } from 'pino';
import { traceFields } from './tracing';

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

/**
 * The one logger setup: pino JSON on stdout, with the service name on every line, and the trace
 * and span ids on every line written while a span is active (tracing on: a request, an event).
 */
export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      mixin: traceFields,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    destination,
  );
}

/** Nest injection token for the service's pino logger. */
export const LOGGER = Symbol('LOGGER');
