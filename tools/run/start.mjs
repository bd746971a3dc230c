// npm start: the whole platform on this machine. Installs dependencies if missing, provisions and
// starts Kafka and FerretDB (or uses KAFKA_BROKERS / MONGODB_URI), builds, starts every service as
// a separate process (restarting one that exits, with backoff), and stops everything it started
// on Ctrl-C.
import { createRequire } from 'node:module';
import { installDependenciesIfMissing } from './install.mjs';

installDependenciesIfMissing();
const require = createRequire(import.meta.url);
const { up, down } = await import('../infra/infra.mjs');
const { build } = await import('../build/build.mjs');
const { platformEnvironment, platformServices, provisionKafka, startService } = require('./service-processes.cjs');

const colours = { intake: 36, projection: 35, audit: 34, rescue: 32, rehabilitation: 31, legal: 91, livelihood: 92, gateway: 33 };
const running = [];
let infrastructure;
let stopping = false;

/**
 * Keeps a service running the way Kubernetes would: one that exits is started again after a
 * backoff that doubles (1 s up to 30 s, back to 1 s once it has run a minute), and each restart is
 * logged. Returns a handle whose stop() stops it for good.
 */
async function supervise(name, start) {
  let current = await start();
  let backoffMs = 1000;
  const handle = {
    stop: () => current.stop(),
  };
  const watch = () => {
    const startedAt = Date.now();
    current.exited.then(async ({ code, signal }) => {
      if (stopping) return;
      if (Date.now() - startedAt > 60_000) backoffMs = 1000;
      console.error(`${name} exited (code ${code}, signal ${signal}); restarting it in ${backoffMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, backoffMs));
      backoffMs = Math.min(backoffMs * 2, 30_000);
      while (!stopping) {
        try {
          current = await start();
          console.error(`${name} restarted`);
          watch();
          return;
        } catch (error) {
          console.error(`${name} did not start again (${error.message}); next try in ${backoffMs / 1000} s`);
          await new Promise((resolve) => setTimeout(resolve, backoffMs));
          backoffMs = Math.min(backoffMs * 2, 30_000);
        }
      }
    });
  };
  watch();
  return handle;
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping the services...');
  for (const service of running.reverse()) await service.stop();
  console.log('stopping the infrastructure this run started...');
  if (infrastructure) await down({ quiet: false, only: infrastructure.started });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  infrastructure = await up({ quiet: false });
  await build();
  const environment = platformEnvironment({ kafkaBrokers: infrastructure.kafkaBrokers, mongodbUri: infrastructure.mongodbUri });
  // Every topic and every principal's ACLs (the analyst's too), as the super-user.
  await provisionKafka(environment.gateway);
  for (const name of platformServices) {
    const prefix = `\u001b[${colours[name]}m${name.padEnd(10)}\u001b[0m|`;
    running.push(await supervise(name, () => startService(name, environment[name], { output: (line) => console.log(prefix, line) })));
  }
  const gateway = `http://127.0.0.1:${environment.ports.gateway}`;
  console.log(`
Mukti is running.
  Staff API   ${gateway}/api/v1
  OpenAPI     ${gateway}/api/docs   (JSON: ${gateway}/api/docs-json)
  Health      ${gateway}/health
A development token (roles: admin, caseworker, rescue-coordinator, counsellor, livelihood-officer, legal-officer, analyst):
  TOKEN=$(npm run -s token -- --role caseworker --sub asha)
  curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
       -d '{"role":"survivor","name":"Rani Das","phone":"+91 98300 00000","gender":"female","age":17,"referralSource":"police"}' \\
       ${gateway}/api/v1/people
Ctrl-C stops everything this command started.
`);
} catch (error) {
  console.error(`npm start failed: ${error.message}`);
  await stop(1);
}
