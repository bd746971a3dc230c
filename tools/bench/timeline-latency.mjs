// npm run bench: over real processes,
//  - the time from POST /people at the gateway to the registration on her timeline, through
//    intake, the outbox relay, Kafka and the projection;
//  - the time from a recorded rescue (the 204) to her care plan on her timeline: rescue, Kafka,
//    the rehabilitation service's reaction, its outbox, Kafka again and the projection.
//   npm run bench -- --people 50
// Prints the median, p95 and max. Uses (or starts) the local broker and store, fresh databases
// and a consumer group of its own, and free ports; stops what it started.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { installDependenciesIfMissing } from '../run/install.mjs';

installDependenciesIfMissing();
const require = createRequire(import.meta.url);
const { up, down } = await import('../infra/infra.mjs');
const { build } = await import('../build/build.mjs');
const { startPlatform } = require('../run/service-processes.cjs');

const { values } = parseArgs({ options: { people: { type: 'string', default: '30' } } });
const people = Number(values.people);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const infrastructure = await up({ quiet: true });
let platform;
try {
  await build();
  const run = `bench-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  platform = await startPlatform({
    kafkaBrokers: infrastructure.kafkaBrokers,
    mongodbUri: infrastructure.mongodbUri,
    databasePrefix: run,
    extra: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_USER: '100000' },
  });
  const gateway = platform.gatewayUrl;
  const { signDevelopmentToken, ServiceTokenIssuer } = require('../../dist/libs/security/src');
  const { staffTokenVariables, serviceTokenSigningVariables, defineConfig } = require('../../dist/libs/config/src');
  // The development keys the services here run with.
  const settings = defineConfig('bench', { ...staffTokenVariables, ...serviceTokenSigningVariables }).load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true', ...process.env });
  const token = await signDevelopmentToken(settings, { sub: 'bench', role: 'caseworker' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const coordinator = await signDevelopmentToken(settings, { sub: 'bench-coordinator', role: 'rescue-coordinator' });
  // The projection is read directly, as the gateway would, with a short-lived token the gateway's key signs.
  const gatewayKey = new ServiceTokenIssuer(settings.SERVICE_TOKEN_PRIVATE_KEY);
  const vouchedFor = async (role = 'caseworker') => ({ authorization: `Bearer ${await gatewayKey.issue({ sub: 'bench', role })}` });
  const coordinatorHeaders = { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' };

  // A fresh projection first replays what is already on the topics: measure once it has caught up.
  const projection = platform.url('projection');
  for (const started = Date.now(); ; ) {
    const health = await (await fetch(`${projection}/health/details`, { headers: await vouchedFor('admin') })).json().catch(() => ({}));
    if (health.checks?.kafka?.lag?.total === 0) break;
    if (Date.now() - started > 300_000) throw new Error('the projection did not catch up with the topics within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Warm-up: connections, JIT, the projection's group assignment.
  const samples = [];
  const answered = [];
  for (let index = -3; index < people; index += 1) {
    const started = performance.now();
    const response = await fetch(`${gateway}/api/v1/people`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ role: 'at-risk', name: `Bench ${run} ${index}`, gender: 'female', age: 25, referralSource: 'community' }),
    });
    if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
    const { id } = await response.json();
    if (index >= 0) answered.push(performance.now() - started);
    // Watch the projection itself: polling through the gateway would write an audit record per look.
    for (;;) {
      const timeline = await fetch(`${projection}/people/${id}/timeline`, { headers: await vouchedFor() });
      if (timeline.status === 200) break;
      if (performance.now() - started > 30_000) throw new Error(`person ${id} did not reach the timeline within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (index >= 0) samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  answered.sort((a, b) => a - b);
  const ms = (value) => `${value.toFixed(1)} ms`;
  console.log(
    `POST /people -> entry on the timeline, ${samples.length} registrations, one at a time: ` +
      `median ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, max ${ms(samples.at(-1))}` +
      ` (of which the 201 answer: median ${ms(percentile(answered, 50))}, p95 ${ms(percentile(answered, 95))})`,
  );

  // Rescue -> care plan: one operation and one person rescued at a time, each already known to the rescue service.
  const post = async (path, body, requestHeaders) => {
    const response = await fetch(`${gateway}${path}`, { method: 'POST', headers: requestHeaders, body: JSON.stringify(body) });
    return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
  };
  const carePlanSamples = [];
  for (let index = -3; index < people; index += 1) {
    const person = await post('/api/v1/people', { role: 'survivor', name: `Bench rescued ${run} ${index}`, gender: 'female', age: 25, referralSource: 'police' }, headers);
    // Only a coordinator on her case team may name her in a rescue: her caseworker puts one there.
    const assigned = await post(`/api/v1/people/${person.body.id}/assignments`, { staffId: 'bench-coordinator', staffRole: 'rescue-coordinator' }, headers);
    if (assigned.status !== 204) throw new Error(`the assignment answered ${assigned.status}: ${JSON.stringify(assigned.body)}`);
    const operation = await post(
      '/api/v1/rescue-operations',
      {
        kind: 'rescue-on-complaint',
        place: { state: 'Maharashtra', district: 'Pune', kindOfPlace: 'lodge-or-hotel' },
        agencies: ['local-police'],
        legalBasis: 'itpa-s16',
        leadOfficer: 'Inspector, Pune',
        plannedFor: new Date(Date.now() - 3600_000).toISOString(),
      },
      coordinatorHeaders,
    );
    const rescue = { carriedOutAt: new Date().toISOString(), searchWitnesses: { total: 2, women: 1 }, persons: [{ personId: person.body.id, policeRecordedAs: 'victim', ageAtRescue: 25 }] };
    let started;
    for (const waitingSince = Date.now(); ; ) {
      started = performance.now();
      const { status, body } = await post(`/api/v1/rescue-operations/${operation.body.id}/rescue`, rescue, coordinatorHeaders);
      if (status === 204) break;
      // Until the rescue service has read her registration and case team from intake's topic, she is unknown (the 404 of someone never registered).
      if (status !== 404 || Date.now() - waitingSince > 30_000) throw new Error(`the rescue answered ${status}: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (;;) {
      const timeline = await fetch(`${projection}/people/${person.body.id}/timeline`, { headers: await vouchedFor() });
      const entries = timeline.status === 200 ? (await timeline.json()).entries : [];
      if (entries.some((entry) => entry.type === 'org.mukti.rehabilitation.care-plan-opened.v1')) break;
      if (performance.now() - started > 30_000) throw new Error(`the care plan of ${person.body.id} did not reach her timeline within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (index >= 0) carePlanSamples.push(performance.now() - started);
  }
  carePlanSamples.sort((a, b) => a - b);
  console.log(
    `rescue recorded (204) -> care plan on her timeline, ${carePlanSamples.length} rescues, one at a time: ` +
      `median ${ms(percentile(carePlanSamples, 50))}, p95 ${ms(percentile(carePlanSamples, 95))}, max ${ms(carePlanSamples.at(-1))}`,
  );
} finally {
  await platform?.stop();
  await down({ quiet: true, only: infrastructure.started });
}
