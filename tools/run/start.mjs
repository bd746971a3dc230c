// npm start: the whole platform on this machine. Installs dependencies if missing, provisions and
// starts Kafka and FerretDB (or uses KAFKA_BROKERS / MONGODB_URI), builds, starts gateway,
// intake and projection as separate processes, and stops everything it started on Ctrl-C.
import { createRequire } from 'node:module';
import { installDependenciesIfMissing } from './install.mjs';

installDependenciesIfMissing();
const require = createRequire(import.meta.url);
const { up, down } = await import('../infra/infra.mjs');
const { build } = await import('../build/build.mjs');
const { platformEnvironment, platformServices, startService } = require('./service-processes.cjs');

const colours = { intake: 36, projection: 35, audit: 34, rescue: 32, rehabilitation: 31, legal: 91, livelihood: 92, gateway: 33 };
const running = [];
let infrastructure;
let stopping = false;

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
  for (const name of platformServices) {
    const prefix = `\u001b[${colours[name]}m${name.padEnd(10)}\u001b[0m|`;
    running.push(await startService(name, environment[name], { output: (line) => console.log(prefix, line) }));
    running.at(-1).exited.then(({ code, signal }) => {
      if (!stopping) {
        console.error(`${name} stopped unexpectedly (code ${code}, signal ${signal}); stopping the platform`);
        stop(1);
      }
    });
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
