import { commonVariables, defineConfig, eventSourcedServiceVariables, port, string } from '@mukti/config';

export const projectionConfig = defineConfig('projection', {
  ...commonVariables,
  ...eventSourcedServiceVariables,
  PROJECTION_PORT: port('HTTP port of the projection service', 3102),
  MONGODB_URI: string("the projection service's own database", 'mongodb://127.0.0.1:27017/mukti-projection'),
  PROJECTION_CONSUMER_GROUP: string(
    'Kafka consumer group of the projection; a new group (with a new database) replays every topic from the start',
    'mukti.projection',
  ),
});

export type ProjectionConfig = ReturnType<typeof projectionConfig.load>;
