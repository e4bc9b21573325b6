/**
 * An example value for a JSON Schema (an OpenAPI 3.0 or 3.1 schema, dereferenced): the schema's
 * own `example`, `examples[0]`, `default`, `const` or `enum[0]` when it has one, else a value of
 * its type. Objects get their required properties (all of them when none is required), arrays
 * one item; nesting stops at a fixed depth, so a recursive schema still ends.
 */

export type Schema = Record<string, unknown>;

export const MAX_EXAMPLE_DEPTH = 6;

export function schemaExample(schema: unknown, depth = 0): unknown {
  if (!isSchema(schema)) return null;
  const given = declaredExample(schema);
  if (given.found) return given.value;
  const composed = composedExample(schema, depth);
  if (composed.found) return composed.value;
  switch (schemaType(schema)) {
    case 'string':
      return stringExample(schema);
    case 'integer':
    case 'number':
      return numberExample(schema);
    case 'boolean':
      return true;
    case 'array':
      return depth >= MAX_EXAMPLE_DEPTH ? [] : [schemaExample(schema.items, depth + 1)];
    case 'null':
      return null;
    default:
      return depth >= MAX_EXAMPLE_DEPTH ? {} : objectExample(schema, depth);
  }
}

function declaredExample(schema: Schema): { found: boolean; value?: unknown } {
  if (schema.example !== undefined) return { found: true, value: schema.example };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { found: true, value: schema.examples[0] };
  if (schema.default !== undefined) return { found: true, value: schema.default };
  if (schema.const !== undefined) return { found: true, value: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { found: true, value: schema.enum[0] };
  return { found: false };
}

function composedExample(schema: Schema, depth: number): { found: boolean; value?: unknown } {
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return { found: true, value: schemaExample(options[0], depth) };
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const parts = schema.allOf.map((part) => schemaExample(part, depth));
    if (parts.every((part) => typeof part === 'object' && part !== null && !Array.isArray(part)))
      return { found: true, value: Object.assign({}, ...parts) as unknown };
    return { found: true, value: parts[0] };
  }
  return { found: false };
}

/** The schema's type; 3.1's `type: ['string', 'null']` is its first non-null one. */
export function schemaType(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((type): type is string => typeof type === 'string' && type !== 'null');
  if (isSchema(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00',
  email: 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  password: 'password',
  byte: 'ZXhhbXBsZQ==',
};

function stringExample(schema: Schema): string {
  const formatted = typeof schema.format === 'string' ? FORMAT_EXAMPLES[schema.format] : undefined;
  if (formatted !== undefined) return formatted;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const text = 'string'.padEnd(min, 'x');
  return text.slice(0, Math.max(max, 1));
}

function numberExample(schema: Schema): number {
  const integer = schemaType(schema) === 'integer';
  if (typeof schema.minimum === 'number') return schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + (integer ? 1 : 0.5);
  if (typeof schema.maximum === 'number' && schema.maximum < 0) return schema.maximum;
  return integer ? 1 : 1.5;
}

function objectExample(schema: Schema, depth: number): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
  const names = required.length > 0 ? required : Object.keys(properties);
  const object: Record<string, unknown> = {};
  for (const name of names) {
    const property = properties[name];
    if (isSchema(property) && property.readOnly === true) continue;
    object[name] = schemaExample(property ?? {}, depth + 1);
  }
  return object;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
