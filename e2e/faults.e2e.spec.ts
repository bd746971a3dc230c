/**
 * Faults, tried as an operator would meet them, with every service a real process: a service
 * paused (SIGSTOP) past the gateway's timeout while it takes a command, and a service killed
 * (SIGKILL) right after it accepted one. What was accepted is on her timeline exactly once.
 */
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { intakeEventTypes } from '@mukti/contracts';
import { bearer, eventually, healthDetailsOf, testInfrastructure, uniqueName } from '@mukti/testing';
import { Platform, ServiceName, startPlatform } from '../tools/run/service-processes.cjs';

jest.setTimeout(180_000);

/** Intake takes the commands, the projection shows them, audit keeps the trail the gateway writes. */
const services: ServiceName[] = ['intake', 'projection', 'audit', 'gateway'];
const databasePrefix = uniqueName('e2e-faults');
let platform: Platform;
let caseworker: string;
const api = () => request(platform.gatewayUrl);

beforeAll(async () => {
  platform = await startPlatform({
    kafkaBrokers: testInfrastructure.kafkaBrokers.join(','),
    mongodbUri: testInfrastructure.mongodbUri,
    services,
    databasePrefix,
    extra: { RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_PER_ADDRESS: '100000', GATEWAY_UPSTREAM_TIMEOUT_MS: '1500' },
  });
  caseworker = await bearer('caseworker', 'asha');
  // Its projection's group is new, so it reads the shared topics from offset 0: let it catch up
  // with what other suites published, so each test waits for its own events only.
  await eventually(async () => expect((await healthDetailsOf(platform.url('projection'))).checks?.kafka?.lag?.total).toBe(0), 240_000, 500);
}, 300_000);

afterAll(async () => {
  await platform?.stop({ kill: true });
  await platform?.dropDatabases();
});

const registrationsOn = async (personId: string): Promise<number> => {
  const response = await api().get(`/api/v1/people/${personId}/timeline`).query({ limit: 500 }).set('authorization', caseworker).expect(200);
  return response.body.entries.filter((entry: { type: string }) => entry.type === intakeEventTypes.personRegistered).length;
};
const someone = () => ({ role: 'at-risk', name: `Faulty ${randomUUID().slice(0, 8)}`, gender: 'female', age: 29, referralSource: 'community' });

it('answers a registration whose service is paused past the timeout with a 504 (outcome unknown); the retry with the same key gets the one registration made', async () => {
  const key = randomUUID();
  const person = someone();
  platform.pause('intake');
  let timedOut: request.Response;
  try {
    timedOut = await api().post('/api/v1/people').set('authorization', caseworker).set('idempotency-key', key).send(person);
  } finally {
    platform.resume('intake');
  }
  expect(timedOut.status).toBe(504);
  expect(timedOut.body.message).toContain('outcome is unknown');
  expect(timedOut.body.message).toContain('Idempotency-Key');

  // The paused service goes on with the request it had; the client, not knowing, sends it again.
  const retried = await eventually(async () => {
    const response = await api().post('/api/v1/people').set('authorization', caseworker).set('idempotency-key', key).send(person);
    expect(response.status).toBe(201);
    return response.body.id as string;
  });
  await eventually(async () => expect(await registrationsOn(retried)).toBe(1));
  const mongo = await MongoClient.connect(testInfrastructure.mongodbUri.replace(/\/?$/, '/'));
  try {
    expect(await mongo.db(`${databasePrefix}-intake`).collection('people').countDocuments({ aggregateId: retried })).toBe(1);
  } finally {
    await mongo.close();
  }
});

it('puts a registration accepted just before its service was killed (kill -9) on her timeline once it is back, exactly once', async () => {
  const accepted = await Promise.all(
    Array.from({ length: 5 }, async () => (await api().post('/api/v1/people').set('authorization', caseworker).send(someone()).expect(201)).body.id as string),
  );
  // No flush, no goodbye: whatever the relay had not published waits in the store.
  await platform.restart('intake');
  for (const personId of accepted) await eventually(async () => expect(await registrationsOn(personId)).toBe(1));
});
