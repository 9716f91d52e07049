import type { NextRequest } from 'next/server';
import { readBytes } from '../http/read-bytes.ts';
import type { DirectoryContext } from './directory-context.ts';
import { authenticateDirectory } from './scim-auth.ts';
import { ScimError, scimBadRequest, scimErrorResponse, scimJson, scimNoContent, scimNotFound } from './scim-errors.ts';
import { createGroup, deleteGroup, getGroup, listGroups, memberNames, patchGroup, replaceGroup, type GroupRow } from './scim-groups.ts';
import { parsePatchBody } from './scim-patch.ts';
import type { JsonObject } from './scim-canonical.ts';
import { isNotModified } from './scim-etag.ts';
import { groupVersion, listResponse, project, toGroupResource, toUserResource, userVersion, GROUP_SCHEMA, USER_SCHEMA } from './scim-resources.ts';
import { findSchema, RESOURCE_SCHEMAS, SCHEMAS, schemaResource } from './scim-schemas.ts';
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser } from './scim-users.ts';

// The SCIM 2.0 service provider (RFC 7644) of one directory: /Users, /Groups and the discovery
// endpoints, under /api/scim/v2.0/<directoryId>/. The route handler hands every request here.
//
// Why our own handler rather than Jackson's directory sync (@boxyhq/saml-jackson 26.2, which
// runs our SAML SSO): checked against its source and in a probe on its 'mem' engine,
// - its handler keeps per-request state on shared singletons (the event callback, and the
//   tenant/product namespace of its user and group stores) across awaits: concurrent requests
//   of two directories wrote one directory's users into the other's namespace (20 of 20 in
//   the probe). IdPs send requests in parallel, so that is a cross-workspace leak;
// - group PATCH compares ops case-sensitively, so Entra's "Add"/"Remove" on members are
//   ignored; "active": "False" (Entra) is stored as the string; a userName filter searches
//   its email index, so Entra's non-email userNames are never found (and re-created: 409);
// - a filter without "eq ", a PATCH without Operations or a null body throw (a 500);
//   errors lack "status" and "scimType"; a deactivated directory answers 200 {};
// - it stores users and groups in its own tables, outside the transaction that changes
//   memberships and teams, so a refused provisioning (unverified domain, last owner) would
//   leave the two disagreeing.
// So the SCIM protocol is implemented here on ScimUser/ScimGroup (lib/scim/scim-users.ts,
// scim-groups.ts, scim-patch.ts, scim-filter.ts), each request in one transaction with its
// effects (provisioning.ts).

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_COUNT = 200;
/** POST /Users/.search and /Groups/.search (RFC 7644 §3.4.3). */
const SEARCH = '.search';

export type ScimMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The JSON body. application/scim+json and application/json are accepted, and so are no type
 * and text/plain (what fetch() gives a string body), as long as the body is JSON.
 */
async function readBody(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type');
  if (type && !/^(application\/([a-z.+-]+\+)?json|text\/plain)\b/i.test(type.trim())) {
    throw new ScimError(415, 'Send the body as JSON (Content-Type: application/scim+json).');
  }
  const text = (await readBytes(req, MAX_BODY_BYTES)).toString('utf8');
  if (!text.trim()) throw scimBadRequest('invalidSyntax', 'The request body is empty; send a SCIM resource as JSON.');
  try {
    return JSON.parse(text);
  } catch {
    throw scimBadRequest('invalidSyntax', 'The request body is not valid JSON.');
  }
}

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw scimBadRequest('invalidValue', `"${name}" must be an integer.`);
  return Number(raw);
}

/** startIndex is 1-based (below 1 counts as 1); count is clamped to 0…200 (RFC 7644 §3.4.2.4). */
function paging(params: URLSearchParams): { startIndex: number; count: number } {
  const startIndex = Math.max(1, intParam(params, 'startIndex', 1));
  const count = Math.min(MAX_COUNT, Math.max(0, intParam(params, 'count', 100)));
  return { startIndex, count };
}

interface Query {
  filter: string | null;
  startIndex: number;
  count: number;
  attributes: string | null;
  excluded: string | null;
}

const fromParams = (params: URLSearchParams): Query => ({ filter: params.get('filter'), ...paging(params), attributes: params.get('attributes'), excluded: params.get('excludedAttributes') });

const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

