// The super-user's one job: creates every topic of the platform (and each consumer group's
// dead-letter and redrive topics) and grants every principal the ACLs libs/contracts declares.
// Idempotent: run it before the services start, at every deployment (compose and k8s run it as a
// one-shot job). It connects as KAFKA_SASL_USERNAME (the super-user, `admin` by default) with
// KAFKA_SASL_PASSWORD; only MUKTI_DEVELOPMENT_DEFAULTS=true lets the password default.
//   npm run kafka-provision                    the declared consumer groups
//   RESCUE_CONSUMER_GROUP=mukti.rescue-2 npm run kafka-provision
//                                              a group of its own for a service (a rebuild)
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import pino from 'pino';

const require = createRequire(import.meta.url);
// In the image dist/ is built already; in a checkout, build it when missing.
if (!existsSync(new URL('../../dist/libs/messaging/src/index.js', import.meta.url))) await (await import('../build/build.mjs')).build();
const { createKafka, provisionKafkaAccess } = require('../../dist/libs/messaging/src');
const { defineConfig, eventSourcedServiceVariables, kafkaClientVariables } = require('../../dist/libs/config/src');
const { provisioningPrincipal, topicConsumers } = require('../../dist/libs/contracts/src');

const config = defineConfig('kafka-provision', { ...eventSourcedServiceVariables, ...kafkaClientVariables(provisioningPrincipal) }).load();
const groups = Object.fromEntries(
  Object.entries(topicConsumers).map(([service, { group }]) => [service, process.env[`${service.toUpperCase()}_CONSUMER_GROUP`] || group]),
);
const kafka = createKafka({ connection: config, clientId: 'mukti-kafka-provision', logger: pino({ level: 'warn' }) });
const admin = kafka.admin();
try {
  await admin.connect();
  const { topics, acls } = await provisionKafkaAccess(admin, {
    groups,
    topicSettings: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR },
  });
  console.log(`kafka-provision: ${topics.length} topics present, ${acls.length} ACLs granted to ${new Set(acls.map((acl) => acl.principal)).size} principals`);
} catch (error) {
  console.error(`kafka-provision failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await admin.disconnect();
}
