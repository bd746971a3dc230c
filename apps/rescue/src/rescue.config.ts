import { commonVariables, defineConfig, eventSourcedServiceVariables, port, string } from '@mukti/config';

export const rescueConfig = defineConfig('rescue', {
  ...commonVariables,
  ...eventSourcedServiceVariables,
  RESCUE_PORT: port('HTTP port of the rescue service', 3104),
  MONGODB_URI: string("the rescue service's own database", 'mongodb://127.0.0.1:27017/mukti-rescue'),
  RESCUE_CONSUMER_GROUP: string("Kafka consumer group of the rescue service's copy of intake's people", 'mukti.rescue'),
});

export type RescueConfig = ReturnType<typeof rescueConfig.load>;
