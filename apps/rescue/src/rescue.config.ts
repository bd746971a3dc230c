import { commonVariables, serviceTokenVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables, integer, port, string } from '@mukti/config';

export const rescueConfig = defineConfig('rescue', {
  ...commonVariables,
  ...serviceTokenVariables,
  ...eventSourcedServiceVariables,
  ...kafkaClientVariables('rescue'),
  RESCUE_PORT: port('HTTP port of the rescue service', 3104),
  MONGODB_URI: string("the rescue service's own database", 'mongodb://127.0.0.1:27017/mukti-rescue'),
  RESCUE_CONSUMER_GROUP: string("Kafka consumer group of the rescue service (its copy of intake's people, its step deadlines)", 'mukti.rescue'),
  RESCUE_DEADLINE_SWEEP_MS: integer('how often (ms) the rescue service looks for post-rescue steps past their due time', 60_000),
});

export type RescueConfig = ReturnType<typeof rescueConfig.load>;
