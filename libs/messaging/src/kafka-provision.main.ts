/**
 * The super-user's one job, as a program (`npm run kafka-provision`; compose and Kubernetes run it
 * as a one-shot job from a service image): every topic of the platform, and each principal's ACLs
 * as libs/contracts declares them. Idempotent. It connects as KAFKA_SASL_USERNAME (the super-user,
 * `admin` by default) with KAFKA_SASL_PASSWORD; only MUKTI_DEVELOPMENT_DEFAULTS=true lets the
 * password default. A service configured with another consumer group (a rebuild) gets that group's
 * rights when its `<SERVICE>_CONSUMER_GROUP` is set here too.
 */
import pino from 'pino';
import { defineConfig, eventSourcedServiceVariables, kafkaClientVariables } from '@mukti/config';
import { provisioningPrincipal, topicConsumers } from '@mukti/contracts';
import { createKafka } from './kafka-client';
import { provisionKafkaAccess } from './kafka-access-provisioning';

async function main(): Promise<void> {
  const config = defineConfig('kafka-provision', { ...eventSourcedServiceVariables, ...kafkaClientVariables(provisioningPrincipal) }).load();
  const groups = Object.fromEntries(
    Object.entries(topicConsumers).map(([service, declared]) => [service, process.env[`${service.toUpperCase()}_CONSUMER_GROUP`] || declared!.group]),
  );
  const admin = createKafka({ connection: config, clientId: 'mukti-kafka-provision', logger: pino({ level: 'warn' }) }).admin();
  await admin.connect();
  try {
    const { topics, acls } = await provisionKafkaAccess(admin, {
      groups,
      topicSettings: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR },
    });
    console.log(`kafka-provision: ${topics.length} topics present, ${acls.length} ACLs granted to ${new Set(acls.map((acl) => acl.principal)).size} principals`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: Error) => {
  console.error(`kafka-provision failed: ${error.message}`);
  process.exit(1);
});
