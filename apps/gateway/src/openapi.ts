import { STATUS_CODES } from 'node:http';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { atLeastOneOf, ErrorView, FieldProblemView } from '@mukti/staff-api';
import { ACCESS_REASON_HEADER, ACCESS_REASON_PATTERN, accessReasonCodes } from '@mukti/security';

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
/**
 * What any change can answer: the owning service's decider weighs it against what is recorded,
 * by rules a schema cannot state (a child's own consent, a date in the future, a step already
 * taken), so every command can meet them, not only those whose controller names them.
 */
const answersOfEveryChange = {
  409: 'it conflicts with what is recorded (already done, or another request changed it first); details say what',
  422: 'a rule of the domain refuses it (such as a date in the future, or consent a child cannot give herself); details name the field',
};
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
        ...(method === 'post' || method === 'delete' ? answersOfEveryChange : {}),
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

type PropertySchema = Record<string, unknown> & { type?: string; items?: PropertySchema; allOf?: unknown[] };
type ObjectSchema = { properties?: Record<string, PropertySchema>; additionalProperties?: unknown };
type Rule = { name?: string; propertyName: string; each?: boolean; constraints?: unknown[] };

/** What a class-validator rule says about a value, in JSON Schema words. */
const keywordsOfRule: Record<string, (constraints: unknown[]) => Record<string, unknown>> = {
  min: ([minimum]) => ({ minimum }),
  max: ([maximum]) => ({ maximum }),
  isLength: ([minLength, maxLength]) => ({ minLength, ...(maxLength === undefined ? {} : { maxLength }) }),
  arrayMinSize: ([minItems]) => ({ minItems }),
  arrayMaxSize: ([maxItems]) => ({ maxItems }),
  arrayUnique: () => ({ uniqueItems: true }),
  isUuid: () => ({ format: 'uuid' }),
  isIn: ([values]) => ({ enum: values }),
};

/** The rules of a class with its parents': a request class inherits its parents' rules. */
function rulesOf(target: Function): Rule[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Rule[]> };
  const rules: Rule[] = [];
  for (let type = target; type && type !== Function.prototype; type = Object.getPrototypeOf(type)) rules.push(...(storage.validationMetadatas.get(type) ?? []));
  return rules;
}

/**
 * Writes a class's validation rules into the schema of each of its properties: integers as
 * `integer`, bounds, lengths, item counts, patterns, uuids, dates. The document is read from the
 * same decorators that validate, so a request the document allows is one the server accepts:
 * what a property's own @ApiProperty says is kept.
 */
function describeRules(properties: Record<string, PropertySchema>, rules: Rule[]): void {
  const patterned = new Set(rules.filter((rule) => rule.name === 'matches').map((rule) => `${rule.propertyName}|${Boolean(rule.each)}`));
  for (const rule of rules) {
    const property = properties[rule.propertyName];
    if (!property || !rule.name) continue;
    const schema = rule.each ? property.items : property;
    if (!schema) continue;
    if (rule.name === 'isInt') {
      if (schema.type === 'number') schema.type = 'integer';
    } else if (rule.name === 'matches') {
      const [pattern] = rule.constraints ?? [];
      const source = pattern instanceof RegExp ? pattern.source : String(pattern);
      // One pattern per schema: a second rule on the same value must hold as well.
      if (schema['pattern'] === undefined) schema['pattern'] = source;
      else if (schema['pattern'] !== source) (schema.allOf ??= []).push({ pattern: source });
    } else if (rule.name === 'isIso8601') {
      // An instant; a calendar date says so with its own pattern (YYYY-MM-DD) instead.
      if (!patterned.has(`${rule.propertyName}|${Boolean(rule.each)}`)) schema['format'] ??= 'date-time';
    } else {
      for (const [keyword, value] of Object.entries(keywordsOfRule[rule.name]?.(rule.constraints ?? []) ?? {})) schema[keyword] ??= value;
    }
  }
}

/** The names of the schemas a schema refers to, itself included, however deep. */
function reachableSchemas(start: unknown, schemas: Record<string, unknown>, found = new Set<string>()): Set<string> {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (found.has(name)) return;
      found.add(name);
      walk(schemas[name]);
    }
    Object.values(node).forEach(walk);
  };
  walk(start);
  return found;
}

