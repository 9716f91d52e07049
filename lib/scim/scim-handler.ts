import type { NextRequest } from 'next/server';
import { readBytes } from '../http/read-bytes.ts';
import type { DirectoryContext } from './directory-context.ts';
import { authenticateDirectory } from './scim-auth.ts';
import { ScimError, scimBadRequest, scimErrorResponse, scimJson, scimNoContent, scimNotFound } from './scim-errors.ts';
import { filterTerms } from './scim-filter.ts';
import { createGroup, deleteGroup, getGroup, GROUP_FILTERS, listGroups, memberNames, patchGroup, replaceGroup, type GroupRow } from './scim-groups.ts';
import { parsePatchBody } from './scim-patch.ts';
import { listResponse, project, toGroupResource, toUserResource, GROUP_SCHEMA, USER_SCHEMA } from './scim-resources.ts';
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser, USER_FILTERS } from './scim-users.ts';

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
// effects (provisioning.ts); ScimDirectory.jacksonDirectoryId stays null.

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_COUNT = 200;

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

const projection = (params: URLSearchParams) => ({ attributes: params.get('attributes'), excluded: params.get('excludedAttributes') });

async function groupResources(ctx: DirectoryContext, rows: GroupRow[], params: URLSearchParams) {
  const { attributes, excluded } = projection(params);
  const names = await memberNames(ctx, rows);
  return rows.map((row) => project(toGroupResource(row, ctx.baseUrl, names), attributes, excluded));
}

async function users(ctx: DirectoryContext, method: ScimMethod, id: string | undefined, req: Request, params: URLSearchParams): Promise<Response> {
  const { attributes, excluded } = projection(params);
  const answer = (row: Parameters<typeof toUserResource>[0], status = 200) =>
    scimJson(project(toUserResource(row, ctx.baseUrl), attributes, excluded), status, status === 201 ? { location: `${ctx.baseUrl}/Users/${row.id}` } : {});
  if (id === undefined) {
    if (method === 'GET') {
      const terms = filterTerms(params.get('filter'), USER_FILTERS);
      const { startIndex, count } = paging(params);
      const { rows, total } = await listUsers(ctx, terms, startIndex, count);
      return scimJson(listResponse(rows.map((row) => project(toUserResource(row, ctx.baseUrl), attributes, excluded)), total, startIndex));
    }
    if (method === 'POST') return answer(await createUser(ctx, await readBody(req)), 201);
    throw new ScimError(405, `${method} is not supported on /Users; use GET or POST.`);
  }
  switch (method) {
    case 'GET':
      return answer(await getUser(ctx, id));
    case 'PUT':
      return answer(await replaceUser(ctx, id, await readBody(req)));
    case 'PATCH':
      return answer(await patchUser(ctx, id, parsePatchBody(await readBody(req))));
    case 'DELETE':
      await deleteUser(ctx, id);
      return scimNoContent();
    default:
      throw new ScimError(405, `${method} is not supported on a user.`);
  }
}

async function groups(ctx: DirectoryContext, method: ScimMethod, id: string | undefined, req: Request, params: URLSearchParams): Promise<Response> {
  const answer = async (row: GroupRow, status = 200) => scimJson((await groupResources(ctx, [row], params))[0], status, status === 201 ? { location: `${ctx.baseUrl}/Groups/${row.id}` } : {});
  if (id === undefined) {
    if (method === 'GET') {
      const terms = filterTerms(params.get('filter'), GROUP_FILTERS);
      const { startIndex, count } = paging(params);
      const { rows, total } = await listGroups(ctx, terms, startIndex, count);
      return scimJson(listResponse(await groupResources(ctx, rows, params), total, startIndex));
    }
    if (method === 'POST') return answer(await createGroup(ctx, await readBody(req)), 201);
    throw new ScimError(405, `${method} is not supported on /Groups; use GET or POST.`);
  }
  switch (method) {
    case 'GET':
      return answer(await getGroup(ctx, id));
    case 'PUT':
      return answer(await replaceGroup(ctx, id, await readBody(req)));
    case 'PATCH':
      return answer(await patchGroup(ctx, id, parsePatchBody(await readBody(req))));
    case 'DELETE':
      await deleteGroup(ctx, id);
      return scimNoContent();
    default:
      throw new ScimError(405, `${method} is not supported on a group.`);
  }
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
    etag: { supported: false },
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
    switch (resource.toLowerCase()) {
      case 'users':
        return await users(ctx, method, id, req, params);
      case 'groups':
        return await groups(ctx, method, id, req, params);
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
      default:
        throw scimNotFound(`No SCIM endpoint /${resource}: use /Users or /Groups.`);
    }
  } catch (error) {
    return scimErrorResponse(error);
  }
}
