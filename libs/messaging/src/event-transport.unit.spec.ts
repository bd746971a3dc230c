import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { EventDispatch, MessagePosition, NonRetryableEventError } from './event-consumer';
import { EventContext, EventController, EventTransport } from './event-transport';

const REGISTERED = intakeEventTypes.personRegistered;
const CONSENT = intakeEventTypes.consentRecorded;
const position: MessagePosition = { topic: 'mukti.intake.events.v1', partition: 2, offset: '41' };
const event = (type: string): EventEnvelope =>
  ({ id: 'e1', type, source: '/mukti/intake', subject: 'p1', time: '2026-03-14T10:00:00.000Z', data: {}, correlationId: 'c', actor: { id: 'a', role: 'caseworker' } }) as unknown as EventEnvelope;

/** A consumer that records what its transport does with it (no Kafka). */
function fakeConsumer() {
  const calls: string[] = [];
  let dispatch: EventDispatch | undefined;
  return {
    calls,
    dispatch: () => dispatch!,
    consumeWith: (given: EventDispatch) => void (dispatch = given),
    start: async () => void calls.push('start'),
    stop: async () => void calls.push('stop'),
  };
}

const seen: string[] = [];

@EventController()
class CaseTeamReactions {
  @EventPattern(REGISTERED)
  async registered(@Payload() received: EventEnvelope, @Ctx() context: EventContext) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen.push(`team ${received.id} ${context.getTopic()}/${context.getPartition()}@${context.getOffset()} ${context.getEnvelope().subject}`);
  }

  @EventPattern(CONSENT)
  consent() {
    seen.push('team consent');
    throw new NonRetryableEventError('her consent cannot be read');
  }
}

@EventController()
class SummaryProjector {
  @EventPattern(REGISTERED)
  registered(@Payload() received: EventEnvelope) {
    seen.push(`summary ${received.id}`);
  }

  @EventPattern(CONSENT)
  consent() {
    seen.push('summary consent');
  }
}

async function serving(...controllers: (new (...args: never[]) => unknown)[]) {
  @Module({ controllers })
  class ServiceUnderTest {}
  const consumer = fakeConsumer();
  const transport = new EventTransport(consumer);
  const app: INestMicroservice = await NestFactory.createMicroservice(ServiceUnderTest, { strategy: transport, logger: false });
  await app.listen();
  return { app, consumer, transport };
}

beforeEach(() => (seen.length = 0));

describe('EventTransport: @EventPattern handlers served by the one consumer', () => {
  it('starts the consumer with its handlers when the application listens, and stops it when it closes', async () => {
    const { app, consumer, transport } = await serving(CaseTeamReactions);
    expect(consumer.dispatch()).toBe(transport);
    expect(consumer.calls).toEqual(['start']);
    await app.close();
    expect(consumer.calls).toEqual(['start', 'stop']);
  });

  it('hands an event to the handler of its type: the whole envelope as payload, where it was read as context', async () => {
    const { app, consumer } = await serving(CaseTeamReactions);
    try {
      expect(consumer.dispatch().handles(REGISTERED)).toBe(true);
      await consumer.dispatch().handle(event(REGISTERED), position);
      expect(seen).toEqual(['team e1 mukti.intake.events.v1/2@41 p1']);
    } finally {
      await app.close();
    }
  });

  it('runs several handlers of one type one after another, in the order of the module\'s controllers', async () => {
    for (const [controllers, expected] of [
      [[CaseTeamReactions, SummaryProjector], ['team e1 mukti.intake.events.v1/2@41 p1', 'summary e1']],
      [[SummaryProjector, CaseTeamReactions], ['summary e1', 'team e1 mukti.intake.events.v1/2@41 p1']],
    ] as const) {
      seen.length = 0;
      const { app, consumer, transport } = await serving(...controllers);
      try {
        expect(transport.handledTypes()).toEqual({ [REGISTERED]: 2, [CONSENT]: 2 });
        // The first one waits 20 ms: the second starts only after it has finished.
        await consumer.dispatch().handle(event(REGISTERED), position);
        expect(seen).toEqual(expected);
      } finally {
        await app.close();
      }
    }
  });

  it('fails the event with the handler\'s own error, and runs none after it (the consumer retries or parks the whole event)', async () => {
    const { app, consumer } = await serving(CaseTeamReactions, SummaryProjector);
    try {
      const failure = consumer.dispatch().handle(event(CONSENT), position);
      await expect(failure).rejects.toBeInstanceOf(NonRetryableEventError);
      await expect(failure).rejects.toThrow('her consent cannot be read');
      expect(seen).toEqual(['team consent']);
    } finally {
      await app.close();
    }
  });

  it('still fails the event when a handler\'s class is a plain controller (Nest\'s own filter hides the error)', async () => {
    @Controller()
    class Plain {
      @EventPattern(CONSENT)
      consent() {
        throw new Error('a store that is down');
      }
    }
    const { app, consumer } = await serving(Plain);
    try {
      await expect(consumer.dispatch().handle(event(CONSENT), position)).rejects.toThrow(/handler failed/);
    } finally {
      await app.close();
    }
  });

  it('handles no type without a handler: the consumer skips it', async () => {
    const { app, consumer } = await serving(CaseTeamReactions);
    try {
      expect(consumer.dispatch().handles(intakeEventTypes.personErased)).toBe(false);
      await consumer.dispatch().handle(event(intakeEventTypes.personErased), position);
      expect(seen).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses a @MessagePattern: an event has no one to answer', async () => {
    @Controller()
    class Asking {
      @MessagePattern(REGISTERED)
      ask() {
        return 'an answer';
      }
    }
    await expect(serving(Asking)).rejects.toThrow(/use @EventPattern/);
  });
});
