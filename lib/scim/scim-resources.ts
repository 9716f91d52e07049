import { z } from 'zod';
import { canonicalResource, coerceBoolean, type JsonObject } from './scim-canonical.ts';
import { scimBadRequest } from './scim-errors.ts';
import { etagOf } from './scim-etag.ts';
import { RESOURCE_SCHEMAS, USER_SCHEMA, GROUP_SCHEMA, type ResourceTypeName } from './scim-schemas.ts';

// The SCIM User and Group resources as identity providers send them, and as we answer them.
// Bodies are first brought to the schema (scim-canonical.ts: canonical names, unknown attributes
// dropped); what we act on (userName, externalId, active, the email, the name; a group's
// displayName and members) is validated; the other attributes of the schema are kept as sent
// and returned on GET.

export { USER_SCHEMA, GROUP_SCHEMA };
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

const MAX_RESOURCE_BYTES = 64 * 1024;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The attributes to keep in "resource" (those held in columns are not). */
function rest(doc: JsonObject, columns: string[]): JsonObject {
  const kept: JsonObject = { ...doc };
  for (const column of columns) delete kept[column];
  if (Buffer.byteLength(JSON.stringify(kept)) > MAX_RESOURCE_BYTES) throw scimBadRequest('invalidValue', 'The resource is larger than 64 KB.');
  return kept;
}

const optionalString = (name: string, max: number) =>
  z
    .string({ message: `"${name}" must be a string.` })
    .trim()
    .max(max, `"${name}" must be at most ${max} characters.`)
    .nullish()
    .transform((value) => value || null);

const userNameSchema = z.string({ message: '"userName" is required and must be a string.' }).trim().min(1, '"userName" is required.').max(320, '"userName" must be at most 320 characters.');
const externalIdSchema = optionalString('externalId', 255);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface UserInput {
  userName: string;
  externalId: string | null;
  active: boolean | undefined;
  /** The address to provision: the primary email, else the work one, else the first, else userName. */
  email: string | null;
  displayName: string | null;
  resource: JsonObject;
}

function pickEmail(body: JsonObject, userName: string): string | null {
  const emails = body.emails;
  const list = Array.isArray(emails) ? emails.filter((e): e is JsonObject => isObject(e) && typeof e.value === 'string') : [];
  const chosen =
    list.find((e) => e.primary === true || (typeof e.primary === 'string' && e.primary.toLowerCase() === 'true')) ??
    list.find((e) => typeof e.type === 'string' && e.type.toLowerCase() === 'work') ??
    list[0];
  const value = (typeof chosen?.value === 'string' ? chosen.value : userName).trim().toLowerCase();
  return EMAIL.test(value) && value.length <= 320 ? value : null;
}

function pickDisplayName(body: JsonObject): string | null {
  const displayName = body.displayName;
  if (typeof displayName === 'string' && displayName.trim()) return displayName.trim().slice(0, 200);
  const name = body.name;
  if (!isObject(name)) return null;
  const formatted = typeof name.formatted === 'string' ? name.formatted.trim() : '';
  if (formatted) return formatted.slice(0, 200);
  const parts = [name.givenName, name.familyName].filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim());
  return parts.length ? parts.join(' ').slice(0, 200) : null;
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'The resource is not valid.';
}

/** A User body (POST, PUT, or the result of a PATCH), validated. */
export function parseUser(raw: unknown): UserInput {
  if (!isObject(raw)) throw scimBadRequest('invalidSyntax', 'The body must be a SCIM User object.');
  const body = canonicalResource('User', raw);
  const userName = userNameSchema.safeParse(body.userName);
  if (!userName.success) throw scimBadRequest('invalidValue', firstIssue(userName.error));
  const externalId = externalIdSchema.safeParse(body.externalId);
  if (!externalId.success) throw scimBadRequest('invalidValue', firstIssue(externalId.error));
  const emails = body.emails;
  if (emails !== undefined && emails !== null && !Array.isArray(emails)) throw scimBadRequest('invalidValue', '"emails" must be a list.');
  const name = body.name;
  if (name !== undefined && name !== null && !isObject(name)) throw scimBadRequest('invalidValue', '"name" must be an object.');
  return {
    userName: userName.data,
    externalId: externalId.data,
    active: coerceBoolean(body.active, 'active'),
    email: pickEmail(body, userName.data),
    displayName: pickDisplayName(body),
    resource: rest(body, ['userName', 'externalId', 'active']),
  };
}

