import 'reflect-metadata';
import { runService } from '@mukti/http';
import { configureGateway } from './gateway.app';
import { gatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';

runService({
  config: gatewayConfig,
  port: (config) => config.GATEWAY_PORT,
  module: GatewayModule.register,
  configure: configureGateway,
});
