import { commonVariables, serviceTokenVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables, integer, port, string } from '@mukti/config';

export const livelihoodConfig = defineConfig('livelihood', {
  ...commonVariables,
  ...serviceTokenVariables,
  ...eventSourcedServiceVariables,
  ...kafkaClientVariables('livelihood'),
  LIVELIHOOD_PORT: port('HTTP port of the livelihood service', 3107),
  MONGODB_URI: string("the livelihood service's own database", 'mongodb://127.0.0.1:27017/mukti-livelihood'),
  LIVELIHOOD_CONSUMER_GROUP: string(
    "Kafka consumer group of the livelihood service (its copy of intake's people and households, care plans, rescues, its own deadlines)",
    'mukti.livelihood',
  ),
  INTAKE_URL: string("the intake service, which seals her employer's or enterprise's name with her key", 'http://127.0.0.1:3101'),
  LIVELIHOOD_DEADLINE_SWEEP_MS: integer('how often (ms) the livelihood service looks for people followed 12 months with no entry into exploitation', 60_000),
});

export type LivelihoodConfig = ReturnType<typeof livelihoodConfig.load>;