/** The body of POST /.search (RFC 7644 §3.4.3): the query parameters as JSON, lists as arrays. */
function fromSearchBody(body: unknown): Query {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw scimBadRequest('invalidSyntax', 'A search body must be a SearchRequest object.');
  const read = (name: string) => Object.entries(body).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const schemas = read('schemas');
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.includes(SEARCH_REQUEST))) throw scimBadRequest('invalidValue', `"schemas" of a search must be ["${SEARCH_REQUEST}"].`);
  const params = new URLSearchParams();
  for (const name of ['filter', 'startIndex', 'count', 'attributes', 'excludedAttributes']) {
    const value = read(name);
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) params.set(name, value.join(','));
    else if (typeof value === 'string' || typeof value === 'number') params.set(name, String(value));
    else throw scimBadRequest('invalidValue', `"${name}" of a search has the wrong type.`);
  }
  return fromParams(params);
}

interface Call {
  ctx: DirectoryContext;
  method: ScimMethod;
  id: string | undefined;
  req: Request;
  query: Query;
}

/** A resource's answer with its ETag; a GET whose If-None-Match is current is a 304. */
function resourceAnswer(call: Call, body: JsonObject, version: string, status = 200, location?: string): Response {
  const headers: Record<string, string> = { etag: version, ...(location ? { location } : {}) };
  if (call.method === 'GET' && isNotModified(call.req.headers.get('if-none-match'), version)) return new Response(null, { status: 304, headers });
  return scimJson(body, status, headers);
}

async function users(call: Call): Promise<Response> {
  const { ctx, method, id, req, query } = call;
  const ifMatch = req.headers.get('if-match');
  const answer = (row: Parameters<typeof toUserResource>[0], status = 200) =>
    resourceAnswer(call, project('User', toUserResource(row, ctx.baseUrl), query.attributes, query.excluded), userVersion(row), status, status === 201 ? `${ctx.baseUrl}/Users/${row.id}` : undefined);
  if (id === undefined || id === SEARCH) {
    if ((method === 'GET' && id === undefined) || (method === 'POST' && id === SEARCH)) {
      const { rows, total } = await listUsers(ctx, query.filter, query.startIndex, query.count);
      return scimJson(listResponse(rows.map((row) => project('User', toUserResource(row, ctx.baseUrl), query.attributes, query.excluded)), total, query.startIndex));
    }
    if (method === 'POST') return answer(await createUser(ctx, await readBody(req)), 201);
    throw new ScimError(405, `${method} is not supported on /Users; use GET or POST.`);
  }
  switch (method) {
    case 'GET':
      return answer(await getUser(ctx, id));
    case 'PUT':
      return answer(await replaceUser(ctx, id, await readBody(req), ifMatch));
    case 'PATCH':
      return answer(await patchUser(ctx, id, parsePatchBody(await readBody(req)), ifMatch));
    case 'DELETE':
      await deleteUser(ctx, id, ifMatch);
      return scimNoContent();
    default:
      throw new ScimError(405, `${method} is not supported on a user.`);
  }
}

async function groupResources(ctx: DirectoryContext, rows: GroupRow[], query: Query) {
  const names = await memberNames(ctx, rows);
  return rows.map((row) => project('Group', toGroupResource(row, ctx.baseUrl, names), query.attributes, query.excluded));
}

async function groups(call: Call): Promise<Response> {
  const { ctx, method, id, req, query } = call;
  const ifMatch = req.headers.get('if-match');
  const answer = async (row: GroupRow, status = 200) =>
    resourceAnswer(call, (await groupResources(ctx, [row], query))[0], groupVersion(row), status, status === 201 ? `${ctx.baseUrl}/Groups/${row.id}` : undefined);
  if (id === undefined || id === SEARCH) {
    if ((method === 'GET' && id === undefined) || (method === 'POST' && id === SEARCH)) {
      const { rows, total } = await listGroups(ctx, query.filter, query.startIndex, query.count);
      return scimJson(listResponse(await groupResources(ctx, rows, query), total, query.startIndex));
    }
    if (method === 'POST') return answer(await createGroup(ctx, await readBody(req)), 201);
    throw new ScimError(405, `${method} is not supported on /Groups; use GET or POST.`);
  }
  switch (method) {
    case 'GET':
      return answer(await getGroup(ctx, id));
    case 'PUT':
      return answer(await replaceGroup(ctx, id, await readBody(req), ifMatch));
    case 'PATCH':
      return answer(await patchGroup(ctx, id, parsePatchBody(await readBody(req)), ifMatch));
    case 'DELETE':
      await deleteGroup(ctx, id, ifMatch);
      return scimNoContent();
    default:
      throw new ScimError(405, `${method} is not supported on a group.`);
  }
}

/** The rows of one type for a root search; none when the filter names an attribute the type lacks. */
async function searchType<T>(list: () => Promise<{ rows: T[]; total: number }>): Promise<{ rows: T[]; total: number } | ScimError> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof ScimError && error.scimType === 'invalidFilter') return error;
    throw error;
  }
}

