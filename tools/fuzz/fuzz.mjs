// Schema-driven fuzzing of the staff API: schemathesis (tools/fuzz/schemathesis.mjs) reads the
// gateway's OpenAPI document and sends what a client generator or an attacker would, as every
// staff role with a token of its own (an admin with X-Access-Reason). A run fails on any server
// error, answer that breaks the document (schema, status, content type, headers), schema-valid
// request refused or schema-breaking request accepted: `--checks all`, fixed seed.
//
//   npm run fuzz [-- --examples 100] [--url http://127.0.0.1:3000] [--roles admin,caseworker]
//                [--seed 20260101] [--phases examples,coverage,fuzzing,stateful] [--workers 1]
//                [--own-operations]   (each role only on the operations it may call)
//                [--parallel 1]       (roles fuzzed side by side)
//
// Without --url it starts the infrastructure (or uses KAFKA_BROKERS / MONGODB_URI), builds, and
// starts a platform of its own on free ports, as the end-to-end tests do. npm test calls fuzz()
// with a short budget (tools/run/test.mjs).
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSchemathesis } from './schemathesis.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reports = path.join(root, '.cache/fuzz');
const configFile = path.join(root, 'tools/fuzz/schemathesis.toml');
const { freePort, platformEnvironment, platformServices, provisionKafka, startService } = require('../run/service-processes.cjs');

/** Every role, from the contracts (dist/ must be built). */
function staffRoles() {
  return require(path.join(root, 'dist/libs/contracts/src')).staffRoles;
}

/** The operations a role may call, from the one table of who may call what (libs/staff-api endpoint-roles). */
function operationsOf(role) {
  const { staffEndpoints } = require(path.join(root, 'dist/libs/staff-api/src'));
  return Object.values(staffEndpoints)
    .filter((endpoint) => endpoint.roles.includes(role))
    .map((endpoint) => `${endpoint.method} ${endpoint.path}`);
}

