/**
 * The gateway on its own (the services behind it are unreachable here): every endpoint against
 * every role, from the one table the code enforces; and its hardening.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { staffRoles } from '@mukti/contracts';
import { createServiceApp } from '@mukti/http';
import { staffEndpoints } from '@mukti/staff-api';
import { bearer, freePort, testLogger, superUserKafkaEnvironment } from '@mukti/testing';
import { configureGateway } from '../src/gateway.app';
import { gatewayConfig } from '../src/gateway.config';
import { GatewayModule } from '../src/gateway.module';

// Building an application and talking to the store take seconds on a loaded machine (jest's default is 5 s).
jest.setTimeout(60_000);

async function gateway(environment: Record<string, string> = {}): Promise<NestExpressApplication> {
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  const config = gatewayConfig.load({
    ...process.env,
    // As the super-user, like every integration test: nothing provisioned the topics for it.
    ...superUserKafkaEnvironment(),
    ...Object.fromEntries(['INTAKE_URL', 'PROJECTION_URL', 'AUDIT_URL', 'RESCUE_URL', 'REHABILITATION_URL', 'LEGAL_URL', 'LIVELIHOOD_URL'].map((name) => [name, nowhere])),
    ...environment,
  });
  const app = await createServiceApp(GatewayModule.register(config, testLogger()), {
    logger: testLogger(),
    configure: (created) => configureGateway(created, config),
  });
  await app.init();
  return app;
}

/** A path of the table with its parameters filled in: a staff id by name, every other one a fresh id. */
const pathOf = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'staffId' ? 'meera' : randomUUID()));
const verb = (method: string) => method.toLowerCase() as 'get' | 'post' | 'delete';

describe('who may call what', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await gateway();
  });
  afterAll(() => app.close());

  it('documents exactly the endpoints of the role table, each with its roles', async () => {
    const document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const documented = Object.entries(document.paths as Record<string, Record<string, { description?: string }>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const table = Object.values(staffEndpoints).map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(documented.sort()).toEqual(table.sort());
    for (const endpoint of Object.values(staffEndpoints)) {
      const operation = document.paths[endpoint.path][endpoint.method.toLowerCase()];
      expect(operation.description).toContain(`Roles: ${endpoint.roles.join(', ')}.`);
    }
  });

  const cases = Object.entries(staffEndpoints).flatMap(([name, endpoint]) =>
    staffRoles.map((role) => [name, role, (endpoint.roles as readonly string[]).includes(role)] as const),
  );

  it.each(cases)('%s as %s: allowed %s', async (name, role, allowed) => {
    const endpoint = staffEndpoints[name as keyof typeof staffEndpoints];
    const call = request(app.getHttpServer())[verb(endpoint.method)](pathOf(endpoint.path)).set('authorization', await bearer(role));
    const response = endpoint.method === 'POST' ? await call.send({}) : await call;
    if (allowed) expect([401, 403]).not.toContain(response.status);
    else expect(response.status).toBe(403);
  });

  it.each(Object.keys(staffEndpoints))('%s without a token: 401', async (name) => {
    const endpoint = staffEndpoints[name as keyof typeof staffEndpoints];
    await request(app.getHttpServer())[verb(endpoint.method)](pathOf(endpoint.path)).expect(401);
  });

  it('answers 503 naming the service when the service behind it is down, never 500', async () => {
    const response = await request(app.getHttpServer())
      .get(pathOf(staffEndpoints.readTimeline.path))
      .set('authorization', await bearer('caseworker'))
      .expect(503);
    expect(response.body.message).toMatch(/projection service is not reachable/);
  });
});

