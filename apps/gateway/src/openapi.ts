import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';

/** The staff API's OpenAPI document: UI at /api/docs, JSON at /api/docs-json. */
export function serveOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mukti staff API')
      .setDescription(
        'Case management for organisations fighting commercial sexual exploitation and trafficking. ' +
          'Every endpoint needs a bearer token (`npm run token -- --role caseworker --sub asha` in development). ' +
          'Errors have one shape: { statusCode, error, message, details?, requestId }; a 400 names each field and the reason.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** The sentence every operation's description ends with: who may call it, from the role table. */
export const rolesNote = (allowed: readonly string[]) => `Roles: ${allowed.join(', ')}.`;
