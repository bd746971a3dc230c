/**
 * The prevention and livelihood pillar as staff use it, through the gateway: a survivor whose care
 * plan sets a livelihood goal gets her livelihood plan by itself, is trained and placed below the
 * minimum wage (flagged, an alert), then earns above it (not flagged, the alert closed); a
 * household at risk supported for 12 months, by the livelihood service's clock, counts each of its
 * people at risk as an entry prevented; bad input gets a 400 naming the field.
 *
 * The livelihood service runs in this process with a clock the test moves; every other service
 * is a process, against the same real broker and store.
 */
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { livelihoodEventTypes } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { bearer, eventually, freePort, ManualClock, testInfrastructure, testLogger, uniqueName, healthDetailsOf } from '@mukti/testing';
import { livelihoodConfig } from '../apps/livelihood/src/livelihood.config';
import { LivelihoodModule } from '../apps/livelihood/src/livelihood.module';
import { platformEnvironment, platformServices, provisionKafka, startService, ServiceHandle, ServiceName } from '../tools/run/service-processes.cjs';

jest.setTimeout(180_000);

const DAY = 24 * 3600_000;
const databasePrefix = uniqueName('e2e-work');
const clock = new ManualClock();
const processes = new Map<ServiceName, ServiceHandle>();
let livelihood: INestApplication;
let environment: ReturnType<typeof platformEnvironment>;
let gateway: string;
const api = () => request(gateway);
const at = (offsetMs = 0) => new Date(clock.now().getTime() + offsetMs).toISOString();

beforeAll(async () => {
  environment = platformEnvironment({
    kafkaBrokers: testInfrastructure.kafkaBrokers.join(','),
    mongodbUri: testInfrastructure.mongodbUri,
    ports: Object.fromEntries(await Promise.all(platformServices.map(async (name) => [name, await freePort()]))),
    databasePrefix,
    consumerGroupPrefix: databasePrefix,
    extra: { LIVELIHOOD_DEADLINE_SWEEP_MS: '250', RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_PER_ADDRESS: '100000' },
  });
  // Some services run in this process, not through startService: their topics and ACLs (this run's groups) first.
  await provisionKafka(environment.gateway);
  for (const name of platformServices.filter((service) => service !== 'livelihood' && service !== 'gateway')) {
    processes.set(name, await startService(name, environment[name]));
  }
  livelihood = await createServiceApp(LivelihoodModule.register(livelihoodConfig.load(environment.livelihood), testLogger(), clock), { logger: testLogger() });
  await livelihood.init();
  await livelihood.startAllMicroservices();
  await livelihood.listen(environment.ports.livelihood, '127.0.0.1');
  processes.set('gateway', await startService('gateway', environment.gateway));
  gateway = `http://127.0.0.1:${environment.ports.gateway}`;
  // New consumer groups replay what earlier suites left on the shared topics: start once caught up.
  for (const name of ['projection', 'rehabilitation', 'livelihood'] as const) {
    await eventually(async () => {
      const health = await healthDetailsOf(`http://127.0.0.1:${environment.ports[name]}`);
      expect(health.checks?.kafka?.lag?.total).toBe(0);
    }, 120_000, 250);
  }
});

afterAll(async () => {
  await livelihood.close();
  for (const service of [...processes.values()].reverse()) await service.kill();
  const mongo = await MongoClient.connect(testInfrastructure.mongodbUri.replace(/\/?$/, '/'));
  for (const name of platformServices.filter((service) => service !== 'gateway')) await mongo.db(`${databasePrefix}-${name}`).dropDatabase();
  await mongo.close();
});

const summaryOf = async (personId: string, token: string) => (await api().get(`/api/v1/people/${personId}/summary`).set('authorization', token).expect(200)).body;
const timelineTypes = async (personId: string, token: string): Promise<string[]> =>
  (await api().get(`/api/v1/people/${personId}/timeline?order=oldest-first`).set('authorization', token).expect(200)).body.entries.map((entry: { type: string }) => entry.type);

let asha: string;
let kiran: string;
const register = async (name: string, role: 'survivor' | 'at-risk', age: number) =>
  (await api().post('/api/v1/people').set('authorization', asha).send({ role, name: `${name} ${databasePrefix}`, gender: 'female', age, referralSource: 'community' }).expect(201)).body
    .id as string;
const assignKiran = (personId: string) =>
  api().post(`/api/v1/people/${personId}/assignments`).set('authorization', asha).send({ staffId: 'kiran', staffRole: 'livelihood-officer' }).expect(204);

