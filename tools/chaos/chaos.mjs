// npm run chaos -- --minutes N [--seed S] [--rate R]
// The whole platform as processes against the local broker and store (or KAFKA_BROKERS /
// MONGODB_URI), staff of every pillar working cases at a steady rate (R commands/s, about), while
// faults strike at random moments: kill -9 of a service (restarted), the broker restarted, the
// store restarted (FerretDB, or its PostgreSQL), a service paused (SIGSTOP) past the gateway's
// timeout. Then, once the platform is quiet, a checker (./checker.mjs) and ONE line of figures;
// the exit code is 1 if anything was lost, duplicated or diverged.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { installDependenciesIfMissing } from '../run/install.mjs';
import { carefulClient, seeded, staffNames, workOneCase } from './workload.mjs';
import { check, deadLettersOf, outboxLeft } from './checker.mjs';

installDependenciesIfMissing();
const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string' },
    rate: { type: 'string', default: '2' },
    verbose: { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const seed = values.seed === undefined ? Math.floor(Math.random() * 1e9) : Number(values.seed);
const commandsPerSecond = Number(values.rate);
if (!(minutes > 0) || !Number.isFinite(seed) || !(commandsPerSecond > 0)) {
  console.error('usage: npm run chaos -- --minutes N [--seed S] [--rate commands-per-second] [--verbose]');
  process.exit(2);
}
const random = seeded(seed);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line) => console.error(`chaos | ${new Date().toISOString().slice(11, 19)} ${line}`);

const { up, down } = await import('../infra/infra.mjs');
const { build } = await import('../build/build.mjs');
const { startPlatform, platformServices } = require('../run/service-processes.cjs');
const { replayProjection, vouchedHeaders, consumerReport } = require('../run/projection-replay.cjs');

// Broker and store faults need a broker and store of our own to restart.
const ownInfrastructure = !process.env.KAFKA_BROKERS && !process.env.MONGODB_URI;
const infrastructure = await up({ quiet: true });
await build();
const { signDevelopmentToken } = require('../../dist/libs/security/src');
const { staffTokenVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables } = require('../../dist/libs/config/src');
const { intakeEventTypes, rescueEventTypes, rehabilitationEventTypes, legalEventTypes, livelihoodEventTypes, provisioningPrincipal } = require('../../dist/libs/contracts/src');
const { createKafka } = require('../../dist/libs/messaging/src');
const types = { intake: intakeEventTypes, rescue: rescueEventTypes, rehabilitation: rehabilitationEventTypes, legal: legalEventTypes, livelihood: livelihoodEventTypes };

