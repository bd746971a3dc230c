import { commonVariables, dataMasterKeyVariables, serviceTokenVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables, integer, port, string } from '@mukti/config';

export const legalConfig = defineConfig('legal', {
  ...commonVariables,
  ...serviceTokenVariables,
  ...eventSourcedServiceVariables,
  ...kafkaClientVariables('legal'),
  LEGAL_PORT: port('HTTP port of the legal service', 3106),
  MONGODB_URI: string("the legal service's own database", 'mongodb://127.0.0.1:27017/mukti-legal'),
  LEGAL_CONSUMER_GROUP: string(
    "Kafka consumer group of the legal service (its copy of intake's people and consents, its own deadlines)",
    'mukti.legal',
  ),
  LEGAL_DEADLINE_SWEEP_MS: integer('how often (ms) the legal service looks for missing charge sheets and refreshers past due', 60_000),
  PERPETRATOR_DATA_MASTER_KEY: dataMasterKeyVariables.PERPETRATOR_DATA_MASTER_KEY,
});

export type LegalConfig = ReturnType<typeof legalConfig.load>;