export interface GroupInput {
  displayName: string;
  externalId: string | null;
  /** Member ids as sent (null: the body has no "members"). */
  memberIds: string[] | null;
  resource: JsonObject;
}

const displayNameSchema = z.string({ message: '"displayName" is required and must be a string.' }).trim().min(1, '"displayName" is required.').max(255, '"displayName" must be at most 255 characters.');

export function parseGroup(raw: unknown): GroupInput {
  if (!isObject(raw)) throw scimBadRequest('invalidSyntax', 'The body must be a SCIM Group object.');
  const body = canonicalResource('Group', raw);
  const displayName = displayNameSchema.safeParse(body.displayName);
  if (!displayName.success) throw scimBadRequest('invalidValue', firstIssue(displayName.error));
  const externalId = externalIdSchema.safeParse(body.externalId);
  if (!externalId.success) throw scimBadRequest('invalidValue', firstIssue(externalId.error));
  const members = body.members;
  let memberIds: string[] | null = null;
  if (members !== undefined && members !== null) {
    if (!Array.isArray(members)) throw scimBadRequest('invalidValue', '"members" must be a list.');
    if (members.length > 50_000) throw scimBadRequest('tooMany', 'A group can have at most 50,000 members.');
    memberIds = [];
    for (const member of members) {
      if (!isObject(member) || typeof member.value !== 'string' || !member.value) throw scimBadRequest('invalidValue', 'Each member needs a "value": the id of a user of this directory.');
      if (!memberIds.includes(member.value)) memberIds.push(member.value);
    }
  }
  return { displayName: displayName.data, externalId: externalId.data, memberIds, resource: rest(body, ['displayName', 'externalId', 'members']) };
}

// ─── Answers ───

export interface ScimUserRow {
  id: string;
  userName: string;
  externalId: string | null;
  active: boolean;
  resource: unknown;
  createdAt: Date;
  updatedAt: Date;
}

export interface ScimGroupRow {
  id: string;
  displayName: string;
  externalId: string | null;
  memberIds: string[];
  resource: unknown;
  createdAt: Date;
  updatedAt: Date;
}

function extensionSchemas(resource: JsonObject): string[] {
  return Object.keys(resource).filter((key) => /^urn:/i.test(key));
}

const meta = (resourceType: ResourceTypeName, row: { createdAt: Date; updatedAt: Date }, location: string, version: string) => ({
  resourceType,
  created: row.createdAt.toISOString(),
  lastModified: row.updatedAt.toISOString(),
  location,
  version,
});

/** meta.version and the ETag header of a user or group (scim-etag.ts). */
export const userVersion = (row: ScimUserRow) => etagOf([row.id, row.userName, row.externalId, row.active, row.resource, row.updatedAt]);
export const groupVersion = (row: ScimGroupRow) => etagOf([row.id, row.displayName, row.externalId, row.memberIds, row.resource, row.updatedAt]);

/** The stored attributes as a PATCH sees them (columns included). */
export function userDocument(row: ScimUserRow): JsonObject {
  const resource = isObject(row.resource) ? row.resource : {};
  return { ...resource, userName: row.userName, ...(row.externalId ? { externalId: row.externalId } : {}), active: row.active };
}

/** The stored attributes, in the schema's names (rows stored before names were made canonical too). */
function storedAttributes(type: ResourceTypeName, resource: unknown): JsonObject {
  if (!isObject(resource)) return {};
  const attributes = canonicalResource(type, resource, { stored: true });
  delete attributes.externalId;
  return attributes;
}

