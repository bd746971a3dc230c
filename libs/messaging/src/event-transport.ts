import { applyDecorators, ArgumentsHost, Catch, Controller, RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { BaseRpcContext, CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { isObservable, lastValueFrom, Observable, throwError } from 'rxjs';
import type { EventEnvelope, EventType } from '@mukti/contracts';
import type { EventConsumer, EventDispatch, EventHandler, EventHandlers, MessagePosition } from './event-consumer';

/**
 * What an `@EventPattern` handler can ask about the event in hand (`@Ctx() context: EventContext`):
 * the envelope, and where the message was read (a redriven event: where it was first read).
 */
export class EventContext extends BaseRpcContext<[EventEnvelope, MessagePosition]> {
  getEnvelope(): EventEnvelope {
    return this.args[0];
  }

  getTopic(): string {
    return this.args[1].topic;
  }

  getPartition(): number {
    return this.args[1].partition;
  }

  getOffset(): string {
    return this.args[1].offset;
  }
}

/**
 * Hands a handler's error to the consumer as it was thrown. Nest's own filter for events would log
 * it and put `{ status: 'error', message: 'Internal server error' }` in its place: the dead letter
 * would lose its reason, and a `NonRetryableEventError` would be retried.
 */
@Catch()
export class HandlerErrorsToTheConsumer implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * A class of `@EventPattern` handlers: a Nest controller (Nest looks for patterns only there) whose
 * errors reach the consumer unchanged. List it in its module's `controllers`.
 */
export function EventController(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(HandlerErrorsToTheConsumer));
}

/**
 * The service's events as a Nest transport: a hybrid application's `@EventPattern('<ce_type>')`
 * handlers, run by the service's one `EventConsumer`, which keeps every guarantee of the one
 * consumer path (ADR 0003): validation and the ce_source check, remembered ids, bounded retries,
 * dead letters with their reason, a held key for her later events, commits after success, lag and
 * metrics, the crash that stops the process, and the ordered shutdown.
 *
 * `@Payload()` is the whole envelope (id, subject, time, source, data...); `@Ctx()` an
 * `EventContext`. Several handlers of one type (in different classes) run one after another, in the
 * order Nest registered them: their classes' order in the module's `controllers`. The event is
 * handled when all have succeeded; if one fails, the whole event is retried from the first, so each
 * must be idempotent (as every handler must be: a redelivery replays it anyway). A type with no
 * handler is skipped, as the consumer skips it. Events only: a `@MessagePattern` has no one to
 * answer and is refused at start-up.
 */
export class EventTransport extends Server implements CustomTransportStrategy, EventDispatch {
  private readonly handlersByType = new Map<string, MessageHandler[]>();

  constructor(private readonly consumer: Pick<EventConsumer, 'consumeWith' | 'start' | 'stop'>) {
    super();
  }

  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    const type = this.normalizePattern(pattern as string);
    if (!isEventHandler) throw new Error(`@MessagePattern(${type}): events have no reply; use @EventPattern`);
    // Kept apart, not chained as Nest chains them (its chain runs them all at once).
    callback.isEventHandler = true;
    callback.extras = extras;
    this.handlersByType.set(type, [...(this.handlersByType.get(type) ?? []), callback]);
  }

  override getHandlers(): Map<string, MessageHandler> {
    return new Map([...this.handlersByType].map(([type, handlers]) => [type, handlers[0]!]));
  }

  /** The types with a handler here, each with how many handlers it has (for start-up logs and tests). */
  handledTypes(): Record<string, number> {
    return Object.fromEntries([...this.handlersByType].map(([type, handlers]) => [type, handlers.length]));
  }

  handles(type: EventType): boolean {
    return this.handlersByType.has(type);
  }

  async handle(event: EventEnvelope, position: MessagePosition): Promise<void> {
    const context = new EventContext([event, position]);
    for (const handler of this.handlersByType.get(event.type) ?? []) {
      const result: unknown = await handler(event, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined }).catch(asError);
    }
  }

  listen(callback: (error?: unknown) => void): void {
    this.consumer.consumeWith(this);
    this.consumer.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  close(): Promise<void> {
    return this.consumer.stop();
  }

  on(): never {
    throw new Error('EventTransport has no events to listen to: watch the consumer\'s health and metrics');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}

/** What Nest's own filter makes of an error (a handler outside an `EventController`) is still a failure. */
function asError(error: unknown): never {
  throw error instanceof Error ? error : new Error(`handler failed: ${JSON.stringify(error)}`);
}

/**
 * The `@EventPattern` methods of these objects as one map of handlers by type, called directly,
 * without Nest: for unit tests of handler classes. Where several handle a type, they run in turn,
 * in the order given, as the transport runs them.
 */
export function handlersOf(...instances: object[]): EventHandlers {
  const byType: Record<string, EventHandler[]> = {};
  for (const instance of instances) {
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = prototype[name];
      const types = typeof method === 'function' ? (Reflect.getMetadata(PATTERN_METADATA, method) as string[] | undefined) : undefined;
      // Called as the transport calls them: the envelope, then its context (for a method that asks for it second).
      for (const type of types ?? []) {
        (byType[type] ??= []).push((event, position) => (method as (event: EventEnvelope, context: EventContext) => Promise<void>).call(instance, event, new EventContext([event, position])));
      }
    }
  }
  return Object.fromEntries(
    Object.entries(byType).map(([type, handlers]) => [
      type,
      async (event: EventEnvelope, position: MessagePosition) => {
        for (const handler of handlers) await handler(event, position);
      },
    ]),
  ) as EventHandlers;
}
