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
import { AuditInterceptor, peopleNamedBy } from './audit.interceptor';

const personId = '9b2e6f3a-1c4d-4e5f-8a6b-7c8d9e0f1a2b';

function harness(
  endpoint: string,
  failOn: PersonDataAccessedV1['outcome'][],
  given: { params?: Record<string, string>; body?: object; answer?: object } = {},
) {
  const written: PersonDataAccessedV1[] = [];
  const trail = {
    record: async (entries: PersonDataAccessedV1[]) => {
      if (entries.some((entry) => failOn.includes(entry.outcome))) throw new Error('broker unreachable');
      written.push(...entries);
    },
  } as unknown as AuditTrail;
  const handler = () => undefined;
  const reflector = { get: (key: string) => (key === STAFF_ENDPOINT ? endpoint : undefined) } as unknown as Reflector;
  const request = { principal: { sub: 'asha', role: 'caseworker' }, params: given.params ?? { personId }, body: given.body ?? {}, headers: {}, id: 'req-1' };
  const context = {
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ statusCode: 200 }) }),
  } as unknown as ExecutionContext;
  let calls = 0;
  const next: CallHandler = { handle: () => ((calls += 1), of(given.answer ?? { ok: true })) };
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

it('records each survivor a request names in its body: an FIR naming her to the police is about her too', async () => {
  const other = '1f2e3d4c-5b6a-4978-8a6b-0c1d2e3f4a5b';
  const { run, written } = harness('registerFir', [], { params: {}, body: { victimIds: [personId], survivorsAccusedIds: [other], accusedIds: ['3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'] } });
  await run();
  expect(written.map((entry) => [entry.outcome, entry.action, entry.personId])).toEqual([
    ['requested', 'registerFir', personId],
    ['requested', 'registerFir', other],
    ['succeeded', 'registerFir', personId],
    ['succeeded', 'registerFir', other],
  ]);
});

it('puts an FIR registered on the trail under the case it opened, from its answer, as every later command on the case is', async () => {
  const caseId = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
  const { run, written } = harness('registerFir', [], { params: {}, body: { victimIds: [personId], accusedIds: [] }, answer: { id: caseId } });
  await run();
  expect(written.map((entry) => [entry.outcome, entry.record, entry.personId])).toEqual([
    // The request is made before the case exists: its id is known from the answer only.
    ['requested', undefined, personId],
    ['succeeded', { kind: 'case', id: caseId }, personId],
  ]);
  const household = harness('registerHousehold', [], { params: {}, body: { memberIds: [personId] }, answer: { id: caseId } });
  await household.run();
  expect(household.written.map((entry) => [entry.outcome, entry.record])).toEqual([
    ['requested', undefined],
    ['succeeded', { kind: 'household', id: caseId }],
  ]);
});

it('puts every request that creates a record with a team on the trail under it: an operation planned, a perpetrator profiled, a prevention plan opened', async () => {
  const id = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
  for (const [endpoint, kind] of [
    ['planRescueOperation', 'rescue-operation'],
    ['profilePerpetrator', 'perpetrator'],
    ['openPreventionPlan', 'prevention-plan'],
    ['registerHousehold', 'household'],
    ['registerFir', 'case'],
  ] as const) {
    const created = harness(endpoint, [], { params: {}, body: {}, answer: { id } });
    await created.run();
    expect([endpoint, created.written.map((entry) => [entry.outcome, entry.record])]).toEqual([
      endpoint,
      [
        ['requested', undefined],
        ['succeeded', { kind, id }],
      ],
    ]);
  }
});

it('takes only well-formed ids from the fields that name people, once each', () => {
  const endpoint = { method: 'POST', path: '/api/v1/cases', roles: ['legal-officer'], peopleInBody: ['victimIds', 'personId'] } as const;
  expect(peopleNamedBy(endpoint, undefined, { victimIds: [personId, 'not-an-id', personId], personId: 42, accusedIds: [personId] })).toEqual([personId]);
  expect(peopleNamedBy({ ...endpoint, peopleInBody: undefined }, personId, { victimIds: ['x'] })).toEqual([personId]);
});

it('puts a case command that names no survivor on the trail under the case it opened, before and after', async () => {
  const caseId = '9b2e6f3a-1c4d-4e5f-8a6b-7c8d9e0f1a2b';
  const { run, written } = harness('recordArrest', [], { params: { caseId }, body: { perpetratorId: personId } });
  await run();
  expect(written.map((entry) => [entry.outcome, entry.record, entry.personId])).toEqual([
    ['requested', { kind: 'case', id: caseId }, undefined],
    ['succeeded', { kind: 'case', id: caseId }, undefined],
  ]);
});

it("records a rescue operation's read under the operation and under each person it showed", async () => {
  const operationId = '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a';
  const { run, written } = harness('readRescueOperation', [], { params: { operationId }, body: {}, answer: { operationId, persons: [{ personId }] } });
  await run();
  expect(written.map((entry) => [entry.outcome, entry.record?.id, entry.personId])).toEqual([
    ['requested', operationId, undefined],
    ['succeeded', operationId, personId],
  ]);
});

it('takes the id in the answer as a person only for a registration: a household prevention plan is not a person', async () => {
  const householdId = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
  const planId = '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e';
  const plan = harness('openPreventionPlan', [], { params: {}, body: { householdId }, answer: { id: planId } });
  await plan.run();
  expect(plan.written.map((entry) => [entry.outcome, entry.action, entry.personId, entry.record])).toEqual([
    ['requested', 'openPreventionPlan', undefined, undefined],
    ['succeeded', 'openPreventionPlan', undefined, { kind: 'prevention-plan', id: planId }],
  ]);

  const registration = harness('registerPerson', [], { params: {}, body: {}, answer: { id: personId } });
  await registration.run();
  expect(registration.written.map((entry) => [entry.outcome, entry.personId])).toEqual([
    ['requested', undefined],
    ['succeeded', personId],
  ]);
});

it("records a prevention plan's read under each person it covers, from the answer: reading their follow-ups is reading about them", async () => {
  const other = '1f2e3d4c-5b6a-4978-8a6b-0c1d2e3f4a5b';
  const planId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
  const { run, written } = harness('readPreventionPlan', [], { params: { preventionPlanId: planId }, answer: { preventionPlanId: planId, personIds: [personId, other] } });
  await run();
  expect(written.map((entry) => [entry.outcome, entry.personId])).toEqual([
    ['requested', undefined],
    ['succeeded', personId],
    ['succeeded', other],
  ]);
});
