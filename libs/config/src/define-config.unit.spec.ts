import { ConfigurationError, defineConfig, integer, kafkaClientVariables, list, port, secret, string } from './define-config';
import { developmentKafkaPassword } from './kafka-credentials';

const definition = defineConfig('example', {
  NODE_ENV: string('environment', 'development'),
  EXAMPLE_PORT: port('port', 3000),
  EXAMPLE_BROKERS: list('brokers', '127.0.0.1:9092'),
  EXAMPLE_PARTITIONS: integer('partitions', 3),
  EXAMPLE_SECRET: secret('a secret', 'development-secret-value', 16),
});

describe('configuration by environment', () => {
  it('runs on one machine with the defaults when asked to, and says which development secrets are in use', () => {
    const config = definition.load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true' });
    expect(config).toMatchObject({ EXAMPLE_PORT: 3000, EXAMPLE_BROKERS: ['127.0.0.1:9092'], EXAMPLE_PARTITIONS: 3 });
    expect(config.developmentDefaultsInUse).toEqual(['EXAMPLE_SECRET']);
  });

  it('takes and converts what the environment sets', () => {
    const config = definition.load({ EXAMPLE_PORT: '8080', EXAMPLE_BROKERS: 'a:1, b:2', EXAMPLE_SECRET: 'a-real-secret-of-length' });
    expect(config).toMatchObject({ EXAMPLE_PORT: 8080, EXAMPLE_BROKERS: ['a:1', 'b:2'] });
    expect(config.developmentDefaultsInUse).toEqual([]);
  });

  it('refuses to start without its secrets, and lists every problem at once', () => {
    let thrown: unknown;
    try {
      definition.load({ NODE_ENV: 'production', EXAMPLE_PORT: 'eighty', EXAMPLE_PARTITIONS: '0' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as ConfigurationError).problems).toEqual([
      'EXAMPLE_PORT: "eighty" is not a TCP port',
      'EXAMPLE_PARTITIONS: "0" is not an integer >= 1',
      'EXAMPLE_SECRET is required (a secret); only on a development machine, MUKTI_DEVELOPMENT_DEFAULTS=true uses a public default',
    ]);
  });

  it.each([{}, { NODE_ENV: 'prod' }, { NODE_ENV: 'staging' }, { NODE_ENV: 'development' }, { MUKTI_DEVELOPMENT_DEFAULTS: '1' }])(
    'never falls back to a public secret unless told so by name (%j)',
    (env) => {
      expect(() => definition.load(env)).toThrow('EXAMPLE_SECRET is required');
    },
  );

  it('names the variables it reads, for the deployment files to be checked against', () => {
    expect(definition.variableNames).toEqual(['NODE_ENV', 'EXAMPLE_PORT', 'EXAMPLE_BROKERS', 'EXAMPLE_PARTITIONS', 'EXAMPLE_SECRET']);
  });
});

describe('Kafka client credentials', () => {
  const kafka = defineConfig('rescue', kafkaClientVariables('rescue'));

  it('authenticate as the service by default, with its public development password only when asked', () => {
    const config = kafka.load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true' });
    expect(config).toMatchObject({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'rescue', KAFKA_SASL_PASSWORD: developmentKafkaPassword('rescue'), KAFKA_SSL: false });
    expect(config.developmentDefaultsInUse).toEqual(['KAFKA_SASL_PASSWORD']);
  });

  it('refuse to start without the password, naming it, and refuse a mechanism it does not speak', () => {
    expect(() => kafka.load({})).toThrow(/KAFKA_SASL_PASSWORD is required/);
    expect(() => kafka.load({ KAFKA_SASL_PASSWORD: 'a-real-password-here', KAFKA_SASL_MECHANISM: 'plain' })).toThrow(/KAFKA_SASL_MECHANISM: "plain" is not one of scram-sha-512, scram-sha-256/);
  });
});
