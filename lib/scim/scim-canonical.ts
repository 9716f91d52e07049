import { scimBadRequest } from './scim-errors.ts';
import { findAttribute, RESOURCE_SCHEMAS, SCHEMAS, type AttributeDef, type ResourceTypeName } from './scim-schemas.ts';

// A User or Group body as the schema defines it (RFC 7643 §2.1: attribute names are
// case-insensitive): "Emails":[{"Value":…}] becomes "emails":[{"value":…}], so what is stored,
// filtered and answered always has the canonical names. Attributes the schemas do not define,
// read-only ones (groups, meta, id) and the password are ignored, never stored or echoed
// (RFC 7644 §3.3, §3.5.1). "schemas" must name the resource's own core schema; another
// resource's (a User posted with the Group schema) is a 400. URNs of extensions we do not
// implement (Entra adds a Microsoft one to groups) are ignored with their attributes.

export type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const invalidValue = (detail: string) => scimBadRequest('invalidValue', detail);

/** Entra (without the aadOptscim062020 flag) sends booleans as "True"/"False". */
export function coerceBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw invalidValue(`"${name}" must be true or false.`);
}

function simpleValue(def: AttributeDef, value: unknown, path: string): unknown {
  if (def.type === 'boolean') return coerceBoolean(value, path);
  if (typeof value !== 'string') throw invalidValue(`"${path}" must be a string.`);
  return value;
}

function complexValue(def: AttributeDef, value: unknown, path: string): JsonObject {
  // Entra sends the enterprise manager as the bare id: the "value" of the complex attribute.
  if (typeof value === 'string' && findAttribute(def.subAttributes, 'value')) return { value };
  if (!isObject(value)) throw invalidValue(`"${path}" must be an object.`);
  const out: JsonObject = {};
  for (const [name, inner] of Object.entries(value)) {
    const sub = findAttribute(def.subAttributes, name);
    if (!sub || !writable(sub) || inner === null || inner === undefined) continue;
    out[sub.name] = simpleValue(sub, inner, `${path}.${sub.name}`);
  }
  return out;
}

const writable = (def: AttributeDef) => def.mutability !== 'readOnly' && def.returned !== 'never';

function attributeValue(def: AttributeDef, value: unknown): unknown {
  const one = (item: unknown, path: string) => (def.type === 'complex' ? complexValue(def, item, path) : simpleValue(def, item, path));
  if (!def.multiValued) return one(value, def.name);
  if (!Array.isArray(value)) throw invalidValue(`"${def.name}" must be a list.`);
  return value.filter((item) => item !== null).map((item, index) => one(item, `${def.name}[${index}]`));
}

function attributesOf(body: JsonObject, attributes: readonly AttributeDef[], skip: Set<string>, lenient: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(body)) {
    if (skip.has(name.toLowerCase())) continue;
    const def = findAttribute(attributes, name);
    if (!def || !writable(def) || value === null || value === undefined) continue;
    try {
      out[def.name] = attributeValue(def, value);
    } catch (error) {
      if (!lenient) throw error;
    }
  }
  return out;
}

function checkSchemas(type: ResourceTypeName, value: unknown): void {
  if (value === undefined) return;
  const { core, extensions } = RESOURCE_SCHEMAS[type];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalidValue('"schemas" must be a list of schema URIs.');
  const listed = (value as string[]).map((urn) => urn.toLowerCase());
  if (!listed.includes(core.id.toLowerCase())) throw invalidValue(`"schemas" must include ${core.id} for a ${type}.`);
  const own = new Set([core, ...extensions].map((schema) => schema.id.toLowerCase()));
  const foreign = SCHEMAS.find((schema) => listed.includes(schema.id.toLowerCase()) && !own.has(schema.id.toLowerCase()));
  if (foreign) throw invalidValue(`A ${type} cannot have the schema ${foreign.id}.`);
}

/**
 * The body with canonical attribute names and only the attributes the schemas define (core,
 * externalId, and each implemented extension under its URN). `stored`: a resource as stored
 * before names were made canonical, brought to the schema for an answer (what does not fit is
 * left out rather than refused).
 */
export function canonicalResource(type: ResourceTypeName, body: JsonObject, { stored = false } = {}): JsonObject {
  const keyOf = (name: string) => Object.keys(body).find((key) => key.toLowerCase() === name.toLowerCase());
  const schemasKey = keyOf('schemas');
  if (!stored) checkSchemas(type, schemasKey === undefined ? undefined : body[schemasKey]);
  const { core, extensions } = RESOURCE_SCHEMAS[type];
  const extensionKeys = new Set(extensions.map((schema) => schema.id.toLowerCase()));
  const out = attributesOf(body, core.attributes, new Set(['schemas', 'id', 'meta', 'externalid', ...extensionKeys]), stored);
  const externalIdKey = keyOf('externalId');
  if (externalIdKey !== undefined && body[externalIdKey] !== null) out.externalId = body[externalIdKey];
  for (const schema of extensions) {
    const key = keyOf(schema.id);
    if (key === undefined || body[key] === null) continue;
    if (!isObject(body[key])) {
      if (stored) continue;
      throw invalidValue(`"${schema.id}" must be an object.`);
    }
    const attributes = attributesOf(body[key] as JsonObject, schema.attributes, new Set(), stored);
    if (Object.keys(attributes).length > 0) out[schema.id] = attributes;
  }
  return out;
}
