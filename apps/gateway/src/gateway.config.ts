import {
  commonVariables,
  defineConfig,
  eventSourcedServiceVariables,
  kafkaClientVariables,
  flag,
  integer,
  list,
  port,
  serviceTokenSigningVariables,
  staffTokenVariables,
  string,
} from '@mukti/config';

export const gatewayConfig = defineConfig('gateway', {
  ...commonVariables,
  ...staffTokenVariables,
  ...serviceTokenSigningVariables,
  // The gateway writes the audit trail to Kafka.
  ...eventSourcedServiceVariables,
  ...kafkaClientVariables('gateway'),
  GATEWAY_PORT: port('HTTP port of the staff API', 3000),
  INTAKE_URL: string('base URL of the intake service', 'http://127.0.0.1:3101'),
  PROJECTION_URL: string('base URL of the projection service', 'http://127.0.0.1:3102'),
  AUDIT_URL: string('base URL of the audit service', 'http://127.0.0.1:3103'),
  RESCUE_URL: string('base URL of the rescue service', 'http://127.0.0.1:3104'),
  REHABILITATION_URL: string('base URL of the rehabilitation service', 'http://127.0.0.1:3105'),
  LEGAL_URL: string('base URL of the legal service', 'http://127.0.0.1:3106'),
  LIVELIHOOD_URL: string('base URL of the livelihood service', 'http://127.0.0.1:3107'),
  CORS_ORIGINS: list('browser origins allowed to call the API (comma-separated); empty: CORS closed', ''),
  RATE_LIMIT_PER_USER: integer('requests per minute one staff member may make', 300),
  RATE_LIMIT_PER_ADDRESS: integer('requests per minute from one network address (tokens or not)', 600),
  GATEWAY_API_DOCS: flag('serve the OpenAPI document and its UI at /api/docs (false: not served at all)', true),
  TRUST_PROXY_HOPS: integer('reverse proxies in front of the gateway whose X-Forwarded-For is believed', 0, 0),
  GATEWAY_UPSTREAM_TIMEOUT_MS: integer('how long the gateway waits for a service; a change not answered by then is a 504 (outcome unknown)', 10_000),
});

export type GatewayConfig = ReturnType<typeof gatewayConfig.load>;