describe('the legal endpoints', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await gateway();
  });
  afterAll(() => app.close());

  const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((problem) => problem.field);
  const validFir = () => ({
    fir: { policeStation: 'Kamathipura', district: 'Mumbai City', state: 'Maharashtra', number: '123/2026', registeredAt: '2026-03-01T10:00:00.000Z' },
    sections: [{ act: 'itpa', section: '5' }],
    victimIds: [randomUUID()],
    accusedIds: [randomUUID()],
  });

  it('refuses a bad body with a 400 naming each field, before it reaches the legal service', async () => {
    const lata = await bearer('legal-officer', 'lata');
    const fir = await request(app.getHttpServer())
      .post(staffEndpoints.registerFir.path)
      .set('authorization', lata)
      .send({ ...validFir(), fir: { ...validFir().fir, registeredAt: 'yesterday' }, sections: [] })
      .expect(400);
    expect(fields(fir.body)).toEqual(expect.arrayContaining(['sections', 'fir.registeredAt']));
    expect(fields(fir.body)).not.toContain('victimIds');

    const bail = await request(app.getHttpServer())
      .post(pathOf(staffEndpoints.recordBail.path))
      .set('authorization', lata)
      .send({ perpetratorId: randomUUID(), stage: 'maybe', at: '2026-03-02T10:00:00.000Z' })
      .expect(400);
    expect(fields(bail.body)).toEqual(['stage']);

    const perpetrator = await request(app.getHttpServer())
      .post(staffEndpoints.profilePerpetrator.path)
      .set('authorization', lata)
      .send({ category: 'kingpin', name: 'Ramesh Kumar', aadhaar: '1234' })
      .expect(400);
    expect(fields(perpetrator.body)).toEqual(expect.arrayContaining(['category', 'aadhaar']));

    const training = await request(app.getHttpServer()).get(`${staffEndpoints.listTrainingSessions.path}?refresherOverdue=yes`).set('authorization', lata).expect(400);
    expect(fields(training.body)).toEqual(['refresherOverdue']);
  });

  it('refuses a caseworker an FIR (403), and passes a legal officer on to the legal service', async () => {
    await request(app.getHttpServer()).post(staffEndpoints.registerFir.path).set('authorization', await bearer('caseworker')).send(validFir()).expect(403);
    const forwarded = await request(app.getHttpServer())
      .post(staffEndpoints.registerFir.path)
      .set('authorization', await bearer('legal-officer'))
      .send(validFir())
      .expect(503);
    expect(forwarded.body.message).toMatch(/legal service is not reachable/);
    // Its victims' records were written to the trail first: the operator sees what that wait costs.
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/mukti_audit_write_duration_seconds_count\{[^}]*outcome="requested"[^}]*result="written"[^}]*\} [1-9]/);
  });

  it('takes the prosecution indicators from the projection, for admins only', async () => {
    await request(app.getHttpServer()).get(staffEndpoints.readProsecutionIndicators.path).set('authorization', await bearer('legal-officer')).expect(403);
    const forwarded = await request(app.getHttpServer()).get(staffEndpoints.readProsecutionIndicators.path).set('authorization', await bearer('admin')).expect(503);
    expect(forwarded.body.message).toMatch(/projection service is not reachable/);
  });

  it('documents the consents a 409 names, the alerts commands raise, and the sealing of perpetrators', async () => {
    const document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const operation = (name: keyof typeof staffEndpoints) => document.paths[staffEndpoints[name].path][staffEndpoints[name].method.toLowerCase()];
    expect(operation('registerFir').responses['409'].description).toMatch(/consent to be named to the police.*which consent is missing/);
    expect(operation('recordWitnessSupport').responses['409'].description).toMatch(/consent to be named to a court.*which consent is missing/);
    expect(operation('nameSurvivorAsAccused').description).toMatch(/decriminalisation alert/);
    expect(operation('registerFir').description).toMatch(/decriminalisation alert/);
    expect(operation('recordBail').description).toMatch(/debt-bondage alert/);
    expect(operation('profilePerpetrator').description).toMatch(/sealed with his own key/);
    for (const name of ['profilePerpetrator', 'registerFir', 'recordTrainingSession'] as const) {
      expect(Object.keys(operation(name).responses)).toContain('201');
    }
    for (const name of ['recordArrest', 'recordWitnessSupport', 'dropSurvivorAccusation', 'linkPerpetrators'] as const) {
      expect(Object.keys(operation(name).responses)).toEqual(expect.arrayContaining(['204', '400', '401', '403', '404', '422']));
    }
  });
});

