// Puts a consumer group's dead letters back, in their order, for that group only:
//   npm run redrive -- --group mukti-projection                 every dead letter not yet redriven
//   npm run redrive -- --group mukti-projection --event <id>     only that parked message
//   npm run redrive -- --group mukti-projection --discard <id> --reason "why"
//                                                                give it up for good (frees her key)
// The group's consumer applies them (a message still failing is parked again); see docs/operations.md.
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
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = createKafka({ brokers, clientId: 'mukti-redrive', logger: pino({ level: 'warn' }) });
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
