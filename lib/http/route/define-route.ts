import { randomBytes } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { languageFromAcceptLanguage } from '../../i18n/languages.ts';
import { serverTextTranslator } from '../../i18n/server-text.ts';
import { getTenantById } from '../../tenancy/tenant-cache.ts';
import { requestLogger } from '../../observability/logger.ts';
import { noteRequest } from '../../server/request-meta.ts';
import { problemResponse } from '../problem.ts';
import { readTrusted, type TrustedFacts } from '../trusted-headers.ts';
import { parseQuery } from '../validate.ts';
import { readRouteBody, type BodySpec, type ParsedBody } from './body.ts';
import { parseParams, type ParamsShape, type ParsedParams } from './params.ts';
import { assertSameOrigin, UNSAFE_METHODS } from './same-origin.ts';

// The one way through a request for every route under app/api. A route is declared with its
// door's builder (workspaceRoute, apiRoute, resellerRoute, partnerRoute, operatorRoute, platformRoute), a
// spec (params, body, query) and a handler; the builder then, for every request and in this
// order: reads the facts the server sealed (client IP, request id, tenant), refuses
// cross-origin writes where the door uses cookies, lets the door resolve the caller (401,
// 403, 404 on the wrong host), checks the path parameters (an invalid id is a 404 before any
// query runs), reads the query and the body as declared (415, 413, 400, 422), runs the
// handler, and maps anything thrown (AppError, zod, database errors) to problem+json with the
// request id, logging unexpected errors once.

export type DoorName = 'workspace' | 'api' | 'reseller' | 'partner' | 'operator' | 'platform';

export const ROUTE_META = Symbol.for('waypoint.route');

/** What a route declared, kept on its handler for the route table test and the docs. */
export interface RouteMeta {
  door: DoorName;
  /** How the caller is authenticated (e.g. 'member', 'session', 'api-key', 'none'). */
  auth: string;
  permission?: string;
  scope?: string;
  /** Where it is served: a workspace's host, the root domain, or any host. */
  host: 'tenant' | 'root' | 'any';
  sameOrigin: boolean;
  params: string[];
  body: 'json' | 'optional-json' | 'schema' | 'bytes' | 'form' | 'raw' | 'none';
  /** The validators of the path parameters, by name. */
  paramShape: ParamsShape;
}

export type NextRouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((req: NextRequest, ctx: NextRouteContext) => Promise<Response>) & { [ROUTE_META]: RouteMeta };

export interface RouteSpec<P extends ParamsShape | undefined = undefined, B extends BodySpec = undefined, Q extends z.ZodType | undefined = undefined> {
  params?: P;
  body?: B;
  query?: Q;
  /** Largest JSON body accepted (default 64 KB). */
  maxBodyBytes?: number;
  /** Check that writes come from this origin; the door decides the default. */
  sameOrigin?: boolean;
  /** The handler reads the body itself (protocol endpoints that verify raw bytes). */
  rawBody?: boolean;
}

/** What every handler gets, whatever the door. */
export interface RequestContext<P extends ParamsShape | undefined, B extends BodySpec, Q extends z.ZodType | undefined> {
  req: NextRequest;
  params: ParsedParams<P>;
  body: ParsedBody<B>;
  query: Q extends z.ZodType ? z.output<Q> : undefined;
  /** The client's IP as the server determined it (null outside Waypoint's server). */
  ip: string | null;
  requestId: string;
  log: Logger;
}

export interface Call {
  req: NextRequest;
  facts: TrustedFacts;
  requestId: string;
  log: Logger;
}

/**
 * How one door admits callers: `enter` resolves the caller or throws (401, 403, 404 on the wrong
 * host); a door that must act around the whole exchange (the public API rate-limits, adds
 * headers and logs every call) implements `around` instead and calls `next` with the caller.
 */
export interface Door<D, Extra extends object> {
  name: DoorName;
  /** Whether writes are checked for the same origin unless a spec says otherwise (cookie doors). */
  sameOrigin: boolean;
  meta(options: D): Pick<RouteMeta, 'auth' | 'host'> & Partial<Pick<RouteMeta, 'permission' | 'scope'>>;
  enter?(call: Call, options: D): Promise<Extra>;
  around?(call: Call, options: D, next: (extra: Extra) => Promise<Response>): Promise<Response>;
  /** Maps an error to the door's own answer; undefined: problem+json. */
  fail?(error: unknown, call: Call, options: D): Response | undefined;
  /**
   * The door serves the app's own pages, whose fetches send the page's language as
   * Accept-Language (lib/http/api-client.ts): its problem+json sentences are translated into it.
   */
  speaksPageLanguage?: boolean;
}

