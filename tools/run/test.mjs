// npm test: every test, against a real Kafka broker and a real MongoDB-protocol store.
// Installs dependencies if missing, provisions and starts the infrastructure (or uses
// KAFKA_BROKERS / MONGODB_URI), type-checks, lints the module boundaries, builds (the end-to-end tests run dist/), runs jest,
// fuzzes the staff API from its OpenAPI document as every role (tools/fuzz), stops what it
// started, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installDependenciesIfMissing } from './install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started = Date.now();
installDependenciesIfMissing();
const { up, down, reset, status } = await import('../infra/infra.mjs');
const { build } = await import('../build/build.mjs');
const { fuzz, startFuzzPlatform } = await import('../fuzz/fuzz.mjs');

/**
 * The fuzz step's budget, a few minutes on two cores: every role on the operations it may call,
 * 5 examples each, the fixed seed, two roles at a time; the examples, fuzzing (valid and invalid
 * data) and stateful phases. The coverage phase (every boundary and invalid value of every field,
 * about 6,000 requests and 4 minutes as the admin alone) is left to `npm run fuzz`.
 */
const fuzzBudget = {
  examples: Number(process.env.MUKTI_FUZZ_EXAMPLES ?? 5),
  ownOperations: true,
  parallel: 2,
  phases: 'examples,fuzzing,stateful',
};

function run(command, args, env = process.env) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
}

let exitCode = 1;
let infrastructure;
try {
  // One broker and one store per run: when this run starts them, it starts them empty, so the
  // suites never wade through earlier runs' events. A platform already running is reused as it is.
  const current = await status();
  const local = current.kafka.mode === 'local' && current.ferretdb.mode === 'local';
  if (local && !current.kafka.running && !current.ferretdb.running) await reset({ quiet: true });
  infrastructure = await up({ quiet: false });
  if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) throw new Error('type check failed');
  // The module-boundary rule reads Nx's project graph; on a clean clone there is none yet (and the
  // rule would skip itself with a warning), after a change it may be stale: compute it first.
  const graph = spawnSync('npx', ['nx', 'show', 'projects'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } });
  if (graph.status !== 0) throw new Error('the Nx project graph could not be computed');
  if (run('npx', ['eslint', 'apps', 'libs', 'e2e']) !== 0) throw new Error('lint (module boundaries, pure domain) failed');
  await build();
  const results = path.join(root, '.cache', 'jest-results.json');
  rmSync(results, { force: true });
  exitCode = run(
    'npx',
    // --forceExit: a handle a test left open must fail nothing and must not hang CI after the results are in.
    ['jest', '--runInBand', '--forceExit', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
    { ...process.env, KAFKA_BROKERS: infrastructure.kafkaBrokers, MONGODB_URI: infrastructure.mongodbUri },
  );
  try {
    const summary = JSON.parse(readFileSync(results, 'utf8'));
    // The plain closing line CI reads, whatever the runner.
    console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
    if (summary.numTotalTests === 0) exitCode = 1;
  } catch {
    console.log('\ntests: 0 passed, 1 failed (jest wrote no results)');
    exitCode = exitCode || 1;
  }
  // Arguments to jest mean a focused run (npm test -- --selectProjects unit): no fuzzing then.
  if (process.argv.length <= 2) {
    console.log('\nfuzz: schemathesis against the OpenAPI document, every role');
    const platform = await startFuzzPlatform({ kafkaBrokers: infrastructure.kafkaBrokers, mongodbUri: infrastructure.mongodbUri });
    try {
      const { ok } = await fuzz({ url: platform.url, ...fuzzBudget });
      if (!ok) exitCode = exitCode || 1;
      console.log(`fuzz: ${ok ? 'passed' : 'FAILED'}`);
    } finally {
      await platform.stop();
    }
  }
} catch (error) {
  console.error(`npm test failed: ${error.message}`);
  exitCode = 1;
} finally {
  if (infrastructure) await down({ quiet: true, only: infrastructure.started }).catch((error) => console.error(`stopping the infrastructure failed: ${error.message}`));
}
console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(exitCode);
