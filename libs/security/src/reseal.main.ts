/**
 * `npm run reseal`: seals the identifying text that events recorded in clear before it was sealed
 * (libs/security/src/resealing.ts), in the four owning stores and on the topics, as the Kafka
 * super-user and with intake's and the legal service's master keys. Every service must be
 * stopped: it refuses while a consumer group reads a topic it rewrites. `--dry-run` reports what
 * it would reseal and copies each topic aside, changing nothing in place; a run without it
 * completes from there. Run again at any time: it picks up where it stopped, or finds nothing.
 */
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { dataMasterKeyVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables, string } from '@mukti/config';
import { provisioningPrincipal } from '@mukti/contracts';
import { createKafka } from '@mukti/messaging';
import { parseMasterKey, PersonalDataVault } from './personal-data-vault';
import { reseal, ServiceWithClearText, storesWithClearText } from './resealing';

const storeVariables = Object.fromEntries(
  Object.keys(storesWithClearText).map((service) => [`${service.toUpperCase()}_MONGODB_URI`, string(`the ${service} service's database (its MONGODB_URI)`)]),
) as Record<`${Uppercase<ServiceWithClearText>}_MONGODB_URI`, ReturnType<typeof string>>;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
  const config = defineConfig('reseal', {
    ...eventSourcedServiceVariables,
    ...kafkaClientVariables(provisioningPrincipal),
    ...dataMasterKeyVariables,
    ...storeVariables,
  }).load();
  const services = Object.keys(storesWithClearText) as ServiceWithClearText[];
  const clients = new Map<ServiceWithClearText, MongoClient>();
  try {
    for (const service of services) clients.set(service, await MongoClient.connect(config[`${service.toUpperCase() as Uppercase<ServiceWithClearText>}_MONGODB_URI`]));
    const databases = Object.fromEntries([...clients].map(([service, client]) => [service, client.db()])) as Record<ServiceWithClearText, ReturnType<MongoClient['db']>>;
    const intake = new PersonalDataVault(databases.intake.collection('data_keys'), parseMasterKey(config.PERSONAL_DATA_MASTER_KEY));
    const legal = new PersonalDataVault(databases.legal.collection('data_keys'), parseMasterKey(config.PERPETRATOR_DATA_MASTER_KEY));
    const report = await reseal({
      databases,
      // Errors only: its own lines say what it does, and kafkajs warns of every idempotent producer.
      kafka: createKafka({ connection: config, clientId: 'mukti-reseal', logger: pino({ level: 'error' }) }),
      keys: {
        intake: (keyId, value, purpose) => intake.sealAfterTheFact(keyId, value, purpose),
        legal: (keyId, value, purpose) => legal.sealAfterTheFact(keyId, value, purpose),
      },
      stopAfter: values['dry-run'] ? 'copied' : undefined,
      log: (line) => console.log(`reseal: ${line}`),
    });
    const commits = Object.values(report.commits).reduce((sum, count) => sum + count, 0);
    const records = report.topics.reduce((sum, topic) => sum + topic.rewritten, 0);
    const topicsToRewrite = report.topics.filter((topic) => topic.rewritten > 0).length;
    console.log(
      !values['dry-run']
        ? `reseal: ${commits} commit(s) and ${records} record(s) on ${report.topics.length} topic(s) looked at: no text recorded in clear is left`
        : commits + records === 0
          ? `reseal (dry run): nothing recorded in clear on ${report.topics.length} topic(s) and in the four stores: nothing to do`
          : `reseal (dry run): ${commits} commit(s) and ${records} record(s) on ${topicsToRewrite} topic(s) to reseal; the topics' copies wait beside them, nothing changed in place`,
    );
  } finally {
    for (const client of clients.values()) await client.close();
  }
}

main().catch((error: Error) => {
  console.error(`reseal failed: ${error.message}`);
  process.exit(1);
});
