/**
 * A payload schema (the JSON Schema that TypeBox builds) as rows of a field table: nested objects
 * and arrays of objects are flattened into dotted paths (`fir.policeStation`, `persons[].personId`),
 * so every field a consumer may meet has a row with its type and constraints in words.
 */
export interface JsonSchema {
  type?: string;
  format?: string;
  pattern?: string;
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  description?: string;
}

export interface FieldRow {
  readonly path: string;
  readonly required: boolean;
  readonly type: string;
  readonly description?: string;
}

/** The plain JSON Schema of a TypeBox schema (its symbols and functions dropped). */
export function plainSchema(schema: unknown): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema;
}

const code = (text: string) => `\`${text}\``;

function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min} ${unit}` : `${min}–${max} ${unit}`;
  if (min !== undefined) return min === 1 && unit === 'characters' ? 'not empty' : `at least ${min} ${unit}`;
  if (max !== undefined) return `at most ${max} ${unit}`;
  return undefined;
}

/** The type of one value in words: `uuid`, `a` \| `b`, integer ≥ 0, string[] (at most 20)... */
export function typeText(schema: JsonSchema): string {
  if (schema.anyOf) {
    if (schema.anyOf.every((member) => member.const !== undefined)) {
      return schema.anyOf.map((member) => code(String(member.const))).join(' | ');
    }
    return schema.anyOf.map(typeText).join(' or ');
  }
  if (schema.const !== undefined) return code(String(schema.const));
  switch (schema.type) {
    case 'string': {
      if (schema.format) return schema.format;
      const parts = [range(schema.minLength, schema.maxLength, 'characters'), schema.pattern ? `matching ${code(schema.pattern)}` : undefined].filter(Boolean);
      return parts.length > 0 ? `string, ${parts.join(', ')}` : 'string';
    }
    case 'integer':
    case 'number': {
      const name = schema.type;
      if (schema.minimum !== undefined && schema.maximum !== undefined) return `${name} ${schema.minimum}–${schema.maximum}`;
      if (schema.minimum !== undefined) return `${name} ≥ ${schema.minimum}`;
      if (schema.maximum !== undefined) return `${name} ≤ ${schema.maximum}`;
      return name;
    }
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = schema.items ?? {};
      const itemText = item.type === 'object' ? 'object' : typeText(item);
      const limits = [range(schema.minItems, schema.maxItems, 'items'), schema.uniqueItems ? 'unique' : undefined].filter(Boolean);
      const listed = item.anyOf || item.const !== undefined || /[ ,]/.test(itemText) ? `list of ${itemText}` : `${itemText}[]`;
      return limits.length > 0 ? `${listed} (${limits.join(', ')})` : listed;
    }
    case 'object': {
      if (schema.patternProperties) {
        const [[keyPattern, value]] = Object.entries(schema.patternProperties);
        return `map: keys matching ${code(keyPattern!)}, values ${typeText(value!)}`;
      }
      return 'object';
    }
    default:
      return 'any';
  }
}

/** Every field of an object schema, nested ones included, in declaration order. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const required = new Set(schema.required ?? []);
  const rows: FieldRow[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push({ path, required: required.has(name), type: typeText(property), description: property.description });
    if (property.type === 'object' && property.properties) rows.push(...fieldRows(property, `${path}.`));
    if (property.type === 'array' && property.items?.type === 'object' && property.items.properties) {
      rows.push(...fieldRows(property.items, `${path}[].`));
    }
  }
  return rows;
}