describe('the household, livelihood and prevention endpoints', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await gateway();
  });
  afterAll(() => app.close());

  const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((problem) => problem.field);
  const validHousehold = () => ({
    place: { state: 'West Bengal', district: 'South 24 Parganas', villageOrWard: 'Canning II, Ward 7' },
    memberIds: [randomUUID(), randomUUID()],
  });
  const validPlacement = () => ({
    kind: 'wage-employment',
    employerOrEnterprise: 'Sonar Tailoring Unit',
    sector: 'garments-and-tailoring',
    skillLevel: 'semi-skilled',
    state: 'West Bengal',
    startedAt: '2026-03-01T10:00:00.000Z',
    monthlyIncomeInr: 9000,
  });

  it('refuses a bad body with a 400 naming each field, before it reaches intake or the livelihood service', async () => {
    const asha = await bearer('caseworker', 'asha');
    const kiran = await bearer('livelihood-officer', 'kiran');
    const household = await request(app.getHttpServer())
      .post(staffEndpoints.registerHousehold.path)
      .set('authorization', asha)
      .send({ place: { state: 'West Bengal', district: 'Kolkata' }, memberIds: [] })
      .expect(400);
    expect(fields(household.body)).toEqual(expect.arrayContaining(['memberIds', 'place.villageOrWard']));
    expect(fields(household.body)).not.toContain('place.state');

    const placement = await request(app.getHttpServer())
      .post(pathOf(staffEndpoints.startPlacement.path))
      .set('authorization', kiran)
      .send({ ...validPlacement(), monthlyIncomeInr: -5, skillLevel: 'expert' })
      .expect(400);
    expect([...new Set(fields(placement.body))].sort()).toEqual(['monthlyIncomeInr', 'skillLevel']);

    const assessment = await request(app.getHttpServer())
      .post(pathOf(staffEndpoints.assessHousehold.path))
      .set('authorization', asha)
      .send({ factors: ['debt', 'bad-luck'], monthlyIncomeInr: 3000, debtInr: 40000, dependants: 31 })
      .expect(400);
    expect(fields(assessment.body)).toEqual(expect.arrayContaining(['factors', 'dependants']));
    expect(fields(assessment.body)).not.toContain('debtInr');

    const support = await request(app.getHttpServer())
      .post(pathOf(staffEndpoints.recordPreventionSupport.path))
      .set('authorization', kiran)
      .send({ kind: 'education-support', status: 'paused', startedAt: '2026-03-01' })
      .expect(400);
    expect(fields(support.body)).toContain('status');
    expect(fields(support.body)).not.toContain('kind');

    const plan = await request(app.getHttpServer()).post(staffEndpoints.openPreventionPlan.path).set('authorization', kiran).send({ householdId: 'the-bose-family' }).expect(400);
    expect(fields(plan.body)).toEqual(['householdId']);
  });

  it('refuses a counsellor a placement (403), and passes a livelihood officer on to the livelihood service', async () => {
    const path = pathOf(staffEndpoints.startPlacement.path);
    await request(app.getHttpServer()).post(path).set('authorization', await bearer('counsellor')).send(validPlacement()).expect(403);
    const forwarded = await request(app.getHttpServer()).post(path).set('authorization', await bearer('livelihood-officer')).send(validPlacement()).expect(503);
    expect(forwarded.body.message).toMatch(/livelihood service is not reachable/);
  });

  it('lets a caseworker register a household with intake, but not start a placement', async () => {
    const caseworker = await bearer('caseworker', 'asha');
    const forwarded = await request(app.getHttpServer()).post(staffEndpoints.registerHousehold.path).set('authorization', caseworker).send(validHousehold()).expect(503);
    expect(forwarded.body.message).toMatch(/intake service is not reachable/);
    await request(app.getHttpServer()).post(pathOf(staffEndpoints.startPlacement.path)).set('authorization', caseworker).send(validPlacement()).expect(403);
  });

  it('takes prevention plans to the livelihood service, for caseworkers and livelihood officers', async () => {
    const path = pathOf(staffEndpoints.readPreventionPlan.path);
    await request(app.getHttpServer()).get(path).set('authorization', await bearer('counsellor')).expect(403);
    const forwarded = await request(app.getHttpServer()).get(path).set('authorization', await bearer('caseworker')).expect(503);
    expect(forwarded.body.message).toMatch(/livelihood service is not reachable/);
  });

  it('documents the minimum wage a placement is compared with, the follow-up of prevention, and the rules that refuse', async () => {
    const document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const operation = (name: keyof typeof staffEndpoints) => document.paths[staffEndpoints[name].path][staffEndpoints[name].method.toLowerCase()];
    for (const name of ['startPlacement', 'followUpIncome'] as const) {
      expect(operation(name).description).toMatch(/minimum wage in force for the state and skill level/);
      expect(operation(name).description).toMatch(/minimum-wages\.json.*source.*date/);
      expect(operation(name).description).toMatch(/sustainable-wage flag/);
      expect(operation(name).description).toMatch(/below-minimum-wage alert/);
    }
    expect(operation('startPlacement').responses['422'].description).toMatch(/no minimum wage on file for the state and skill level/);
    expect(operation('openPreventionPlan').responses['422'].description).toMatch(/a survivor has a livelihood plan, not a prevention plan/);
    expect(operation('recordPreventionSupport').description).toMatch(/first support .* starts the 12-month follow-up of each person it covers/);
    expect(operation('recordPreventionSupport').description).toMatch(/entry prevented.*unless an entry into exploitation was recorded.*a rescue records it by itself/);
    for (const name of ['registerHousehold', 'assessHousehold', 'startSkillTraining', 'startPlacement', 'openPreventionPlan', 'recordPreventionSupport'] as const) {
      expect(Object.keys(operation(name).responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404']));
    }
    for (const name of ['addHouseholdMember', 'endSkillTraining', 'followUpIncome', 'recordPlacementLost', 'recordEntryIntoExploitation'] as const) {
      expect(Object.keys(operation(name).responses)).toEqual(expect.arrayContaining(['204', '400', '401', '403', '404', '422']));
    }
    expect(Object.keys(operation('readPreventionPlan').responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404']));
  });
});

describe('readiness', () => {
  it('is ready while the services behind it are down, reports each, and answers their routes 503', async () => {
    const app = await gateway();
    try {
      // Anyone learns up or down; only an admin learns which service is down and why.
      expect((await request(app.getHttpServer()).get('/health').expect(200)).body).toEqual({ status: 'ok' });
      const caseworker = await bearer('caseworker', 'asha');
      await request(app.getHttpServer()).get('/health/details').expect(401);
      await request(app.getHttpServer()).get('/health/details').set('authorization', caseworker).expect(403);
      const health = await request(app.getHttpServer()).get('/health/details').set('authorization', await bearer('admin')).expect(200);
      expect(health.body.checks.legal).toMatchObject({ status: 'down' });
      expect(health.body.checks.kafka).toMatchObject({ status: 'ok' });
      await request(app.getHttpServer()).get(`/api/v1/people/${randomUUID()}`).set('authorization', caseworker).expect(503);
    } finally {
      await app.close();
    }
  });
});

describe('hardening', () => {
  it('serves no API documentation when GATEWAY_API_DOCS=false', async () => {
    const closed = await gateway({ GATEWAY_API_DOCS: 'false' });
    try {
      await request(closed.getHttpServer()).get('/api/docs-json').expect(404);
      await request(closed.getHttpServer()).get('/api/docs').expect(404);
    } finally {
      await closed.close();
    }
  });

  it('sends security headers, hides the framework, and keeps CORS closed unless configured', async () => {
    const closed = await gateway();
    try {
      const response = await request(closed.getHttpServer()).get('/health/live').set('origin', 'https://elsewhere.example').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(closed.getHttpServer())
        .options('/api/v1/people')
        .set('origin', 'https://elsewhere.example')
        .set('access-control-request-method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await closed.close();
    }

    const open = await gateway({ CORS_ORIGINS: 'https://staff.mukti.example' });
    try {
      const allowed = await request(open.getHttpServer())
        .options('/api/v1/people')
        .set('origin', 'https://staff.mukti.example')
        .set('access-control-request-method', 'POST');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://staff.mukti.example');
      const refused = await request(open.getHttpServer()).get('/health/live').set('origin', 'https://elsewhere.example');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('limits each staff member, and each address, to a budget of requests per minute (429)', async () => {
    const limited = await gateway({ RATE_LIMIT_PER_USER: '3', RATE_LIMIT_PER_ADDRESS: '8' });
    try {
      const asha = await bearer('caseworker', 'asha');
      const path = pathOf(staffEndpoints.readSummary.path);
      for (let index = 0; index < 3; index += 1) {
        expect((await request(limited.getHttpServer()).get(path).set('authorization', asha)).status).toBe(503);
      }
      const refused = await request(limited.getHttpServer()).get(path).set('authorization', asha).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Another staff member still has her own budget, until the address runs out.
      const meena = await bearer('caseworker', 'meena');
      expect((await request(limited.getHttpServer()).get(path).set('authorization', meena)).status).toBe(503);
      const statuses: number[] = [];
      for (let index = 0; index < 5; index += 1) statuses.push((await request(limited.getHttpServer()).get(path)).status);
      expect(statuses).toContain(429);
      // Health probes are never limited.
      await request(limited.getHttpServer()).get('/health/live').expect(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the contract under any input', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await gateway();
  });
  afterAll(() => app.close());

  const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((problem) => problem.field);
  const rani = () => ({ name: 'Rani Das', role: 'survivor', gender: 'female', referralSource: 'ngo' });
  const asAdmin = async () => ({ authorization: await bearer('admin'), 'x-access-reason': 'audit' });

  it('refuses a reason stated in words (400 naming the header), before anything is recorded or forwarded', async () => {
    const personId = randomUUID();
    const requested = async () => {
      const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
      return Number(/mukti_audit_write_duration_seconds_count\{[^}]*outcome="requested"[^}]*\} (\d+)/.exec(metrics.text)?.[1] ?? 0);
    };
    const before = await requested();
    for (const inWords of ['checking on Rani Das from Sonagachi', 'case review', 'case-review: Rani', '']) {
      const refused = await request(app.getHttpServer()).get(`/api/v1/people/${personId}/timeline`).set({ ...(await asAdmin()), 'x-access-reason': inWords }).expect(400);
      expect(refused.body.details).toEqual([{ field: 'x-access-reason', reason: expect.stringContaining('a code, not words') }]);
    }
    expect(await requested()).toBe(before);
    // A code is taken: on to the trail, then to the projection (down here, so 503).
    await request(app.getHttpServer()).get(`/api/v1/people/${personId}/timeline`).set({ ...(await asAdmin()), 'x-access-reason': 'safeguarding-concern: INC-4411' }).expect(503);
    expect(await requested()).toBeGreaterThan(before);
  });

  it('refuses numbers that are not integers within their bounds (page=1e308, offset=1e20), naming the field', async () => {
    const admin = await asAdmin();
    const personId = randomUUID();
    for (const [path, field] of [
      [`/api/v1/audit?personId=${personId}&page=1e308`, 'page'],
      [`/api/v1/audit?personId=${personId}&page=100000000000000000000`, 'page'],
      [`/api/v1/audit?personId=${personId}&pageSize=2.5`, 'pageSize'],
      ['/api/v1/people?offset=1e20', 'offset'],
      ['/api/v1/people?offset=0x10', 'offset'],
      ['/api/v1/alerts?limit=-1', 'limit'],
      ['/api/v1/indicators?k=Infinity', 'k'],
    ]) {
      const response = await request(app.getHttpServer()).get(path).set(admin);
      expect([path, response.status]).toEqual([path, 400]);
      expect([...new Set(fields(response.body))]).toEqual([field]);
    }
    // Within bounds, it passes on to the service behind (down here).
    await request(app.getHttpServer()).get(`/api/v1/audit?personId=${personId}&page=3`).set(admin).expect(503);
  });

  it('gives the request id with a body too large (413) and a body that is not JSON (400)', async () => {
    const token = await bearer('caseworker');
    const large = await request(app.getHttpServer())
      .post('/api/v1/people')
      .set('authorization', token)
      .set('x-request-id', 'too-large-1')
      .send({ ...rani(), address: 'x'.repeat(300_000) })
      .expect(413);
    expect(large.body).toMatchObject({ statusCode: 413, requestId: 'too-large-1' });
    const broken = await request(app.getHttpServer()).post('/api/v1/people').set('authorization', token).set('content-type', 'application/json').send('{"name":').expect(400);
    expect(broken.body.requestId).toEqual(expect.any(String));
    expect(broken.body.requestId).toBe(broken.headers['x-request-id']);
  });

  it('refuses a body nested thousands of levels deep, or with too many keys, with a 400 that says so', async () => {
    const caseworker = await bearer('caseworker');
    const deep = `{"name":"Rani Das","origin":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const nested = await request(app.getHttpServer()).post('/api/v1/people').set('authorization', caseworker).set('content-type', 'application/json').send(deep).expect(400);
    expect(nested.body.message).toMatch(/nests deeper than \d+ levels/);
    expect(nested.body.requestId).toBeDefined();
    const wide = { ...rani(), languages: Array.from({ length: 3000 }, () => 'bn') };
    const many = await request(app.getHttpServer()).post('/api/v1/people').set('authorization', caseworker).send(wide).expect(400);
    expect(many.body.message).toMatch(/more than \d+ keys/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a body with a "%s" key, naming it', async (key) => {
    const body = `{"name":"Rani Das","role":"survivor","gender":"female","referralSource":"ngo","origin":{"${key}":{"isAdmin":true}}}`;
    const response = await request(app.getHttpServer())
      .post('/api/v1/people')
      .set('authorization', await bearer('caseworker'))
      .set('content-type', 'application/json')
      .send(body)
      .expect(400);
    expect(fields(response.body)).toEqual([`origin.${key}`]);
  });

  it.each([' ', '\u0000', '\u200B', '\u200B\u00A0\u2060', '  \uFEFF ', '. -', 'Rani\u0000Das'])('refuses the name %j: a name contains a letter', async (name) => {
    const caseworker = await bearer('caseworker');
    const person = await request(app.getHttpServer()).post('/api/v1/people').set('authorization', caseworker).send({ ...rani(), name }).expect(400);
    expect(fields(person.body)).toEqual(['name']);
    const perpetrator = await request(app.getHttpServer())
      .post('/api/v1/perpetrators')
      .set('authorization', await bearer('legal-officer'))
      .send({ category: 'trafficker', name })
      .expect(400);
    expect(fields(perpetrator.body)).toEqual(['name']);
  });

  it('takes names in any script', async () => {
    for (const name of ['রানী দাস', 'रानी', 'Ō', '李']) {
      await request(app.getHttpServer()).post('/api/v1/people').set('authorization', await bearer('caseworker')).send({ ...rani(), name }).expect(503);
    }
  });

  it('answers 405 with Allow for a method a known path does not have, and 404 for an unknown path', async () => {
    const token = await bearer('caseworker');
    const trace = await request(app.getHttpServer()).trace('/api/v1/people').set('authorization', token).expect(405);
    expect(trace.headers['allow']).toBe('GET, HEAD, POST');
    const remove = await request(app.getHttpServer()).delete(pathOf(staffEndpoints.readPerson.path)).set('authorization', token).expect(405);
    expect(remove.headers['allow']).toBe('GET, HEAD');
    expect(remove.body).toMatchObject({ statusCode: 405, requestId: expect.any(String) });
    await request(app.getHttpServer()).get('/api/v1/nothing-here').set('authorization', token).expect(404);
  });

  it('refuses an Authorization header with more than "Bearer <token>", and a token naming no one (401)', async () => {
    const token = await bearer('caseworker');
    const path = pathOf(staffEndpoints.readSummary.path);
    await request(app.getHttpServer()).get(path).set('authorization', token).expect(503);
    for (const header of [`${token} extra`, `${token},other`, token.replace('Bearer ', 'Bearer  '), token.replace('Bearer', 'bearer')]) {
      await request(app.getHttpServer()).get(path).set('authorization', header).expect(401);
    }
    await request(app.getHttpServer()).get(path).set('authorization', await bearer('caseworker', '')).expect(401);
  });

  it('documents ids as UUIDs, integers as integers (queries bounded), and every error answer with the one error shape', async () => {
    const document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    type Parameter = { name: string; in: string; schema: { type?: string; format?: string; minimum?: number; maximum?: number } };
    type Operation = { parameters?: Parameter[]; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> };
    const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ at: `${method.toUpperCase()} ${path}`, ...operation })),
    );
    const integerQueries = new Set(['k', 'limit', 'offset', 'page', 'pageSize']);
    let ids = 0;
    let integers = 0;
    for (const operation of operations) {
      for (const parameter of operation.parameters ?? []) {
        // Staff ids are the token's subject, not UUIDs; every other id is.
        if (parameter.in === 'path' && /Id$/.test(parameter.name) && parameter.name !== 'staffId') {
          ids += 1;
          expect([operation.at, parameter.name, parameter.schema]).toEqual([operation.at, parameter.name, expect.objectContaining({ type: 'string', format: 'uuid' })]);
        }
        if (parameter.in === 'query' && integerQueries.has(parameter.name)) {
          integers += 1;
          expect([operation.at, parameter.name, parameter.schema]).toEqual([
            operation.at,
            parameter.name,
            expect.objectContaining({ type: 'integer', minimum: expect.any(Number), maximum: expect.any(Number) }),
          ]);
        }
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) expect([operation.at, status, response.content?.['application/json']?.schema.$ref]).toEqual([operation.at, status, '#/components/schemas/ErrorView']);
      }
      expect([operation.at, Object.keys(operation.responses)]).toEqual([operation.at, expect.arrayContaining(['400', '401', '403', '429', '503'])]);
    }
    expect(ids).toBeGreaterThan(50);
    expect(integers).toBeGreaterThanOrEqual(7);
    expect(document.components.schemas.ErrorView.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message']));
    // Body fields the validator wants as integers are declared integers, inherited ones included.
    expect(document.components.schemas.RegisterPersonRequest.properties.birthYear.type).toBe('integer');
    expect(document.components.schemas.AssessHouseholdRequest.properties.dependants.type).toBe('integer');
    expect(document.components.schemas.ConsentView.properties.givenBy).toMatchObject({ type: 'string', enum: expect.arrayContaining(['self']) });
    const summary = document.paths[staffEndpoints.readSummary.path].get.responses['200'];
    expect(summary.content['application/json'].schema.$ref).toBe('#/components/schemas/PersonSummaryView');
  });
});