/**
 * Every body field and query parameter is documented with the rules that validate it (see
 * describeRules), and a request body admits no field it does not declare: the validation pipe
 * refuses unknown fields, so the document says `additionalProperties: false`.
 */
export function documentValidationRules(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, ObjectSchema>;
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Rule[]> };
  const classes = [...storage.validationMetadatas.keys()];
  for (const target of classes) {
    const properties = schemas[target.name]?.properties;
    if (properties) describeRules(properties, rulesOf(target));
    const oneNeeded = atLeastOneOf(target);
    if (properties && oneNeeded) (schemas[target.name] as Record<string, unknown>)['anyOf'] = oneNeeded.map((field) => ({ required: [field] }));
  }
  const requestSchemas = new Set<string>();
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Operation[]) {
      if (!operation?.responses) continue;
      if (operation.requestBody) reachableSchemas(operation.requestBody, schemas, requestSchemas);
      // Query parameters come from a query class, flattened by the generator: the class whose
      // documented fields are all among this operation's query parameters.
      for (const parameter of operation.parameters ?? []) {
        const header = parameter as { in: string; name?: string; description?: string; schema?: PropertySchema };
        if (header.in === 'header' && header.name?.toLowerCase() === ACCESS_REASON_HEADER) {
          header.schema = { type: 'string', pattern: ACCESS_REASON_PATTERN };
          header.description = `${header.description ?? ''}. A code: ${Object.entries(accessReasonCodes).map(([code, when]) => `\`${code}\` (${when})`).join(', ')}; optionally followed by ": " and a reference (INC-4411, CWC/12). Not words: the audit trail keeps it for ever`;
        }
      }
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query') as Array<{ name: string; schema?: PropertySchema }>;
      if (query.length === 0) continue;
      const names = new Set(query.map((parameter) => parameter.name));
      for (const target of classes) {
        const documented = (Reflect.getMetadata('swagger/apiModelPropertiesArray', target.prototype) ?? []) as string[];
        if (documented.length === 0 || schemas[target.name] || !documented.every((key) => names.has(key.slice(1)))) continue;
        describeRules(Object.fromEntries(query.map((parameter) => [parameter.name, (parameter.schema ??= {})])), rulesOf(target));
      }
    }
  }
  for (const name of requestSchemas) {
    const schema = schemas[name];
    if (schema?.properties) schema.additionalProperties ??= false;
  }
  return document;
}

type LinkedOperation = { operationId?: string; responses?: Record<string, { links?: Record<string, unknown> }> };

/**
 * Links from each operation that creates a resource (a POST to a collection answering 201 with
 * its id) to every operation on that resource (a path under the collection with the id's
 * parameter): register a person, then assess her, record her consent, read her timeline; plan a
 * rescue operation, then record the rescue and read it. Clients and the fuzzer's stateful phase
 * follow them to chain calls.
 */
export function documentLinks(document: OpenAPIObject): OpenAPIObject {
  const paths = document.paths as Record<string, Record<string, LinkedOperation>>;
  for (const [collection, operations] of Object.entries(paths)) {
    const created = operations['post']?.responses?.['201'];
    if (!created || collection.includes('{')) continue;
    for (const [path, targets] of Object.entries(paths)) {
      if (!path.startsWith(`${collection}/{`)) continue;
      const parameter = path.slice(collection.length + 2).split('}')[0];
      for (const target of Object.values(targets)) {
        if (!target.operationId) continue;
        (created.links ??= {})[target.operationId] = { operationId: target.operationId, parameters: { [parameter]: '$response.body#/id' } };
      }
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
          'Errors have one shape (ErrorView): { statusCode, error, message, details?, requestId }; a 400 names each field and the reason. ' +
          'A body field is never null (leave it out) and no text contains U+0000.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorView, FieldProblemView] },
  );
  SwaggerModule.setup('api/docs', app, documentLinks(documentValidationRules(documentErrors(document))), { jsonDocumentUrl: 'api/docs-json' });
}

/** The sentence every operation's description ends with: who may call it, from the role table. */
export const rolesNote = (allowed: readonly string[]) => `Roles: ${allowed.join(', ')}.`;
