import { STATUS_CODES } from 'node:http';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ErrorView, FieldProblemView } from '@mukti/staff-api';

type Operation = { parameters?: Array<{ in: string; name?: string }>; requestBody?: unknown; responses: Record<string, { description?: string; content?: unknown }> };

/**
 * What any operation can answer besides its own outcomes, whatever its controller declares: the
 * gateway's checks (token, role, rate limit, body) and the services behind it failing.
 */
const answersOfEveryOperation: Record<string, string> = {
  400: 'a parameter, query or body field is not valid (unknown ones included); details name each field and the reason',
  401: 'no token, or an invalid or expired one',
  403: 'the role may not do this, or an admin stated no reason',
  429: 'too many requests from this staff member or address; Retry-After says when to try again',
  500: 'something went wrong; the request id identifies it in the logs',
  502: 'the service behind the gateway failed',
  503: 'the service behind the gateway is not reachable',
};
const answersWithABody = { 413: 'the body is larger than the limit' };
const answerOfAChangeTimedOut =
  'the service did not answer in time: the change may have been made; send it again with the same Idempotency-Key to get the first answer';
/** Every change may be retried safely: the same key gives the first answer and does nothing twice. */
const idempotencyKeyParameter = {
  in: 'header',
  name: 'Idempotency-Key',
  required: false,
  description: 'a key of your own for this request (8 to 128 letters, digits, "-" or "_"; a UUID will do): sent again with the same key, the request gets its first answer and changes nothing more',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
};
const answersWithAnId = { 404: 'no such resource, or not one of yours (the same answer)' };

/**
 * Every operation documents every answer it can give, and every error answer has the one error
 * shape: added here once rather than repeated on each of seventy operations.
 */
export function documentErrors(document: OpenAPIObject): OpenAPIObject {
  const error = { 'application/json': { schema: { $ref: getSchemaPath(ErrorView) } } };
  for (const operations of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(operations) as [string, Operation][]) {
      if (!operation?.responses) continue;
      if (method === 'post' || method === 'delete') (operation.parameters ??= []).push(idempotencyKeyParameter);
      if (method === 'post' || method === 'delete') operation.responses['504'] ??= { description: answerOfAChangeTimedOut };
      const extra = {
        ...answersOfEveryOperation,
        ...(operation.requestBody ? answersWithABody : {}),
        ...(operation.parameters?.some((parameter) => parameter.in === 'path') ? answersWithAnId : {}),
      };
      for (const [status, description] of Object.entries(extra)) operation.responses[status] ??= { description };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        response.description ||= STATUS_CODES[Number(status)] ?? 'Error';
        response.content = error;
      }
    }
  }
  return document;
}

type Schema = { properties?: Record<string, { type?: string; items?: { type?: string } }> };

/**
 * A field the validator requires to be an integer (@IsInt) is an integer in the document too,
 * read from the same decorators rather than repeated in each @ApiProperty: a client sending 1.5
 * where the document said "number" would be refused for a request the document allows.
 */
export function documentIntegers(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Array<{ name?: string; propertyName: string; each?: boolean }>> };
  for (const target of storage.validationMetadatas.keys()) {
    const properties = schemas[target.name]?.properties;
    if (!properties) continue;
    // Rules live on the class that declares them; a request class inherits its parents'.
    const rules = [];
    for (let type = target; type && type !== Function.prototype; type = Object.getPrototypeOf(type)) rules.push(...(storage.validationMetadatas.get(type) ?? []));
    for (const rule of rules) {
      const property = properties[rule.propertyName];
      if (rule.name !== 'isInt' || !property) continue;
      if (rule.each && property.items?.type === 'number') property.items.type = 'integer';
      else if (property.type === 'number') property.type = 'integer';
    }
  }
  return document;
}

/** The staff API's OpenAPI document: UI at /api/docs, JSON at /api/docs-json. */
export function serveOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mukti staff API')
      .setDescription(
        'Case management for organisations fighting commercial sexual exploitation and trafficking. ' +
          'Every endpoint needs a bearer token (`npm run token -- --role caseworker --sub asha` in development). ' +
          'Errors have one shape (ErrorView): { statusCode, error, message, details?, requestId }; a 400 names each field and the reason.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorView, FieldProblemView] },
  );
  SwaggerModule.setup('api/docs', app, documentIntegers(documentErrors(document)), { jsonDocumentUrl: 'api/docs-json' });
}

/** The sentence every operation's description ends with: who may call it, from the role table. */
export const rolesNote = (allowed: readonly string[]) => `Roles: ${allowed.join(', ')}.`;
