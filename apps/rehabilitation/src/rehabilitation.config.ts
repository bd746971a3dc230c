import { commonVariables, serviceTokenVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables, integer, port, string } from '@mukti/config';

export const rehabilitationConfig = defineConfig('rehabilitation', {
  ...commonVariables,
  ...serviceTokenVariables,
  ...eventSourcedServiceVariables,
  ...kafkaClientVariables('rehabilitation'),
  REHABILITATION_PORT: port('HTTP port of the rehabilitation service', 3105),
  MONGODB_URI: string("the rehabilitation service's own database", 'mongodb://127.0.0.1:27017/mukti-rehabilitation'),
  REHABILITATION_CONSUMER_GROUP: string(
    "Kafka consumer group of the rehabilitation service (its copy of intake's people, rescues, its follow-up deadlines)",
    'mukti.rehabilitation',
  ),
  REHABILITATION_DEADLINE_SWEEP_MS: integer('how often (ms) the rehabilitation service looks for follow-ups past their grace period', 60_000),
  INTAKE_URL: string('the intake service, which seals and opens counselling notes with her key', 'http://127.0.0.1:3101'),
});

export type RehabilitationConfig = ReturnType<typeof rehabilitationConfig.load>;
