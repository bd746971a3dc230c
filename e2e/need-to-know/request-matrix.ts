/**
 * The need-to-know matrix, derived from the staff API's OpenAPI document: every operation that
 * carries the id of a record with a team (in its path or its body), the roles the one table
 * (libs/staff-api endpoint-roles) lets call it, and a request for each built from the document's
 * own schemas. Nothing here knows an endpoint by name except where a value cannot be read from a
 * schema (a staff id, a nested object the document leaves untyped); an operation it cannot build
 * a request for is an error naming it, never a silent skip.
 */
import type { RecordKind, StaffRole } from '@mukti/contracts';
import { staffEndpoints, StaffEndpoint } from '@mukti/staff-api';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
};
type OperationObject = {
  tags?: string[];
  parameters?: Array<{ in: string; name: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
export type OpenApiDocument = { paths: Record<string, Record<string, OperationObject>>; components?: { schemas?: Record<string, Schema> } };

/** What a world's ids are: one record of each kind with a team, and the sub-records of her plans. */
export type WorldKey = RecordKind | 'skill-training' | 'placement';
export type World = Readonly<Record<WorldKey, string>> & {
  readonly staffSuffix: string;
  /** Everyone registered in it (she, and her sister at risk in her household). */
  readonly people: readonly string[];
};

/** Path parameters: the record each names (a staff id is a member's id, not a record). */
const recordOfPathParameter: Readonly<Record<string, WorldKey | 'staff'>> = {
  personId: 'person',
  operationId: 'rescue-operation',
  caseId: 'case',
  perpetratorId: 'perpetrator',
  householdId: 'household',
  preventionPlanId: 'prevention-plan',
  // Her own sub-records, reached only through her (the person in the same path).
  trainingId: 'skill-training',
  placementId: 'placement',
  staffId: 'staff',
};

/**
 * Body fields holding ids (format uuid), by name: the record with a team each names, or why it
 * names none. A new id field fails the suite until it is told here what it names.
 */
const recordOfBodyField: Readonly<Record<string, RecordKind | { none: string }>> = {
  personId: 'person',
  memberIds: 'person',
  victimIds: 'person',
  survivorsAccusedIds: 'person',
  perpetratorId: 'perpetrator',
  otherPerpetratorId: 'perpetrator',
  accusedIds: 'perpetrator',
  mainAccusedId: 'perpetrator',
  suretyPerpetratorId: 'perpetrator',
  householdId: 'household',
  supportId: { none: "a support's own id, chosen by the caller, inside the prevention plan of the path" },
  refreshesTrainingId: { none: 'a training session of service providers: no team, every legal officer lists them all' },
};

/**
 * Operations with ids that the matrix does not cover, each with its reason. Everything else with
 * an id in its path, its body or its query is covered, or the suite fails naming it.
 */
export const exclusions: Readonly<Record<string, string>> = {
  'GET /api/v1/audit':
    'the trail itself, for admins only (with a reason): its person or record id is a query, and an admin may read every trail, so there is no team to be off',
};

/** Values a schema cannot give: staff ids (a spare member, never anyone the matrix tests), and objects the document leaves untyped. */
const valueOfField = (world: World): Readonly<Record<string, unknown>> => ({
  staffId: `spare-${world.staffSuffix}`,
  section: '5',
  country: 'IN',
  searchWitnesses: { total: 2, women: 1 },
  home: { state: 'West Bengal', district: 'Nadia' },
});

/** Per operation, where the least valid body is not a useful one (a bail with neither a perpetrator nor a person). */
const bodyOverrides: Readonly<Record<string, (world: World) => Record<string, unknown>>> = {
  recordRescue: (world) => ({ persons: [{ personId: world.person, policeRecordedAs: 'victim', ageAtRescue: 24 }] }),
  recordBail: (world) => ({ perpetratorId: world.perpetrator }),
  openPreventionPlan: (world) => ({ householdId: world.household }),
  determineAge: () => ({ age: 24 }),
};

export interface IdField {
  /** Where in the body: `persons[].personId`, `victimIds[]`, `householdId`. */
  readonly path: string;
  readonly kind: RecordKind;
}

export interface MatrixOperation {
  /** As the document and the table write it: `POST /api/v1/cases/{caseId}/bail`. */
  readonly key: string;
  readonly name: keyof typeof staffEndpoints;
  readonly endpoint: StaffEndpoint;
  readonly method: StaffEndpoint['method'];
  readonly path: string;
  readonly pathParameters: readonly string[];
  readonly bodySchema: Schema | undefined;
  /** Body fields that name records with a team: each one B names from A's world, and from nowhere. */
  readonly idFields: readonly IdField[];
  readonly roles: readonly StaffRole[];
  /** Its part of the API (the document's tag): one service's records, whose commands the matrix runs one after the other. */
  readonly tag: string;
}

export interface Derivation {
  readonly operations: MatrixOperation[];
  /** Operations with no id at all (registrations, listings, indicators): not doors to a record. */
  readonly withoutIds: string[];
  /** What the document holds that the suite cannot cover: each fails it. */
  readonly problems: string[];
}

export class RequestBuilder {
  constructor(private readonly document: OpenApiDocument) {}

  resolve(schema: Schema | undefined): Schema | undefined {
    if (!schema) return undefined;
    if (schema.$ref) return this.resolve(this.document.components?.schemas?.[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length) {
      return schema.allOf.map((part) => this.resolve(part)!).reduce((merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      }), { ...schema, allOf: undefined } as Schema);
    }
    return schema;
  }

  /** The body fields holding ids, with their places (`persons[].personId`). */
  idFieldsOf(schema: Schema | undefined, at = '', found: Array<{ path: string; name: string }> = []): Array<{ path: string; name: string }> {
    const resolved = this.resolve(schema);
    if (!resolved) return found;
    if (resolved.type === 'array') return this.idFieldsOf(resolved.items, `${at}[]`, found);
    if (resolved.format === 'uuid') found.push({ path: at, name: at.replace(/\[\]/g, '').split('.').pop()! });
    for (const [name, property] of Object.entries(resolved.properties ?? {})) this.idFieldsOf(property, at ? `${at}.${name}` : name, found);
    return found;
  }

  /**
   * The least valid body of a schema: its required fields, each from the schema (the first value
   * of an enum, a time an hour ago, the world's record for an id), unless the field is one a
   * schema cannot describe (valueOfField). Throws naming the field it cannot fill.
   */
  bodyOf(schema: Schema | undefined, world: World, field = '(body)'): unknown {
    const resolved = this.resolve(schema);
    const name = field.split('.').pop()!;
    const known = valueOfField(world);
    if (name in known) return known[name];
    if (!resolved) throw new Error(`no schema for ${field}`);
    if (resolved.enum?.length) return resolved.enum[0];
    if (resolved.format === 'uuid') {
      const kind = recordOfBodyField[name];
      if (typeof kind !== 'string') throw new Error(`cannot name a record for id field ${field}`);
      return world[kind];
    }
    switch (resolved.type) {
      case 'array':
        return Array.from({ length: Math.max(1, resolved.minItems ?? 1) }, () => this.bodyOf(resolved.items, world, field));
      case 'integer':
      case 'number':
        return Math.max(1, resolved.minimum ?? 1);
      case 'boolean':
        return false;
      case 'string':
        return stringFor(resolved, field);
    }
    if (resolved.properties) {
      return Object.fromEntries(
        (resolved.required ?? []).map((property) => [property, this.bodyOf(resolved.properties![property], world, field === '(body)' ? property : `${field}.${property}`)]),
      );
    }
    throw new Error(`cannot build a value for ${field}: its schema says nothing of its shape`);
  }

  /** The request for one operation in one world: its path with the world's ids, and its body. */
  requestFor(operation: MatrixOperation, world: World): { path: string; parameters: Record<string, string>; body: Record<string, unknown> | undefined } {
    const parameters = Object.fromEntries(
      operation.pathParameters.map((parameter) => {
        const key = recordOfPathParameter[parameter]!;
        return [parameter, key === 'staff' ? `spare-${world.staffSuffix}` : world[key]];
      }),
    );
    const path = operation.path.replace(/\{(\w+)\}/g, (_, parameter: string) => parameters[parameter]!);
    if (!operation.bodySchema) return { path, parameters, body: undefined };
    const body = { ...(this.bodyOf(operation.bodySchema, world) as Record<string, unknown>), ...bodyOverrides[operation.name]?.(world) };
    return { path, parameters, body };
  }

  derive(): Derivation {
    const operations: MatrixOperation[] = [];
    const withoutIds: string[] = [];
    const problems: string[] = [];
    const byKey = new Map(Object.entries(staffEndpoints).map(([name, endpoint]) => [`${endpoint.method} ${endpoint.path}`, { name, endpoint }]));
    for (const [path, methods] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        const known = byKey.get(key);
        if (!known) {
          problems.push(`${key}: not in the table of endpoints and roles (libs/staff-api endpoint-roles)`);
          continue;
        }
        const pathParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
        const queryIds = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query' && this.resolve(parameter.schema)?.format === 'uuid');
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        const bodyIds = this.idFieldsOf(bodySchema);
        if (pathParameters.length === 0 && bodyIds.length === 0 && queryIds.length === 0) {
          withoutIds.push(key);
          continue;
        }
        if (key in exclusions) continue;
        if (queryIds.length > 0) problems.push(`${key}: ids in its query (${queryIds.map((parameter) => parameter.name).join(', ')}), which the matrix does not cover`);
        for (const parameter of pathParameters) {
          if (!(parameter in recordOfPathParameter)) problems.push(`${key}: path parameter {${parameter}} names no record the matrix knows`);
        }
        const idFields: IdField[] = [];
        for (const field of bodyIds) {
          const kind = recordOfBodyField[field.name];
          if (kind === undefined) problems.push(`${key}: body field ${field.path} holds an id of a record the matrix does not know`);
          else if (typeof kind === 'string') idFields.push({ path: field.path, kind });
        }
        if (pathParameters.every((parameter) => recordOfPathParameter[parameter] === 'staff') && idFields.length === 0) {
          withoutIds.push(key);
          continue;
        }
        operations.push({
          key,
          name: known.name as keyof typeof staffEndpoints,
          endpoint: known.endpoint,
          method: known.endpoint.method,
          path,
          pathParameters,
          bodySchema,
          idFields,
          roles: known.endpoint.roles,
          tag: operation.tags?.[0] ?? path,
        });
      }
    }
    for (const key of Object.keys(exclusions)) {
      const [method, path] = key.split(' ');
      if (!this.document.paths[path!]?.[method!.toLowerCase()]) problems.push(`${key}: excluded, but no longer in the document (drop it from the exclusions)`);
    }
    return { operations: operations.sort((a, b) => orderOf(a) - orderOf(b)), withoutIds, problems };
  }
}

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();

function stringFor(schema: Schema, field: string): string {
  if (schema.format === 'date-time') return hourAgo();
  if (schema.format === 'date') return '2002-01-15';
  const candidate = 'Test value';
  if (schema.pattern && !new RegExp(schema.pattern, 'u').test(candidate)) throw new Error(`cannot build a value for ${field}: it must match ${schema.pattern}`);
  return candidate;
}

/**
 * The order the matrix walks the operations in, so no command breaks the rows after it: reads
 * first, then commands, then removals (a DELETE), then closures, then erasures, hers the very last.
 */
function orderOf(operation: MatrixOperation): number {
  if (operation.method === 'GET') return 0;
  if (operation.path.endsWith('/erasure')) return operation.path.includes('{personId}') ? 5 : 4;
  if (operation.path.endsWith('/closure')) return 3;
  if (operation.method === 'DELETE') return 2;
  return 1;
}

/** A body's value at a place (`persons[].personId`): set on every item of the arrays on the way. */
export function withValue(body: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const set = (node: Record<string, unknown>, segments: string[]): void => {
    const [segment, ...rest] = segments;
    const isArray = segment!.endsWith('[]');
    const key = segment!.replace(/\[\]$/, '');
    if (rest.length === 0) {
      node[key] = isArray ? [value] : value;
      return;
    }
    if (isArray) {
      const items = Array.isArray(node[key]) && (node[key] as unknown[]).length > 0 ? (node[key] as Record<string, unknown>[]) : [{}];
      items.forEach((item) => set(item, rest));
      node[key] = items;
    } else {
      node[key] = (node[key] as Record<string, unknown>) ?? {};
      set(node[key] as Record<string, unknown>, rest);
    }
  };
  set(copy, path.split('.'));
  return copy;
}
