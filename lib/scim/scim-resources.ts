import { z } from 'zod';
import { scimBadRequest } from './scim-errors.ts';
import type { JsonObject } from './scim-patch.ts';

// The SCIM User and Group resources as identity providers send them, and as we answer them.
// What we act on (userName, externalId, active, the email, the name; a group's displayName and
// members) is validated; everything else an IdP sends is kept as is and returned on GET.

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

const MAX_RESOURCE_BYTES = 64 * 1024;

/** Attributes the server owns or never stores. */
const SERVER_OWNED = new Set(['id', 'meta', 'schemas', 'password']);

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function field(body: JsonObject, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

/** The attributes to keep (minus the server's own and those held in columns). */
function rest(body: JsonObject, columns: string[]): JsonObject {
  const skip = new Set([...SERVER_OWNED, ...columns.map((c) => c.toLowerCase())]);
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(body)) if (!skip.has(key.toLowerCase())) kept[key] = value;
  if (Buffer.byteLength(JSON.stringify(kept)) > MAX_RESOURCE_BYTES) throw scimBadRequest('invalidValue', 'The resource is larger than 64 KB.');
  return kept;
}

/** Entra (without the aadOptscim062020 flag) sends booleans as "True"/"False". */
export function coerceBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw scimBadRequest('invalidValue', `"${name}" must be true or false.`);
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
  const emails = field(body, 'emails');
  const list = Array.isArray(emails) ? emails.filter((e): e is JsonObject => isObject(e) && typeof e.value === 'string') : [];
  const chosen =
    list.find((e) => e.primary === true || (typeof e.primary === 'string' && e.primary.toLowerCase() === 'true')) ??
    list.find((e) => typeof e.type === 'string' && e.type.toLowerCase() === 'work') ??
    list[0];
  const value = (typeof chosen?.value === 'string' ? chosen.value : userName).trim().toLowerCase();
  return EMAIL.test(value) && value.length <= 320 ? value : null;
}

function pickDisplayName(body: JsonObject): string | null {
  const displayName = field(body, 'displayName');
  if (typeof displayName === 'string' && displayName.trim()) return displayName.trim().slice(0, 200);
  const name = field(body, 'name');
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
export function parseUser(body: unknown): UserInput {
  if (!isObject(body)) throw scimBadRequest('invalidSyntax', 'The body must be a SCIM User object.');
  const userName = userNameSchema.safeParse(field(body, 'userName'));
  if (!userName.success) throw scimBadRequest('invalidValue', firstIssue(userName.error));
  const externalId = externalIdSchema.safeParse(field(body, 'externalId'));
  if (!externalId.success) throw scimBadRequest('invalidValue', firstIssue(externalId.error));
  const emails = field(body, 'emails');
  if (emails !== undefined && emails !== null && !Array.isArray(emails)) throw scimBadRequest('invalidValue', '"emails" must be a list.');
  const name = field(body, 'name');
  if (name !== undefined && name !== null && !isObject(name)) throw scimBadRequest('invalidValue', '"name" must be an object.');
  return {
    userName: userName.data,
    externalId: externalId.data,
    active: coerceBoolean(field(body, 'active'), 'active'),
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

export function parseGroup(body: unknown): GroupInput {
  if (!isObject(body)) throw scimBadRequest('invalidSyntax', 'The body must be a SCIM Group object.');
  const displayName = displayNameSchema.safeParse(field(body, 'displayName'));
  if (!displayName.success) throw scimBadRequest('invalidValue', firstIssue(displayName.error));
  const externalId = externalIdSchema.safeParse(field(body, 'externalId'));
  if (!externalId.success) throw scimBadRequest('invalidValue', firstIssue(externalId.error));
  const members = field(body, 'members');
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

const meta = (resourceType: 'User' | 'Group', row: { createdAt: Date; updatedAt: Date }, location: string) => ({
  resourceType,
  created: row.createdAt.toISOString(),
  lastModified: row.updatedAt.toISOString(),
  location,
  version: `W/"${row.updatedAt.getTime().toString(36)}"`,
});

/** The stored attributes as a PATCH sees them (columns included). */
export function userDocument(row: ScimUserRow): JsonObject {
  const resource = isObject(row.resource) ? row.resource : {};
  return { ...resource, userName: row.userName, ...(row.externalId ? { externalId: row.externalId } : {}), active: row.active };
}

export function toUserResource(row: ScimUserRow, baseUrl: string): JsonObject {
  const resource = isObject(row.resource) ? row.resource : {};
  return {
    schemas: [USER_SCHEMA, ...extensionSchemas(resource)],
    id: row.id,
    ...resource,
    userName: row.userName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    active: row.active,
    meta: meta('User', row, `${baseUrl}/Users/${row.id}`),
  };
}

export function groupDocument(row: ScimGroupRow): JsonObject {
  const resource = isObject(row.resource) ? row.resource : {};
  return { ...resource, displayName: row.displayName, ...(row.externalId ? { externalId: row.externalId } : {}), members: row.memberIds.map((value) => ({ value })) };
}

export function toGroupResource(row: ScimGroupRow, baseUrl: string, userNames: Map<string, string> = new Map()): JsonObject {
  const resource = isObject(row.resource) ? row.resource : {};
  return {
    schemas: [GROUP_SCHEMA, ...extensionSchemas(resource)],
    id: row.id,
    ...resource,
    displayName: row.displayName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    members: row.memberIds.map((value) => ({ value, $ref: `${baseUrl}/Users/${value}`, type: 'User', ...(userNames.has(value) ? { display: userNames.get(value) } : {}) })),
    meta: meta('Group', row, `${baseUrl}/Groups/${row.id}`),
  };
}

/** attributes= / excludedAttributes= (RFC 7644 §3.4.2.5), on top-level attributes; id and schemas always stay. */
export function project(resource: JsonObject, attributes: string | null, excluded: string | null): JsonObject {
  const list = (value: string | null) => (value ? value.split(',').map((a) => a.trim().toLowerCase().replace(/^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/, '')).filter(Boolean) : []);
  const keep = list(attributes);
  const drop = list(excluded);
  const always = new Set(['id', 'schemas']);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (always.has(lower)) out[key] = value;
    else if (keep.length > 0) {
      if (keep.some((a) => a === lower || a.startsWith(`${lower}.`))) out[key] = value;
    } else if (!drop.includes(lower)) out[key] = value;
  }
  return out;
}

export function listResponse(resources: JsonObject[], totalResults: number, startIndex: number): JsonObject {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}
