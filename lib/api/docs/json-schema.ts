import type { OpenApiDocument, ReferenceObject, SchemaObject } from './openapi-types.ts';

// Reading the OpenAPI document's JSON Schemas for people: following $refs, naming types
// ("string (date-time) | null"), listing an object's fields, and making an example value.

const MAX_DEPTH = 6;

function pointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

export function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && typeof (value as ReferenceObject).$ref === 'string';
}

/** The object a $ref points at (through chains of them); the value itself when it is none. */
export function deref<T>(doc: OpenApiDocument, value: T | ReferenceObject): T {
  let current: unknown = value;
  for (let hops = 0; isReference(current) && hops < 10; hops++) {
    const target = pointer(doc, current.$ref);
    if (target === undefined) break;
    // JSON Schema 2020-12 lets a $ref carry siblings (a description, say); they win.
    const siblings: SchemaObject = { ...current };
    delete siblings.$ref;
    current = { ...(target as object), ...siblings };
  }
  return current as T;
}

/** The name a $ref gives its target: "#/components/schemas/Goal" → "Goal". */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

// zod writes the safe-integer range on every int; it says nothing to a reader.
const bound = (value: number | undefined) => (value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value);

const types = (schema: SchemaObject): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);
const isNullOnly = (schema: SchemaObject) => types(schema).length === 1 && types(schema)[0] === 'null';

/** A schema that allows null as well: a type list with "null", anyOf with {type: null}, or 3.0's nullable. */
export function isNullable(schema: SchemaObject): boolean {
  return schema.nullable === true || types(schema).includes('null') || (schema.anyOf ?? schema.oneOf ?? []).some(isNullOnly);
}

/** The schema without its null alternative, resolved: what the value is when it is present. */
export function nonNull(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  const resolved = deref(doc, schema);
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (variants) {
    const rest = variants.filter((s) => !isNullOnly(s));
    if (rest.length === 1) return { ...deref(doc, rest[0]), description: resolved.description ?? deref(doc, rest[0]).description };
  }
  const kept = types(resolved).filter((t) => t !== 'null');
  return Array.isArray(resolved.type) && kept.length === 1 ? { ...resolved, type: kept[0] } : resolved;
}

/** A short, readable type: "string (date)", "array of Goal", "\"active\" | \"done\"", "integer | null". */
export function typeLabel(doc: OpenApiDocument, schema: SchemaObject, depth = 0): string {
  if (depth > MAX_DEPTH) return 'any';
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((s) => typeLabel(doc, s, depth + 1)).join(' | ');
  if (schema.allOf) return schema.allOf.map((s) => typeLabel(doc, s, depth + 1)).join(' & ');
  const list = types(schema);
  if (list.length === 0) return schema.properties ? 'object' : 'any';
  const label = (type: string) => {
    if (type === 'array') return schema.items ? `array of ${typeLabel(doc, schema.items, depth + 1)}` : 'array';
    if (type === 'string' && schema.format) return `string (${schema.format})`;
    return type;
  };
  return list.map(label).join(' | ') + (schema.nullable ? ' | null' : '');
}

export interface FieldDoc {
  name: string;
  required: boolean;
  schema: SchemaObject;
}

/** The named fields of an object schema (allOf parts merged); empty for anything else. */
export function fieldsOf(doc: OpenApiDocument, schema: SchemaObject, depth = 0): FieldDoc[] {
  if (depth > MAX_DEPTH) return [];
  const resolved = nonNull(doc, schema);
  const own = Object.entries(resolved.properties ?? {}).map(([name, field]) => ({ name, required: resolved.required?.includes(name) ?? false, schema: field }));
  const merged = (resolved.allOf ?? []).flatMap((part) => fieldsOf(doc, part, depth + 1));
  return [...merged.filter((m) => !own.some((o) => o.name === m.name)), ...own];
}

/** The named schema a field is, may be, or holds a list of ("Goal" for Goal, Goal | null or Goal[]). */
export function refOf(schema: SchemaObject): string | null {
  if (schema.$ref) return refName(schema.$ref);
  const variants = (schema.anyOf ?? schema.oneOf ?? []).filter((s) => !isNullOnly(s));
  if (variants.length === 1) return refOf(variants[0]);
  return schema.items ? refOf(schema.items) : null;
}

/** The object schema inside a field, if any (itself, or an array's items), whose fields to show nested. */
export function nestedObject(doc: OpenApiDocument, schema: SchemaObject): SchemaObject | null {
  const value = nonNull(doc, schema);
  const target = types(value).includes('array') && value.items ? nonNull(doc, value.items) : value;
  return fieldsOf(doc, target).length ? target : null;
}

/** Limits worth telling a caller: lengths, ranges, pattern, default. */
export function constraintsOf(doc: OpenApiDocument, schema: SchemaObject): string[] {
  const s = nonNull(doc, schema);
  const out: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) out.push(`${min}–${max}${unit}`);
    else if (min !== undefined) out.push(`at least ${min}${unit}`);
    else if (max !== undefined) out.push(`at most ${max}${unit}`);
  };
  range(s.minLength, s.maxLength, ' characters');
  range(s.minItems, s.maxItems, ' items');
  range(bound(s.minimum), bound(s.maximum), '');
  if (bound(s.exclusiveMinimum) !== undefined) out.push(`more than ${s.exclusiveMinimum}`);
  if (bound(s.exclusiveMaximum) !== undefined) out.push(`less than ${s.exclusiveMaximum}`);
  if (s.pattern) out.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

const STRING_EXAMPLES: Record<string, string> = {
  'date-time': '2031-01-31T09:00:00.000Z',
  date: '2031-01-31',
  email: 'person@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
};

/** An example value for a schema: its own example or default if it has one, else made up from its type. */
export function exampleFromSchema(doc: OpenApiDocument, schema: SchemaObject, depth = 0): unknown {
  const s = deref(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  if (depth > MAX_DEPTH) return null;
  const variants = s.anyOf ?? s.oneOf;
  if (variants?.length) return exampleFromSchema(doc, variants.find((v) => !isNullOnly(v)) ?? variants[0], depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part) => exampleFromSchema(doc, part, depth + 1)));
  const type = types(s).find((t) => t !== 'null') ?? (s.properties ? 'object' : 'null');
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([, field]) => !deref(doc, field).readOnly)
          .map(([name, field]) => [name, exampleFromSchema(doc, field, depth + 1)]),
      );
    case 'array':
      return s.items ? [exampleFromSchema(doc, s.items, depth + 1)] : [];
    case 'string':
      return STRING_EXAMPLES[s.format ?? ''] ?? 'string';
    case 'integer':
    case 'number': {
      const above = bound(s.exclusiveMinimum);
      return bound(s.minimum) ?? (above === undefined ? 0 : above + 1);
    }
    case 'boolean':
      return true;
    default:
      return null;
  }
}