const run = `chaos-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
const gatewayTimeoutMs = 3000;
const logs = [];
const platform = await startPlatform({
  kafkaBrokers: infrastructure.kafkaBrokers,
  mongodbUri: infrastructure.mongodbUri,
  databasePrefix: run,
  // A service restarted while the broker or store is coming back (or on a loaded machine) takes a while.
  readyTimeoutMs: 180_000,
  extra: {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_USER: '100000',
    RATE_LIMIT_PER_ADDRESS: '100000',
    GATEWAY_UPSTREAM_TIMEOUT_MS: String(gatewayTimeoutMs),
  },
  // Warnings and errors are kept for the report; --verbose shows them as they come.
  output: (service, line) => {
    if (logs.length < 50_000) logs.push(`${service} | ${line}`);
    if (values.verbose) console.error(`${service.padEnd(14)}| ${line}`);
  },
});
say(`seed ${seed}, platform ${run} up: ${platform.gatewayUrl}`);

// A service that dies on its own is started again, as Kubernetes would; each such exit is counted.
const crashes = {};
const deliberate = new Set();
const watch = (name) => {
  const handle = platform.process(name);
  handle.exited.then(async ({ code, signal }) => {
    if (deliberate.has(handle) || stopping) return;
    crashes[name] = (crashes[name] ?? 0) + 1;
    say(`${name} exited by itself (code ${code}, signal ${signal}); starting it again`);
    await restartWhenPossible(name);
  });
};
let stopping = false;
async function restartWhenPossible(name) {
  for (let attempt = 1; !stopping; attempt += 1) {
    try {
      await platform.start(name);
      watch(name);
      return;
    } catch (error) {
      say(`${name} did not start (${error.message.split('\n')[0]}); trying again`);
      await sleep(Math.min(1000 * attempt, 10_000));
    }
  }
}
platformServices.forEach(watch);

// The staff: several of each role, each with her own token.
const tokenSettings = defineConfig('chaos', staffTokenVariables).load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true', ...process.env });
const staff = {};
for (const [role, names] of Object.entries(staffNames)) {
  staff[role] = await Promise.all(names.map(async (sub) => ({ sub, role, authorization: `Bearer ${await signDevelopmentToken(tokenSettings, { sub, role }, '12h')}` })));
}

const figures = { commands: { accepted: 0, refused: 0, unknown: 0 }, answers: {}, refusals: {}, faults: {} };
const send = carefulClient({ gateway: platform.gatewayUrl, figures });

/** The broker and store back, however long a loaded machine makes them take: a fault is a restart, not an outage. */
async function bringInfrastructureBack() {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await up({ quiet: true, kafkaTimeoutMs: 180_000 });
      return;
    } catch (error) {
      say(`broker or store not back yet (${error.message.split('\n')[0].slice(0, 160)}); trying again`);
      if (attempt >= 5) throw error;
    }
  }
}

// Faults at random moments, one at a time.
const faultKinds = ['kill', 'kill', 'pause', ...(ownInfrastructure ? ['broker-restart', 'store-restart'] : [])];
async function injectFault() {
  const kind = random.pick(faultKinds);
  const count = (label) => (figures.faults[label] = (figures.faults[label] ?? 0) + 1);
  if (kind === 'kill') {
    const name = random.pick(platformServices);
    deliberate.add(platform.process(name));
    say(`fault: kill -9 ${name}`);
    count(`kill-${name}`);
    await platform.kill(name);
    await restartWhenPossible(name);
  } else if (kind === 'pause') {
    const name = random.pick(platformServices.filter((service) => service !== 'gateway'));
    say(`fault: SIGSTOP ${name} for ${(gatewayTimeoutMs * 2) / 1000} s`);
    count(`pause-${name}`);
    platform.pause(name);
    await sleep(gatewayTimeoutMs * 2);
    platform.resume(name);
  } else if (kind === 'broker-restart') {
    say('fault: broker restart');
    count('broker-restart');
    await down({ quiet: true, only: { kafka: true } });
    await bringInfrastructureBack();
  } else {
    const part = infrastructure.storeBackend === 'postgresql' && random.chance(0.5) ? 'postgres' : 'ferretdb';
    say(`fault: store restart (${part})`);
    count(`store-restart-${part}`);
    await down({ quiet: true, only: part === 'postgres' ? { postgres: true } : { ferretdb: true, postgres: false } });
    await bringInfrastructureBack();
  }
}

let exitCode = 0;
const cases = [];
try {
  const until = Date.now() + minutes * 60_000;
  // A case is about 17 commands, one after another; start them so the platform sees the rate asked for.
  const commandsPerCase = 17;
  const working = [];
  const driving = (async () => {
    for (let index = 0; Date.now() < until; index += 1) {
      working.push(
        workOneCase({ send, staff, random: seeded(seed + index + 1), types, figures, label: `${run}-${index}` })
          .then((record) => cases.push(record))
          .catch((error) => say(`a case stopped: ${error.message}`)),
      );
      await sleep((commandsPerCase / commandsPerSecond) * 1000 * random.between(0.5, 1.5));
    }
  })();
  const faulting = (async () => {
    await sleep(random.between(10_000, 20_000));
    while (Date.now() < until - 20_000) {
      await injectFault().catch((error) => say(`fault failed: ${error.message}`));
      await sleep(random.between(10_000, 30_000));
    }
  })();
  await Promise.all([driving, faulting]);
  say(`${minutes} min over: waiting for the cases in hand (${working.length} started)`);
  await Promise.all(working);

  // Quiet: every consumer at the end of its topics and every outbox empty, twice in a row.
  say('waiting for the platform to be quiet');
  if (ownInfrastructure) await bringInfrastructureBack();
  const consuming = ['projection', 'audit', 'rescue', 'rehabilitation', 'legal', 'livelihood'];
  const producing = ['intake', 'rescue', 'rehabilitation', 'legal', 'livelihood'];
  // A loaded machine drains a broker outage's backlog slowly: wait as long as it shrinks.
  let best = Infinity;
  let progressAt = Date.now();
  for (let quiet = 0; quiet < 2; ) {
    const reports = await Promise.all(
      platformServices
        .filter((name) => name !== 'gateway')
        .map(async (name) => {
          const body = await fetch(`${platform.url(name)}/health/details`, { headers: await vouchedHeaders(), signal: AbortSignal.timeout(20_000) })
            .then((response) => response.json())
            .catch(() => ({}));
          return { name, lag: body?.checks?.kafka?.lag?.total, pending: body?.checks?.outbox?.pendingCommits };
        }),
    );
    const behind = reports.filter(({ name, lag }) => consuming.includes(name) && lag !== 0);
    const unpublished = reports.filter(({ name, pending }) => producing.includes(name) && pending !== 0);
    const left = [...behind.map(({ lag }) => lag), ...unpublished.map(({ pending }) => pending)].reduce((sum, count) => sum + (count ?? 1000), 0);
    if (left < best) {
      best = left;
      progressAt = Date.now();
    }
    quiet = left === 0 ? quiet + 1 : 0;
    if (Date.now() - progressAt > 5 * 60_000) {
      throw new Error(`no progress for 5 min: behind ${behind.map(({ name, lag }) => `${name} ${lag}`).join(', ')}; outbox not empty ${unpublished.map(({ name, pending }) => `${name} ${pending}`).join(', ')}`);
    }
    await sleep(3000);
  }

  say('rebuilding the projection from the topics');
  const rebuilt = await replayProjection({
    kafkaBrokers: infrastructure.kafkaBrokers,
    mongodbUri: infrastructure.mongodbUri,
    database: `${run}-projection-rebuilt`,
    group: `${run}-projection-rebuilt`,
    extra: { LOG_LEVEL: 'warn' },
  });
  say(`rebuilt: ${rebuilt.handled} events in ${rebuilt.seconds.toFixed(1)} s (${Math.round(rebuilt.rate)} events/s)`);
  const problems = [];
  let found;
  try {
    found = await check({ cases, live: platform.url('projection'), rebuilt: rebuilt.url, vouched: () => vouchedHeaders(), gateway: platform.gatewayUrl, problems });
  } finally {
    await rebuilt.projection.stop();
  }
  const databases = platformServices.filter((name) => name !== 'gateway').map((name) => `${run}-${name}`);
  const left = await outboxLeft({ mongodbUri: infrastructure.mongodbUri, databases });
  // The checker reads every group's dead letters: as the super-user, with the development password unless told otherwise.
  const connection = defineConfig('chaos', { ...eventSourcedServiceVariables, ...kafkaClientVariables(provisioningPrincipal) }).load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true', ...process.env, KAFKA_BROKERS: infrastructure.kafkaBrokers });
  const kafka = createKafka({ connection, clientId: 'mukti-chaos', logger: require('pino')({ level: 'warn' }) });
  const deadLetters = await deadLettersOf({ kafka, groups: [...consuming.map((name) => `${run}-${name}`), rebuilt.group] });
  for (const problem of problems.slice(0, 50)) console.error(`  ${problem}`);
  for (const [reason, count] of Object.entries(figures.refusals)) console.error(`  refused ${count} ×: ${reason}`);
  if (Object.keys(deadLetters).length > 0) console.error(`  dead letters: ${JSON.stringify(deadLetters)} (read <group>.dead-letters.v1)`);
  const byKind = Object.entries(figures.faults).map(([kind, count]) => `${kind} ${count}`).join(', ');
  const totalFaults = Object.values(figures.faults).reduce((sum, count) => sum + count, 0);
  const totalDeadLetters = Object.values(deadLetters).reduce((sum, count) => sum + count, 0);
  const outboxCount = left.pending + left.held + left['set-aside'];
  console.log(
    `chaos seed ${seed}, ${minutes} min: commands accepted ${figures.commands.accepted} (refused ${figures.commands.refused}, outcome unknown ${figures.commands.unknown}), ` +
      `faults ${totalFaults} (${byKind || 'none'}${Object.keys(crashes).length ? `; exited by themselves: ${JSON.stringify(crashes)}` : ''}), ` +
      `lost ${found.lost}, duplicated ${found.duplicated}, diverged ${found.diverged}, dead letters ${totalDeadLetters}, ` +
      `unreadable ${found.unreadable}, outbox left ${outboxCount}, people ${cases.filter((record) => record.id).length}, alerts expected ${found.alertsExpected}`,
  );
  if (found.lost || found.duplicated || found.diverged) exitCode = 1;
  if (values.verbose) console.error(`answers other than 2xx: ${JSON.stringify(figures.answers)}`);
} catch (error) {
  say(`chaos run failed: ${error.stack ?? error.message}`);
  exitCode = 2;
} finally {
  stopping = true;
  await platform.stop({ kill: true });
  if (exitCode === 0) await platform.dropDatabases().catch(() => {});
  else say(`databases ${run}-* kept for a look; last warnings: \n${logs.filter((line) => /"level":(40|50|60)/.test(line)).slice(-20).join('\n')}`);
  await down({ quiet: true, only: infrastructure.started });
}
process.exit(exitCode);