/** POST /.search (RFC 7644 §3.4.3): users, then groups, paged as one list. */
async function searchAll({ ctx, query }: Call): Promise<Response> {
  const found = await searchType(() => listUsers(ctx, query.filter, query.startIndex, query.count));
  const users = found instanceof ScimError ? { rows: [], total: 0 } : found;
  const groupStart = Math.max(1, query.startIndex - users.total);
  const groupCount = query.count - users.rows.length;
  const foundGroups = await searchType(() => listGroups(ctx, query.filter, groupStart, Math.max(0, groupCount)));
  // A filter no resource type understands (or that does not parse) is the client's error.
  if (found instanceof ScimError && foundGroups instanceof ScimError) throw found;
  const groupRows = foundGroups instanceof ScimError ? { rows: [], total: 0 } : foundGroups;
  const resources = [
    ...users.rows.map((row) => project('User', toUserResource(row, ctx.baseUrl), query.attributes, query.excluded)),
    ...(await groupResources(ctx, groupRows.rows, query)),
  ];
  return scimJson(listResponse(resources, users.total + groupRows.total, query.startIndex));
}

function serviceProviderConfig(ctx: DirectoryContext) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: `${ctx.baseUrl.slice(0, ctx.baseUrl.indexOf('/api/'))}/settings/directory`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [{ type: 'oauthbearertoken', name: 'Bearer token', description: "The directory's token from Waypoint's Directory sync settings.", primary: true }],
    meta: { resourceType: 'ServiceProviderConfig', location: `${ctx.baseUrl}/ServiceProviderConfig` },
  };
}

function resourceTypes(ctx: DirectoryContext) {
  const type = (name: 'User' | 'Group', schema: string) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: name,
    name,
    endpoint: `/${name}s`,
    schema,
    schemaExtensions: RESOURCE_SCHEMAS[name].extensions.map((extension) => ({ schema: extension.id, required: false })),
    meta: { resourceType: 'ResourceType', location: `${ctx.baseUrl}/ResourceTypes/${name}` },
  });
  return [type('User', USER_SCHEMA), type('Group', GROUP_SCHEMA)];
}

/** One SCIM request: authenticate the directory, route by path, answer in SCIM's JSON (errors too). */
export async function handleScimRequest(req: NextRequest, directoryId: string, path: string[]): Promise<Response> {
  try {
    const ctx = await authenticateDirectory(req, directoryId);
    const method = req.method.toUpperCase() as ScimMethod;
    const params = req.nextUrl.searchParams;
    const [resource = '', id, ...extra] = path;
    if (extra.length > 0 || id === '') throw scimNotFound('No such SCIM endpoint.');
    const searching = method === 'POST' && (id === SEARCH || (resource === SEARCH && id === undefined));
    const call: Call = { ctx, method, id, req, query: searching ? fromSearchBody(await readBody(req)) : fromParams(params) };
    switch (resource.toLowerCase()) {
      case 'users':
        return await users(call);
      case 'groups':
        return await groups(call);
      case SEARCH:
        if (!searching) throw new ScimError(405, 'Search with POST /.search and a SearchRequest body.');
        return await searchAll(call);
      case 'serviceproviderconfig':
        if (method !== 'GET' || id !== undefined) throw new ScimError(405, 'Only GET is supported here.');
        return scimJson(serviceProviderConfig(ctx));
      case 'resourcetypes': {
        if (method !== 'GET') throw new ScimError(405, 'Only GET is supported here.');
        const types = resourceTypes(ctx);
        if (id === undefined) return scimJson(listResponse(types, types.length, 1));
        const found = types.find((type) => type.id.toLowerCase() === id.toLowerCase());
        if (!found) throw scimNotFound(`No resource type ${id}.`);
        return scimJson(found);
      }
      case 'schemas': {
        if (method !== 'GET') throw new ScimError(405, 'Only GET is supported here.');
        if (id === undefined) return scimJson(listResponse(SCHEMAS.map((schema) => schemaResource(schema, ctx.baseUrl)), SCHEMAS.length, 1));
        const schema = findSchema(id);
        if (!schema) throw scimNotFound(`No schema ${id}: see /Schemas.`);
        return scimJson(schemaResource(schema, ctx.baseUrl));
      }
      default:
        throw scimNotFound(`No SCIM endpoint /${resource}: use /Users, /Groups, /Schemas, /ResourceTypes or /ServiceProviderConfig.`);
    }
  } catch (error) {
    return scimErrorResponse(error);
  }
}
