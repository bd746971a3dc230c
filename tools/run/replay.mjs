// Rebuilds a read model from the topics, into a fresh database, and says how to switch to it:
//   npm run replay -- --service projection [--database NAME] [--group NAME]
// A projection of its own reads every topic from offset 0 in a new consumer group, reports its
// progress and rate, and stops once its lag is 0 on every topic (its offsets stay committed, so
// the projection started on that group and database goes on from there). Uses KAFKA_BROKERS and
// MONGODB_URI, or the local broker and store.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { installDependenciesIfMissing } from './install.mjs';

installDependenciesIfMissing();
const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { service: { type: 'string' }, database: { type: 'string' }, group: { type: 'string' } } });
if (values.service !== 'projection') {
  console.error('usage: npm run replay -- --service projection [--database NAME] [--group NAME]   (the projection is the one read model rebuilt from the topics)');
  process.exit(2);
}
const { up, down } = await import('../infra/infra.mjs');
const { build } = await import('../build/build.mjs');
const { replayProjection, rebuildStamp } = require('./projection-replay.cjs');

const stamp = rebuildStamp();
const database = values.database ?? `mukti-projection-${stamp}`;
const group = values.group ?? `mukti.projection.${stamp}`;
const infrastructure = await up({ quiet: true });
let code = 0;
try {
  await build();
  console.log(`replaying every topic from offset 0 into database ${database}, consumer group ${group}`);
  const rebuilt = await replayProjection({
    kafkaBrokers: infrastructure.kafkaBrokers,
    mongodbUri: infrastructure.mongodbUri,
    database,
    group,
    extra: { LOG_LEVEL: 'warn' },
    output: (line) => process.stderr.write(`projection | ${line}\n`),
    progress: ({ behind, handled, rate }) => console.log(`  ${handled} events applied, ${behind} behind, ${Math.round(rate)} events/s`),
  });
  await rebuilt.projection.stop();
  console.log(
    `caught up: ${rebuilt.handled} events in ${rebuilt.seconds.toFixed(1)} s (${Math.round(rebuilt.rate)} events/s), ` +
      `lag 0 on ${rebuilt.topics.join(', ')}; ${rebuilt.deadLetters} dead letter(s) in ${group}`,
  );
  // The projection reads its database and group from its environment at start and keeps no
  // pointer to switch, so the operator switches it: one replica, restarted with these two.
  console.log(`
To switch, set on the projection (compose: the projection service's environment; k8s: its Deployment) and restart it:
  PROJECTION_CONSUMER_GROUP=${group}
  MONGODB_URI=${rebuilt.mongodbUri}
It goes on from where the rebuild stopped. Once it answers, drop the old database and delete the old consumer group.`);
  if (rebuilt.deadLetters > 0) console.log(`The rebuild parked ${rebuilt.deadLetters} event(s): read ${group}.dead-letters.v1 and redrive them (npm run redrive -- --group ${group}) before switching.`);
} catch (error) {
  console.error(`replay failed: ${error.message}`);
  code = 1;
} finally {
  await down({ quiet: true, only: infrastructure.started });
}
process.exit(code);