function newRequestId(): string {
  return `req_${randomBytes(12).toString('base64url')}`;
}

/** "/api/app/goals/[goalId]/archive" from the path and its parameters, for logs. */
function routePattern(pathname: string, params: Record<string, string | string[]> | undefined): string {
  if (!params) return pathname;
  let pattern = pathname;
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      const joined = value.map(encodeURIComponent).join('/');
      if (joined) pattern = pattern.replace(`/${joined}`, `/[...${name}]`);
    } else if (value) pattern = pattern.replace(`/${encodeURIComponent(value)}`, `/[${name}]`);
  }
  return pattern;
}

function bodyKind(spec: RouteSpec<ParamsShape | undefined, BodySpec, z.ZodType | undefined>): RouteMeta['body'] {
  if (spec.rawBody) return 'raw';
  const body = spec.body;
  if (body === undefined) return 'none';
  if (body === 'json' || body === 'optional-json' || body === 'form') return body;
  return typeof body === 'object' && 'bytes' in body ? 'bytes' : 'schema';
}

/** Anything but GET/HEAD/OPTIONS read from a response body must not be cached by a shared cache unless the route says so. */
function withDefaultCaching(response: Response): Response {
  if (response.headers.has('cache-control')) return response;
  try {
    response.headers.set('cache-control', 'private, no-store');
    return response;
  } catch {
    // Immutable headers (a Response.redirect): copy it.
    const headers = new Headers(response.headers);
    headers.set('cache-control', 'private, no-store');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

export function defineRoute<D, Extra extends object, P extends ParamsShape | undefined, B extends BodySpec, Q extends z.ZodType | undefined>(
  door: Door<D, Extra>,
  options: D,
  spec: RouteSpec<P, B, Q>,
  handler: (ctx: RequestContext<P, B, Q> & Extra) => Promise<Response>,
): RouteHandler {
  const sameOrigin = spec.sameOrigin ?? door.sameOrigin;
  const route = async (req: NextRequest, nextContext: NextRouteContext): Promise<Response> => {
    const facts = readTrusted(req.headers);
    const requestId = facts.requestId ?? newRequestId();
    const rawParams = await nextContext?.params;
    const pattern = routePattern(req.nextUrl.pathname, rawParams);
    noteRequest(requestId, { route: pattern });
    const log = requestLogger({ requestId, tenantId: facts.tenantId, route: pattern });
    const call: Call = { req, facts, requestId, log };
    const fail = async (error: unknown) => {
      const own = door.fail?.(error, call, options);
      if (own) return own;
      const language = door.speaksPageLanguage ? languageFromAcceptLanguage(req.headers.get('accept-language')) : null;
      // An unreadable catalog leaves the answer in English rather than turn it into a 500.
      // The workspace's own words too ("No such objective." is "No such goal." renamed).
      const words = language && call.facts.tenantId ? await getTenantById(call.facts.tenantId).then((tenant) => tenant?.branding ?? null, () => null) : null;
      const translate = language ? await serverTextTranslator(language, words).catch(() => undefined) : undefined;
      return problemResponse(error, { instance: req.nextUrl.pathname, requestId, translate });
    };
    const inner = async (extra: Extra): Promise<Response> => {
      const params = parseParams(spec.params as P, rawParams);
      const query = (spec.query ? parseQuery(spec.query, req) : undefined) as RequestContext<P, B, Q>['query'];
      const body = spec.rawBody ? (undefined as ParsedBody<B>) : await readRouteBody(req, spec.body as B, spec.maxBodyBytes);
      return withDefaultCaching(await handler({ req, params, query, body, ip: facts.clientIp, requestId, log, ...extra }));
    };
    try {
      if (sameOrigin && UNSAFE_METHODS.has(req.method)) assertSameOrigin(req);
      if (door.around) return await door.around(call, options, inner);
      return await inner(door.enter ? await door.enter(call, options) : ({} as Extra));
    } catch (error) {
      return await fail(error);
    }
  };
  const meta: RouteMeta = {
    door: door.name,
    ...door.meta(options),
    sameOrigin,
    params: Object.keys(spec.params ?? {}),
    paramShape: spec.params ?? {},
    body: bodyKind(spec as RouteSpec<ParamsShape | undefined, BodySpec, z.ZodType | undefined>),
  };
  return Object.assign(route, { [ROUTE_META]: meta });
}

export function routeMeta(handler: unknown): RouteMeta | undefined {
  return typeof handler === 'function' ? (handler as Partial<RouteHandler>)[ROUTE_META] : undefined;
}
