import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { createLogger, startTracing } from '@mukti/observability';
import { startServiceApp } from './service-app';

type LoadedConfig = { LOG_LEVEL: string; BIND_ADDRESS: string; OTEL_EXPORTER_OTLP_ENDPOINT?: string; developmentDefaultsInUse: string[] };

/**
 * A service's main(): read and check the configuration (a bad one stops the start with every
 * problem listed), warn loudly about development secrets, start tracing when an OTLP endpoint is
 * configured, start the HTTP side.
 */
export function runService<C extends LoadedConfig>(options: {
  config: { service: string; load(): C };
  port: (config: C) => number;
  module: (config: C, logger: Logger) => DynamicModule;
  configure?: (app: NestExpressApplication, config: C) => void | Promise<void>;
}): void {
  const start = async () => {
    const config = options.config.load() as C;
    const logger = createLogger(options.config.service, config.LOG_LEVEL);
    if (config.developmentDefaultsInUse.length > 0) {
      logger.warn(
        { variables: config.developmentDefaultsInUse },
        'using public DEVELOPMENT defaults for secrets (MUKTI_DEVELOPMENT_DEFAULTS=true): set these before handling real people',
      );
    }
    if (startTracing(options.config.service, config.OTEL_EXPORTER_OTLP_ENDPOINT)) {
      logger.info({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }, 'tracing: spans exported with OTLP/HTTP');
    }
    const port = options.port(config);
    await startServiceApp(options.module(config, logger), {
      logger,
      port,
      host: config.BIND_ADDRESS,
      configure: options.configure ? (app) => options.configure!(app, config) : undefined,
    });
    logger.info({ port, host: config.BIND_ADDRESS }, `${options.config.service} service listening`);
  };
  start().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
