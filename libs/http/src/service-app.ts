import { DynamicModule, INestApplication, LoggerService, RequestMethod } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger as NestPinoLogger, LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { EventConsumer, EventTransport } from '@mukti/messaging';
import { METRICS, requestIdOf, ServiceMetrics, stopTracing } from '@mukti/observability';
import type { NextFunction, Request, Response } from 'express';
import { refuseUnreasonableBodies } from './body-shape';
import { refuseMalformedIdempotencyKeys } from './request-context';
import { ErrorFilter, errorBody } from './error.filter';
import { requestValidationPipe } from './validation';

/** Request logging for a service: one line per request with its id; health probes are not logged. */
export function requestLogging(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({
    // Nest 11's path syntax for "every route" (nestjs-pino's default "*" is the old one).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      logger,
      // The id was given before the body was parsed (assignRequestId), so body errors carry it too.
      genReqId: (request, response) => (request as Request).id ?? assignRequestId(request as Request, response as Response),
      autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/health') },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  });
}

/** The request's id: the caller's x-request-id when it is a sane one, else a new one; echoed in the answer. */
function assignRequestId(request: Request, response: Response): string {
  const id = requestIdOf(request.headers['x-request-id']);
  request.id = id;
  response.setHeader('x-request-id', id);
  return id;
}

/** Nest's start-up chatter (every module loaded, every route mapped) goes to debug, not info. */
const chattyContexts = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);
function quietFramework(logger: NestPinoLogger): LoggerService {
  return {
    log: (message: unknown, ...rest: unknown[]) =>
      chattyContexts.has(String(rest.at(-1))) ? logger.debug(message, ...rest) : logger.log(message, ...rest),
    error: (message: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => logger.debug(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => logger.verbose(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => logger.fatal(message, ...rest),
  };
}

export interface ServiceAppOptions {
  logger: Logger;
  port: number;
  /** The interface to listen on (BIND_ADDRESS): the loopback on a workstation, 0.0.0.0 in a container. */
  host: string;
  /** Largest JSON body accepted; larger is a 413. */
  bodyLimit?: string;
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

/**
 * Starts a service the same way everywhere, HTTP and events together (a hybrid application): its
 * HTTP side with pino logging, security headers, a body size, depth and key-count limit, request
 * validation and one error shape; its `@EventPattern` handlers fed by its consumer, once every
 * module has started (publishers connected, watches running); and graceful shutdown on SIGTERM/SIGINT
 * (Nest calls each module's shutdown hooks: consumers stop, relays flush, connections close).
 */
export async function startServiceApp(module: unknown, options: ServiceAppOptions): Promise<INestApplication> {
  const app = await createServiceApp(module, options);
  try {
    app.get<ServiceMetrics>(METRICS, { strict: false }).collectProcessMetrics();
  } catch {
    // No metrics in this module.
  }
  await app.init();
  await app.startAllMicroservices();
  await app.listen(options.port, options.host);
  // Nest's own shutdown hooks re-raise the signal after closing, so the process would end "killed
  // by SIGTERM"; closing here lets it end with 0, as an orchestrator expects from a clean stop.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      options.logger.info({ signal }, 'shutting down: no new messages, finishing in-flight work, flushing the outbox');
      // The spans of the last requests and events are sent before the process ends.
      app.close().then(
        () => stopTracing().catch(() => undefined).then(() => process.exit(0)),
        (error: unknown) => {
          options.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return app;
}

/**
 * GET /metrics for Prometheus, and every request timed by method, route template (never the ids
 * in the path) and status. Outside the staff API's guards: it names no one.
 */
function exposeMetrics(app: NestExpressApplication): void {
  let metrics: ServiceMetrics;
  try {
    metrics = app.get<ServiceMetrics>(METRICS, { strict: false });
  } catch {
    // A module without the foundation providers (a test's own): nothing to expose.
    return;
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path === '/metrics') return next();
    const stop = metrics.httpDuration.startTimer({ method: request.method });
    response.once('finish', () => {
      const route = request.route?.path ? `${request.baseUrl ?? ''}${String(request.route.path)}` : 'unmatched';
      stop({ route, status: String(response.statusCode) });
    });
    next();
  });
  app.use('/metrics', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path !== '/') return next();
    metrics.text().then(
      (text) => response.setHeader('content-type', metrics.contentType).end(text),
      (error: unknown) => next(error),
    );
  });
}

/**
 * A consuming service's events as a transport of the same application: its `@EventPattern`
 * handlers are registered now, and run once `startAllMicroservices()` starts its consumer.
 */
function connectEvents(app: NestExpressApplication): void {
  // Asked of the modules rather than app.get, which logs an error for a provider that is not there.
  const consumes = [...app.get(ModulesContainer).values()].some((module) => module.providers.has(EventConsumer));
  if (!consumes) return; // a service that consumes nothing
  const consumer = app.get(EventConsumer, { strict: false });
  if (!consumer.awaitsTransport) return;
  app.connectMicroservice({ strategy: new EventTransport(consumer) });
}

/**
 * The same application, configured but not listening: integration tests drive it with supertest,
 * after `init()` and (for a consuming service) `startAllMicroservices()`.
 */
export async function createServiceApp(
  module: unknown,
  options: Omit<ServiceAppOptions, 'port' | 'host'>,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(quietFramework(app.get(NestPinoLogger)));
  exposeMetrics(app);
  app.use(helmet());
  app.use((request: Request, response: Response, next: NextFunction) => {
    assignRequestId(request, response);
    next();
  });
  // The largest field a staff member may write (20,000 characters of counselling notes) is up to
  // 120 kB as JSON when a client escapes every character outside ASCII (\uXXXX, as Python does).
  app.useBodyParser('json', { limit: options.bodyLimit ?? '256kb' });
  app.use(refuseUnreasonableBodies);
  app.use(refuseMalformedIdempotencyKeys);
  // Malformed JSON, oversized and unreasonable bodies fail before Nest's filters: same shape here.
  app.use((error: unknown, request: Request & { id?: string }, response: Response, next: NextFunction) => {
    if (!error) return next();
    const body = errorBody(error);
    response.status(body.statusCode).json({ ...body, requestId: request.id });
  });
  app.useGlobalFilters(new ErrorFilter(options.logger));
  app.useGlobalPipes(requestValidationPipe());
  await options.configure?.(app);
  connectEvents(app);
  return app;
}
