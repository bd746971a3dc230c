// An example for analysts: reads the de-identified stream from the beginning and prints counts
// by pillar event and state, with every cell under k people suppressed (k = 11, as CTDC does).
//   KAFKA_BROKERS=127.0.0.1:9092 KAFKA_SASL_USERNAME=analyst KAFKA_SASL_PASSWORD=... \
//     node tools/analytics/example-consumer.mjs [--seconds 10] [--k 11]
// It connects as the analyst principal (SASL/SCRAM; KAFKA_SSL=true for TLS), which may read only
// mukti.analytics.v1, in consumer groups whose names start with "analyst.".
// The stream is documented in docs/asyncapi.yaml.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, k: { type: 'string', default: '11' } } });
const { KAFKA_SASL_USERNAME: username = 'analyst', KAFKA_SASL_PASSWORD: password, KAFKA_SASL_MECHANISM: mechanism = 'scram-sha-512' } = process.env;
if (!password) {
  console.error('KAFKA_SASL_PASSWORD is required: the password of your analyst principal (on a development machine: mukti-development-kafka-analyst)');
  process.exit(2);
}
const kafka = new Kafka({
  clientId: 'analytics-example',
  brokers: (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(','),
  sasl: { mechanism, username, password },
  ssl: process.env.KAFKA_SSL === 'true',
  logLevel: logLevel.WARN,
});
// The analyst's groups must start with "analyst." (its ACL); any other group is refused.
const consumer = kafka.consumer({ groupId: `analyst.example-${randomUUID()}` });

// Cell -> the pseudonyms in it (children are untracked: each of their records counts once).
const cells = new Map();
await consumer.connect();
await consumer.subscribe({ topic: 'mukti.analytics.v1', fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => {
    const record = JSON.parse(message.value.toString());
    const cell = `${record.eventType.replace(/^org\.mukti\./, '')} | ${record.state ?? 'unknown state'}`;
    if (!cells.has(cell)) cells.set(cell, new Set());
    cells.get(cell).add(record.pseudonym);
  },
});
await new Promise((resolve) => setTimeout(resolve, Number(values.seconds) * 1000));
await consumer.disconnect();

const k = Number(values.k);
console.log(`people per event type and state (cells under ${k} shown as "<${k}")`);
for (const [cell, people] of [...cells].sort()) console.log(`${people.size >= k ? String(people.size).padStart(6) : `<${k}`.padStart(6)}  ${cell}`);
