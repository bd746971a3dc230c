import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { runService } from '@mukti/http';
import { gatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { serveOpenApi } from './openapi';

runService({
  config: gatewayConfig,
  port: (config) => config.GATEWAY_PORT,
  module: GatewayModule.register,
  configure: (app) => {
    app.setGlobalPrefix('api/v1', { exclude: [{ path: 'health', method: RequestMethod.GET }, { path: 'health/live', method: RequestMethod.GET }] });
    serveOpenApi(app);
  },
});
