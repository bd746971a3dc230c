import { commonVariables, defineConfig, port, string } from '@mukti/config';

export const gatewayConfig = defineConfig('gateway', {
  ...commonVariables,
  GATEWAY_PORT: port('HTTP port of the staff API', 3000),
  INTAKE_URL: string('base URL of the intake service', 'http://127.0.0.1:3101'),
  PROJECTION_URL: string('base URL of the projection service', 'http://127.0.0.1:3102'),
});

export type GatewayConfig = ReturnType<typeof gatewayConfig.load>;
