import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { GatewayConfig } from './gateway.config';
import { serveOpenApi } from './openapi';

/** What the gateway adds to the common service set-up: the /api/v1 prefix, CORS, proxies, OpenAPI. */
export function configureGateway(app: NestExpressApplication, config: GatewayConfig): void {
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/details', method: RequestMethod.GET },
    ],
  });
  // Closed unless configured: no Access-Control-* headers, so browsers on other origins are refused.
  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({ origin: config.CORS_ORIGINS, allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'traceparent'], maxAge: 600 });
  }
  // Behind an ingress, the client's address is in X-Forwarded-For: believe only the proxies we have.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  // Operators may close the API's map to the outside world; the API itself is unchanged.
  if (config.GATEWAY_API_DOCS) serveOpenApi(app);
}
