/**
 * The audit interceptor's rules, with an audit trail of our own that can be made to fail (the
 * Kafka path itself is tested end to end): no `requested` record, no request; a read whose
 * outcome cannot be recorded is not answered; a write's outcome failure does not undo the write.
 */
import { CallHandler, ExecutionContext, ServiceUnavailableException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import pino from 'pino';
import { lastValueFrom, of } from 'rxjs';
import type { PersonDataAccessedV1 } from '@mukti/contracts';
import { STAFF_ENDPOINT } from '@mukti/http';
import type { AuditTrail } from './audit-trail';
import { AuditInterceptor } from './audit.interceptor';

const personId = '9b2e6f3a-1c4d-4e5f-8a6b-7c8d9e0f1a2b';

function harness(endpoint: string, failOn: PersonDataAccessedV1['outcome'][]) {
  const written: PersonDataAccessedV1[] = [];
  const trail = {
    record: async (entry: PersonDataAccessedV1) => {
      if (failOn.includes(entry.outcome)) throw new Error('broker unreachable');
      written.push(entry);
    },
  } as unknown as AuditTrail;
  const handler = () => undefined;
  const reflector = { get: (key: string) => (key === STAFF_ENDPOINT ? endpoint : undefined) } as unknown as Reflector;
  const request = { principal: { sub: 'asha', role: 'caseworker' }, params: { personId }, headers: {}, id: 'req-1' };
  const context = {
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ statusCode: 200 }) }),
  } as unknown as ExecutionContext;
  let calls = 0;
  const next: CallHandler = { handle: () => ((calls += 1), of({ ok: true })) };
  const run = () => lastValueFrom(new AuditInterceptor(trail, reflector, pino({ level: 'silent' })).intercept(context, next));
  return { run, written, calls: () => calls };
}

it('records the request before it goes on, then how it ended', async () => {
  const { run, written } = harness('readPerson', []);
  await expect(run()).resolves.toEqual({ ok: true });
  expect(written.map((entry) => [entry.outcome, entry.action, entry.personId, entry.staffId])).toEqual([
    ['requested', 'readPerson', personId, 'asha'],
    ['succeeded', 'readPerson', personId, 'asha'],
  ]);
});

it('refuses a request it cannot record, without carrying it out', async () => {
  const { run, calls } = harness('recordConsent', ['requested']);
  await expect(run()).rejects.toBeInstanceOf(ServiceUnavailableException);
  expect(calls()).toBe(0);
});

it('does not answer a read whose outcome cannot be recorded', async () => {
  const { run } = harness('readTimeline', ['succeeded']);
  await expect(run()).rejects.toBeInstanceOf(ServiceUnavailableException);
});

it('answers a write that happened even if its outcome cannot be recorded (its request record stands)', async () => {
  const { run, written } = harness('recordConsent', ['succeeded']);
  await expect(run()).resolves.toEqual({ ok: true });
  expect(written.map((entry) => entry.outcome)).toEqual(['requested']);
});

it('records a registration before it goes on too, by its request, and refuses it if it cannot', async () => {
  const registration = harness('registerPerson', ['requested']);
  await expect(registration.run()).rejects.toBeInstanceOf(ServiceUnavailableException);
  expect(registration.calls()).toBe(0);
});
