import { commonVariables, serviceTokenVariables, defineConfig, eventSourcedServiceVariables, kafkaClientVariables, port, string } from '@mukti/config';

export const auditConfig = defineConfig('audit', {
  ...commonVariables,
  ...serviceTokenVariables,
  ...eventSourcedServiceVariables,
  ...kafkaClientVariables('audit'),
  AUDIT_PORT: port('HTTP port of the audit service', 3103),
  MONGODB_URI: string("the audit service's own database", 'mongodb://127.0.0.1:27017/mukti-audit'),
  AUDIT_CONSUMER_GROUP: string('Kafka consumer group of the audit store', 'mukti.audit'),
});

export type AuditConfig = ReturnType<typeof auditConfig.load>;