/** Whether a role may create a resource (a POST to a collection): the stateful phase starts from one. */
const createsAnything = (role) => operationsOf(role).some((name) => /^POST [^{]+$/.test(name));
const withoutStateful = (phases) => phases.split(',').filter((phase) => phase !== 'stateful').join(',');

/** A development token per role, signed as `npm run token` signs it (AUTH_JWT_SECRET or the development default). */
async function tokenFor(role) {
  const { signDevelopmentToken } = require(path.join(root, 'dist/libs/security/src'));
  const { staffTokenVariables, defineConfig } = require(path.join(root, 'dist/libs/config/src'));
  const settings = defineConfig('fuzz', staffTokenVariables).load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true', ...process.env });
  return signDevelopmentToken(settings, { sub: `fuzz-${role}`, role }, '2h');
}

/**
 * The platform on free ports with databases and consumer groups of its own. The rate limits are
 * raised: the fuzzer sends thousands of requests a minute from one address and one staff member,
 * and a 429 on every other request would hide what it is looking for.
 */
export async function startFuzzPlatform({ kafkaBrokers, mongodbUri }) {
  const run = `fuzz-${Date.now().toString(36)}`;
  const environment = platformEnvironment({
    kafkaBrokers,
    mongodbUri,
    ports: Object.fromEntries(await Promise.all(platformServices.map(async (name) => [name, await freePort()]))),
    databasePrefix: run,
    consumerGroupPrefix: run,
    extra: { RATE_LIMIT_PER_USER: '10000000', RATE_LIMIT_PER_ADDRESS: '10000000', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  mkdirSync(reports, { recursive: true });
  // Warnings and errors of every service, for the failures the fuzzer reports.
  const log = createWriteStream(path.join(reports, 'platform.log'));
  const started = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
    log.end();
    const { MongoClient } = require('mongodb');
    const mongo = await MongoClient.connect(mongodbUri);
    for (const name of platformServices.filter((service) => service !== 'gateway')) await mongo.db(`${run}-${name}`).dropDatabase();
    await mongo.close();
  };
  try {
    // Topics and each service's ACLs and consumer groups, as npm start and the e2e tests do.
    await provisionKafka(environment.gateway);
    for (const name of platformServices) started.push(await startService(name, environment[name], { output: (line) => log.write(`${name} ${line}\n`) }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${environment.ports.gateway}`, stop };
}

/** Reads a run's event stream: requests sent, answers by status, failures by check. */
async function summarise(ndjson) {
  const summary = { operations: 0, requests: 0, statuses: {}, failures: {}, errors: 0 };
  const lines = createInterface({ input: createReadStream(ndjson), crlfDelay: Infinity });
  const seen = new Set();
  for await (const line of lines) {
    if (!line.startsWith('{"ScenarioFinished"') && !line.startsWith('{"EngineFinished"')) continue;
    const event = JSON.parse(line);
    const recorder = event.ScenarioFinished?.recorder;
    if (!recorder) continue;
    const statusOf = {};
    for (const [id, interaction] of Object.entries(recorder.interactions ?? {})) {
      summary.requests += 1;
      const status = interaction.response?.status_code ?? 'no answer';
      statusOf[id] = status;
      summary.statuses[status] = (summary.statuses[status] ?? 0) + 1;
    }
    for (const [id, checks] of Object.entries(recorder.checks ?? {})) {
      for (const check of checks) {
        if (check.status !== 'failure') continue;
        const failure = check.failure_info?.failure ?? {};
        // One finding per check, operation, status and message: the same one again is not a new one.
        const key = `${check.name}|${failure.operation}|${statusOf[id]}|${failure.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const kind = `${failure.code ?? check.name} ${failure.title ?? check.name}`;
        summary.failures[kind] ??= {};
        summary.failures[kind][statusOf[id] ?? '?'] = (summary.failures[kind][statusOf[id] ?? '?'] ?? 0) + 1;
      }
    }
  }
  return summary;
}

function describe(role, summary) {
  const failures = Object.entries(summary.failures)
    .map(([kind, byStatus]) => `${kind} (${Object.entries(byStatus).map(([status, count]) => `${status}: ${count}`).join(', ')})`)
    .join('; ');
  const statuses = Object.entries(summary.statuses)
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  const failed = Object.values(summary.failures).reduce((sum, byStatus) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
  const errors = summary.errors ? `, ${summary.errors} operations not tested (errors)` : '';
  return `fuzz ${role.padEnd(18)} ${summary.operations} operations, ${summary.requests} requests, ${failed} failures${failures ? `: ${failures}` : ''}${errors} [answers ${statuses}]`;
}

/** Runs schemathesis once for one role; resolves with its exit code and summary. */
async function fuzzRole({ executable, url, role, examples, seed, phases, workers, ownOperations }) {
  const directory = path.join(reports, role);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const headers = [`Authorization: Bearer ${await tokenFor(role)}`];
  // An admin opens a record only with a reason, which the audit trail keeps.
  if (role === 'admin') headers.push('X-Access-Reason: audit');
  const args = [
    '--config-file', configFile,
    'run', `${url}/api/docs-json`,
    '--url', url,
    '--checks', 'all',
    '--seed', String(seed),
    '--max-examples', String(examples),
    '--phases', ownOperations && !createsAnything(role) ? withoutStateful(phases) : phases,
    '--workers', String(workers),
    '--generation-database', 'none',
    '--report', 'json,ndjson',
    '--report-dir', directory,
    '--no-color',
    ...headers.flatMap((header) => ['-H', header]),
    // Only what the role may call: elsewhere every answer is the same 403, which the
    // role-by-endpoint test already walks for every operation.
    ...(ownOperations ? operationsOf(role).flatMap((name) => ['--include-name', name]) : []),
  ];
  const output = path.join(directory, 'schemathesis.log');
  const log = createWriteStream(output);
  // Its cache (.schemathesis/) goes with the reports, not into the working tree.
  const child = spawn(executable, args, { cwd: reports, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const code = await new Promise((resolve) => child.once('exit', (exit) => resolve(exit ?? 1)));
  await new Promise((resolve) => log.end(resolve));
  const files = readdirSync(directory);
  const ndjson = files.find((file) => file.endsWith('.ndjson'));
  const json = files.find((file) => file.startsWith('json-') && file.endsWith('.json'));
  const summary = ndjson ? await summarise(path.join(directory, ndjson)) : { operations: 0, requests: 0, statuses: {}, failures: {}, errors: 0 };
  if (json) {
    const report = JSON.parse(readFileSync(path.join(directory, json), 'utf8'));
    summary.operations = report.operations?.tested ?? 0;
    // An operation it could not test (a pattern it cannot generate from, say) is a failure too.
    summary.errors = report.errors?.length ?? 0;
  }
  // The event stream is large (every request and answer); the text log and the JSON report stay.
  if (ndjson && !process.env.MUKTI_FUZZ_KEEP_EVENTS) rmSync(path.join(directory, ndjson));
  return { role, code, summary, output };
}

const passed = (result) => result.code === 0 && Object.keys(result.summary.failures).length === 0 && result.summary.errors === 0;

/**
 * Fuzzes the API at `url` as each role in turn. Prints one line per role and, for a role that
 * failed, schemathesis's account of each failure (with a curl line that reproduces it).
 */
export async function fuzz({
  url,
  examples = 100,
  seed = 20260101,
  roles,
  phases = 'examples,coverage,fuzzing,stateful',
  workers = 1,
  ownOperations = false,
  parallel = 1,
}) {
  const executable = ensureSchemathesis();
  const results = [];
  const pending = [...(roles ?? staffRoles())];
  // `phases` may depend on the role.
  const phasesOf = typeof phases === 'function' ? phases : () => phases;
  const next = async () => {
    for (let role = pending.shift(); role; role = pending.shift()) {
      const started = Date.now();
      const result = await fuzzRole({ executable, url, role, examples, seed, phases: phasesOf(role), workers, ownOperations });
      results.push(result);
      console.log(`${describe(role, result.summary)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (!passed(result)) {
        const text = readFileSync(result.output, 'utf8');
        const from = [text.indexOf('= ERRORS ='), text.indexOf('= FAILURES =')].filter((index) => index >= 0).sort((a, b) => a - b)[0] ?? -1;
        console.log((from >= 0 ? text.slice(text.lastIndexOf('\n', from) + 1) : text).trimEnd());
        console.log(`(all of it: ${path.relative(root, result.output)}; platform logs: .cache/fuzz/platform.log)`);
      }
    }
  };
  // Roles side by side: each schemathesis process mostly waits for the platform's answers.
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, next));
  return { ok: results.every(passed), results };
}

async function main() {
  const { values } = parseArgs({
    options: {
      examples: { type: 'string', default: '100' },
      url: { type: 'string' },
      roles: { type: 'string' },
      seed: { type: 'string', default: '20260101' },
      phases: { type: 'string', default: 'examples,coverage,fuzzing,stateful' },
      workers: { type: 'string', default: '1' },
      'own-operations': { type: 'boolean', default: false },
      parallel: { type: 'string', default: '1' },
    },
  });
  const options = {
    examples: Number(values.examples),
    seed: Number(values.seed),
    phases: values.phases,
    workers: Number(values.workers),
    roles: values.roles?.split(',').map((role) => role.trim()),
    ownOperations: values['own-operations'],
    parallel: Number(values.parallel),
  };
  if (values.url) {
    const { build } = await import('../build/build.mjs');
    await build();
    const { ok } = await fuzz({ ...options, url: values.url.replace(/\/$/, '') });
    process.exit(ok ? 0 : 1);
  }
  const { installDependenciesIfMissing } = await import('../run/install.mjs');
  installDependenciesIfMissing();
  const { up, down } = await import('../infra/infra.mjs');
  const { build } = await import('../build/build.mjs');
  let infrastructure;
  let platform;
  let ok = false;
  try {
    infrastructure = await up({ quiet: true });
    await build();
    platform = await startFuzzPlatform({ kafkaBrokers: infrastructure.kafkaBrokers, mongodbUri: infrastructure.mongodbUri });
    ({ ok } = await fuzz({ ...options, url: platform.url }));
  } catch (error) {
    console.error(`npm run fuzz failed: ${error.message}`);
  } finally {
    await platform?.stop().catch((error) => console.error(`stopping the platform failed: ${error.message}`));
    if (infrastructure) await down({ quiet: true, only: infrastructure.started });
  }
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