export function toUserResource(row: ScimUserRow, baseUrl: string): JsonObject {
  const resource = storedAttributes('User', row.resource);
  return {
    schemas: [USER_SCHEMA, ...extensionSchemas(resource)],
    id: row.id,
    ...resource,
    userName: row.userName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    active: row.active,
    meta: meta('User', row, `${baseUrl}/Users/${row.id}`, userVersion(row)),
  };
}

export function groupDocument(row: ScimGroupRow): JsonObject {
  const resource = isObject(row.resource) ? row.resource : {};
  return { ...resource, displayName: row.displayName, ...(row.externalId ? { externalId: row.externalId } : {}), members: row.memberIds.map((value) => ({ value })) };
}

export function toGroupResource(row: ScimGroupRow, baseUrl: string, userNames: Map<string, string> = new Map()): JsonObject {
  const resource = storedAttributes('Group', row.resource);
  return {
    schemas: [GROUP_SCHEMA, ...extensionSchemas(resource)],
    id: row.id,
    ...resource,
    displayName: row.displayName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    members: row.memberIds.map((value) => ({ value, $ref: `${baseUrl}/Users/${value}`, type: 'User', ...(userNames.has(value) ? { display: userNames.get(value) } : {}) })),
    meta: meta('Group', row, `${baseUrl}/Groups/${row.id}`, groupVersion(row)),
  };
}

// attributes= / excludedAttributes= (RFC 7644 §3.4.2.5, §3.9), with sub-attributes
// ("name.givenName", "emails.value") and schema-qualified names, in any case. id, schemas and
// meta are always returned; ids and schemas cannot be excluded.

type AttrPath = string[];

/** "urn:…:core:2.0:User:name.givenName" → ["name", "givenname"]; an extension's URN is one segment. */
function attrPaths(type: ResourceTypeName, list: string | null): AttrPath[] {
  if (!list) return [];
  const { core, extensions } = RESOURCE_SCHEMAS[type];
  return list
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
    .map((item) => {
      if (item.startsWith(`${core.id.toLowerCase()}:`)) return item.slice(core.id.length + 1).split('.');
      const extension = extensions.find((schema) => item === schema.id.toLowerCase() || item.startsWith(`${schema.id.toLowerCase()}:`));
      if (extension) {
        const rest = item.slice(extension.id.length + 1);
        return [extension.id.toLowerCase(), ...(rest ? rest.split('.') : [])];
      }
      return item.split('.');
    });
}

/** Applies `inner` to an object, or to each object of a list. */
function each(value: unknown, inner: (obj: JsonObject) => JsonObject): unknown {
  if (Array.isArray(value)) return value.map((item) => (isObject(item) ? inner(item) : item));
  return isObject(value) ? inner(value) : value;
}

function keep(obj: JsonObject, paths: AttrPath[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    const hits = paths.filter((path) => path[0] === key.toLowerCase());
    if (hits.length === 0) continue;
    out[key] = hits.some((path) => path.length === 1) ? value : each(value, (inner) => keep(inner, hits.map((path) => path.slice(1))));
  }
  return out;
}

function drop(obj: JsonObject, paths: AttrPath[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    const hits = paths.filter((path) => path[0] === key.toLowerCase());
    if (hits.some((path) => path.length === 1)) continue;
    out[key] = hits.length === 0 ? value : each(value, (inner) => drop(inner, hits.map((path) => path.slice(1))));
  }
  return out;
}

const ALWAYS = ['id', 'schemas', 'meta'];

export function project(type: ResourceTypeName, resource: JsonObject, attributes: string | null, excluded: string | null): JsonObject {
  const wanted = attrPaths(type, attributes);
  if (wanted.length > 0) return keep(resource, [...wanted, ...ALWAYS.map((name) => [name])]);
  const unwanted = attrPaths(type, excluded).filter((path) => path[0] !== 'id' && path[0] !== 'schemas');
  return unwanted.length > 0 ? drop(resource, unwanted) : resource;
}

export function listResponse(resources: JsonObject[], totalResults: number, startIndex: number): JsonObject {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}