it('opens her livelihood plan from her care plan, and flags a placement below the minimum wage until her income is above it', async () => {
  [asha, kiran] = [await bearer('caseworker', 'asha'), await bearer('livelihood-officer', 'kiran')];
  const sita = await register('Sita Placed', 'survivor', 26);
  await assignKiran(sita);
  // Rehabilitation learns who is on her case team from intake's events, a moment after her registration.
  await eventually(async () =>
    api().post(`/api/v1/people/${sita}/care-plan`).set('authorization', asha).send({ goals: ['safety', 'livelihood'], openedAt: new Date().toISOString() }).expect(204),
  );
  // No one opens her livelihood plan: her care plan's livelihood goal does.
  await eventually(async () => expect(await timelineTypes(sita, kiran)).toContain(livelihoodEventTypes.livelihoodPlanOpened));

  const training = await api()
    .post(`/api/v1/people/${sita}/skill-trainings`)
    .set('authorization', kiran)
    .send({ trade: 'Tailoring and garment making', provider: 'Jan Shikshan Sansthan, Kolkata', skillLevel: 'semi-skilled', startedAt: at(-90 * DAY) })
    .expect(201);
  await api()
    .post(`/api/v1/people/${sita}/skill-trainings/${training.body.id}/end`)
    .set('authorization', kiran)
    .send({ outcome: 'completed', endedAt: at(-10 * DAY), certified: true })
    .expect(204);

  const placement = { kind: 'wage-employment', employerOrEnterprise: 'Sonar Tailoring Unit', sector: 'garments-and-tailoring', skillLevel: 'semi-skilled', state: 'West Bengal' };
  const placed = await api().post(`/api/v1/people/${sita}/placements`).set('authorization', kiran).send({ ...placement, startedAt: at(-DAY), monthlyIncomeInr: 4000 }).expect(201);
  const below = await eventually(async () => {
    const summary = await summaryOf(sita, kiran);
    expect(summary.openAlerts.map((alert: { kind: string }) => alert.kind)).toContain('below-minimum-wage');
    return summary;
  });
  expect(JSON.stringify(below.pillars.livelihood)).toContain('"sustainableWage":false');

  await api().post(`/api/v1/people/${sita}/placements/${placed.body.id}/income-follow-ups`).set('authorization', kiran).send({ at: at(), monthlyIncomeInr: 30000 }).expect(204);
  const above = await eventually(async () => {
    const summary = await summaryOf(sita, kiran);
    expect(summary.openAlerts.map((alert: { kind: string }) => alert.kind)).not.toContain('below-minimum-wage');
    return summary;
  });
  expect(JSON.stringify(above.pillars.livelihood)).toContain('"sustainableWage":true');
  // Where she trained: sealed on the topic and in the store, opened by intake for her case team.
  const trainings = (await api().get(`/api/v1/people/${sita}/skill-trainings`).set('authorization', asha).expect(200)).body.trainings;
  expect(trainings).toEqual([
    expect.objectContaining({ trainingId: training.body.id, trade: 'Tailoring and garment making', provider: 'Jan Shikshan Sansthan, Kolkata', status: 'completed', certified: true }),
  ]);
  await api().get(`/api/v1/people/${sita}/skill-trainings`).set('authorization', await bearer('livelihood-officer', 'someone-else')).expect(404);
  await api().get(`/api/v1/people/${sita}/skill-trainings`).set('authorization', await bearer('counsellor', 'mira')).expect(403);
  // Who employs her: sealed on the topic and in the store, opened by intake for her case team.
  const read = (await api().get(`/api/v1/people/${sita}/placements`).set('authorization', kiran).expect(200)).body;
  expect(read.placements).toEqual([
    expect.objectContaining({ placementId: placed.body.id, employerOrEnterprise: 'Sonar Tailoring Unit', status: 'active', monthlyIncomeInr: 30000, sustainableWage: true, minimumWageInr: expect.any(Number) }),
  ]);
  await api().get(`/api/v1/people/${sita}/placements`).set('authorization', await bearer('livelihood-officer', 'someone-else')).expect(404);
  await api().get(`/api/v1/people/${sita}/placements`).set('authorization', await bearer('admin', 'root')).expect(403);
  await api().get(`/api/v1/people/${sita}/placements`).set('authorization', await bearer('counsellor', 'mira')).expect(403);
  // Her summary is written before her entry (so an entry means her summary has it): the entry may come a moment later.
  await eventually(async () =>
    expect(await timelineTypes(sita, kiran)).toEqual(
      expect.arrayContaining([livelihoodEventTypes.skillTrainingStarted, livelihoodEventTypes.skillTrainingEnded, livelihoodEventTypes.placementStarted, livelihoodEventTypes.incomeFollowedUp]),
    ),
  );
});

