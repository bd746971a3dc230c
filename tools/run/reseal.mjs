// Seals the identifying text that events recorded in clear before it was sealed (the v1s of six
// events), in the owning stores and on the topics: see libs/security/src/reseal.main.ts.
//   npm run reseal                 with every service stopped
//   npm run reseal -- --dry-run    reports what it would reseal, changes nothing in place
// In a deployment set KAFKA_BROKERS with the super-user's KAFKA_SASL_USERNAME and _PASSWORD,
// INTAKE_, REHABILITATION_, LIVELIHOOD_ and LEGAL_MONGODB_URI, PERSONAL_DATA_MASTER_KEY and
// PERPETRATOR_DATA_MASTER_KEY (docs/operations.md). With no KAFKA_BROKERS it works on this
// machine's broker and store (tools/infra), as npm start left them.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { installDependenciesIfMissing } from './install.mjs';

installDependenciesIfMissing();
const require = createRequire(import.meta.url);
const { withDatabase } = require('./service-processes.cjs');
const { build } = await import('../build/build.mjs');
const local = !process.env.KAFKA_BROKERS;
const { up, down } = await import('../infra/infra.mjs');
const infrastructure = local ? await up({ quiet: true }) : undefined;
let code = 1;
try {
  await build();
  const environment = local
    ? {
        ...process.env,
        MUKTI_DEVELOPMENT_DEFAULTS: 'true',
        KAFKA_BROKERS: infrastructure.kafkaBrokers,
        ...Object.fromEntries(['intake', 'rehabilitation', 'livelihood', 'legal'].map((service) => [`${service.toUpperCase()}_MONGODB_URI`, withDatabase(infrastructure.mongodbUri, `mukti-${service}`)])),
      }
    : process.env;
  const main = new URL('../../dist/libs/security/src/reseal.main.js', import.meta.url);
  code = spawnSync(process.execPath, [main.pathname, ...process.argv.slice(2)], { stdio: 'inherit', env: { KAFKAJS_NO_PARTITIONER_WARNING: '1', ...environment } }).status ?? 1;
} finally {
  if (infrastructure) await down({ quiet: true, only: infrastructure.started });
}
process.exit(code);
