import { integer, commonVariables, dataMasterKeyVariables, serviceTokenVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables, port, secret, string } from '@mukti/config';

export const intakeConfig = defineConfig('intake', {
  ...commonVariables,
  ...serviceTokenVariables,
  ...eventSourcedServiceVariables,
  ...kafkaClientVariables('intake'),
  INTAKE_PORT: port('HTTP port of the intake service', 3101),
  INTAKE_AGE_BAND_SWEEP_MS: integer('how often (ms) intake looks for birthdays that move a person into the next age band', 3_600_000),
  MONGODB_URI: string("the intake service's own database", 'mongodb://127.0.0.1:27017/mukti-intake'),
  PERSONAL_DATA_MASTER_KEY: dataMasterKeyVariables.PERSONAL_DATA_MASTER_KEY,
  IDENTITY_FINGERPRINT_KEY: secret(
    'secret for the keyed hashes that recognise a person registered twice',
    'mukti-development-fingerprint-key',
    16,
  ),
});

export type IntakeConfig = ReturnType<typeof intakeConfig.load>;