it('refuses bad input with a 400 naming the field, and a state with no minimum wage on file with a 422', async () => {
  const someone = await register('Mira Unplaced', 'survivor', 30);
  await assignKiran(someone);
  // The livelihood service learns her case team from intake's events, a moment after it is recorded.
  await eventually(async () => api().post(`/api/v1/people/${someone}/livelihood-plan`).set('authorization', kiran).expect(204));
  const invalid = await api()
    .post(`/api/v1/people/${someone}/placements`)
    .set('authorization', kiran)
    .send({ kind: 'wage-employment', employerOrEnterprise: 'X', sector: 'retail', skillLevel: 'expert', state: 'West Bengal', startedAt: at(), monthlyIncomeInr: -5 })
    .expect(400);
  for (const field of ['employerOrEnterprise', 'skillLevel', 'monthlyIncomeInr']) expect(JSON.stringify(invalid.body.details)).toContain(field);
  const household = await api().post('/api/v1/households').set('authorization', asha).send({ place: { state: 'West Bengal', district: 'Kolkata' }, memberIds: [] }).expect(400);
  for (const field of ['place.villageOrWard', 'memberIds']) expect(JSON.stringify(household.body.details)).toContain(field);
  const nowhere = await eventually(async () =>
    (
      await api()
        .post(`/api/v1/people/${someone}/placements`)
        .set('authorization', kiran)
        .send({ kind: 'self-employment', employerOrEnterprise: 'Her own stall', sector: 'retail', skillLevel: 'unskilled', state: 'Atlantis', startedAt: at(), monthlyIncomeInr: 9000 })
        .expect(422)
    ).body,
  );
  expect(nowhere.details).toMatchObject({ field: 'state' });
});

it('counts each person at risk in a household supported for 12 months as an entry prevented', async () => {
  const [daughter, son] = [await register('Puja At Risk', 'at-risk', 15), await register('Raju At Risk', 'at-risk', 17)];
  for (const personId of [daughter, son]) await assignKiran(personId);
  const householdId = (
    await api()
      .post('/api/v1/households')
      .set('authorization', asha)
      .send({ place: { state: 'West Bengal', district: 'South 24 Parganas', villageOrWard: `Canning ${databasePrefix}`.slice(0, 120) }, memberIds: [daughter, son] })
      .expect(201)
  ).body.id as string;
  await api().post(`/api/v1/households/${householdId}/assessments`).set('authorization', asha).send({ factors: ['debt', 'school-dropout'], monthlyIncomeInr: 3000, debtInr: 40000, dependants: 3 }).expect(201);

  // The livelihood service learns the household and the case team from intake's events.
  const plan = await eventually(async () => (await api().post('/api/v1/prevention-plans').set('authorization', kiran).send({ householdId }).expect(201)).body.id as string);
  expect(plan).toBe(householdId);
  await api()
    .post(`/api/v1/prevention-plans/${plan}/supports`)
    .set('authorization', kiran)
    .send({ kind: 'education-support', status: 'ongoing', startedAt: at() })
    .expect(201);
  await api()
    .post(`/api/v1/prevention-plans/${plan}/supports`)
    .set('authorization', kiran)
    .send({ kind: 'livelihood-support', status: 'ongoing', startedAt: at() })
    .expect(201);
  await eventually(async () => expect(await timelineTypes(daughter, kiran)).toContain(livelihoodEventTypes.preventionSupportRecorded));

  clock.advance(300 * DAY);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await timelineTypes(daughter, kiran)).not.toContain(livelihoodEventTypes.entryPrevented);

  clock.advance(70 * DAY);
  for (const personId of [daughter, son]) {
    await eventually(async () => expect(await timelineTypes(personId, kiran)).toContain(livelihoodEventTypes.entryPrevented));
    // Her summary is written just after her timeline entry: wait for it too.
    await eventually(async () => expect(JSON.stringify((await summaryOf(personId, kiran)).pillars.prevention)).toContain('entry-prevented'));
  }
  const read = await api().get(`/api/v1/prevention-plans/${plan}`).set('authorization', kiran).expect(200);
  expect(read.body).toMatchObject({ preventionPlanId: householdId });

  // A livelihood officer on no member's case team: the plan, and opening one for the household, answer as for ones that do not exist, naming no one.
  const stranger = await bearer('livelihood-officer', 'someone-else');
  const neverOpened = randomUUID();
  const hidden = await api().get(`/api/v1/prevention-plans/${plan}`).set('authorization', stranger).expect(404);
  const unknown = await api().get(`/api/v1/prevention-plans/${neverOpened}`).set('authorization', stranger).expect(404);
  expect(hidden.body.message.replace(plan, 'ID')).toBe(unknown.body.message.replace(neverOpened, 'ID'));
  const notHers = await api().post('/api/v1/prevention-plans').set('authorization', stranger).send({ householdId }).expect(404);
  const nowhere = await api().post('/api/v1/prevention-plans').set('authorization', stranger).send({ householdId: neverOpened }).expect(404);
  expect(notHers.body.message.replace(householdId, 'ID')).toBe(nowhere.body.message.replace(neverOpened, 'ID'));
  expect(JSON.stringify([hidden.body, notHers.body])).not.toContain(daughter);
});
