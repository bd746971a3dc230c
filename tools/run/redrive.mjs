// Puts a consumer group's dead letters back, in their order, for that group only:
//   npm run redrive -- --group mukti-projection                 every dead letter not yet redriven
//   npm run redrive -- --group mukti-projection --event <id>     only that parked message
//   npm run redrive -- --group mukti-projection --discard <id> --reason "why"
//                                                                give it up for good (frees her key)
// The group's consumer applies them (a message still failing is parked again); see docs/operations.md.
// It connects as the service that owns the group (its ACLs cover the group's dead-letter and
// redrive topics): KAFKA_SASL_USERNAME (default: that service) and KAFKA_SASL_PASSWORD (its
// password; on this machine MUKTI_DEVELOPMENT_DEFAULTS=true uses the development one).
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import pino from 'pino';
import { build } from '../build/build.mjs';

const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: {
    group: { type: 'string' },
    event: { type: 'string' },
    discard: { type: 'string' },
    reason: { type: 'string' },
  },
});
if (!values.group || (values.discard && !values.reason) || (values.discard && values.event)) {
  console.error('usage: npm run redrive -- --group <consumer group> [--event <id> | --discard <id> --reason "<why>"]');
  process.exit(2);
}
await build();
const { createKafka, redrive } = require('../../dist/libs/messaging/src');
const { defineConfig, eventSourcedServiceVariables, kafkaClientVariables } = require('../../dist/libs/config/src');
const { topicConsumers } = require('../../dist/libs/contracts/src');
// The service whose group it is: by its declared group, or by the name a test or rebuild gave it.
const owner =
  Object.entries(topicConsumers).find(([, { group }]) => values.group.startsWith(group))?.[0] ??
  Object.keys(topicConsumers).find((service) => values.group.endsWith(`-${service}`));
let config;
try {
  config = defineConfig('redrive', { ...eventSourcedServiceVariables, ...kafkaClientVariables(owner ?? 'unknown-service') }).load();
} catch (error) {
  console.error(`redrive: ${error.message}`);
  process.exit(2);
}
const kafka = createKafka({ connection: config, clientId: 'mukti-redrive', logger: pino({ level: 'warn' }) });
try {
  const report = await redrive({
    kafka,
    group: values.group,
    eventId: values.event,
    discard: values.discard ? { parkId: values.discard, reason: values.reason } : undefined,
  });
  if (report.discarded) {
    const { parkId, key, originTopic, reason } = report.discarded;
    console.log(`discarded ${parkId} (key ${key}, from ${originTopic}; it had failed with: ${reason})`);
  }
  for (const { parkId, key, kind, originTopic, reason } of report.redriven) {
    console.log(`redriven ${parkId}  key ${key}  ${kind}  from ${originTopic}: ${reason}`);
  }
  if (!report.discarded) {
    console.log(`${report.redriven.length} dead letter(s) of ${report.group} back on its redrive topic; its consumer applies them in order`);
  }
} catch (error) {
  console.error(`redrive failed: ${error.message}`);
  process.exit(1);
}
