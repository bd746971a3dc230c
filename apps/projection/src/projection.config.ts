import { commonVariables, serviceTokenVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables, port, secret, string } from '@mukti/config';

export const projectionConfig = defineConfig('projection', {
  ...commonVariables,
  ...serviceTokenVariables,
  ...eventSourcedServiceVariables,
  ...kafkaClientVariables('projection'),
  PROJECTION_PORT: port('HTTP port of the projection service', 3102),
  MONGODB_URI: string("the projection service's own database", 'mongodb://127.0.0.1:27017/mukti-projection'),
  PROJECTION_CONSUMER_GROUP: string(
    'Kafka consumer group of the projection; a new group (with a new database) replays every topic from the start',
    'mukti.projection',
  ),
  ANALYTICS_PSEUDONYM_KEY: secret(
    'secret of the keyed hash that turns a person id into her pseudonym on the analytics stream (analysts never hold it)',
    'mukti-development-pseudonym-key',
    16,
  ),
});

export type ProjectionConfig = ReturnType<typeof projectionConfig.load>;
