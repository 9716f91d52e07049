import type { z } from 'zod';
import { ipAllowed } from '../../api-keys/ip-allowlist.ts';
import { verifyApiKey, type ApiPrincipal } from '../../api-keys/verify-api-key.ts';
import { logApiRequest } from '../../api/request-log.ts';
import type { ApiOperation } from '../../api/v1/operations.ts';
import { readBody, readOptionalBody } from '../../api/v1/request-body.ts';
import { admitApiRequest } from '../../billing/api-quota.ts';
import { requireFeature } from '../../billing/entitlements.ts';
import { looksLikeOAuthAccessToken, verifyOAuthAccessToken } from '../../oauth/verify-access-token.ts';
import { getApiRateLimiter, rateLimitHeaders } from '../../ratelimit/index.ts';
import { getTenantById } from '../../tenancy/tenant-cache.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { AppError, problemResponse } from '../problem.ts';
import { parseBody } from '../validate.ts';
import { defineRoute, type Call, type Door, type RequestContext, type RouteHandler } from './define-route.ts';
import { id, type ParamsShape } from './params.ts';

// The public API's door (/api/v1), one operation of lib/api/v1/operations.ts per route: it
// authenticates the API key or OAuth access token (the tenant comes from it, never from the
// caller), refuses it on another workspace's host, outside its IP allowlist or scopes, applies
// its rate limits and the workspace's plan (API keys need a plan with API access; a plan that
// stops at its monthly quota answers 429 quota_exceeded beyond it), checks the path's {id}
// and the operation's query and body schemas, adds RateLimit headers, and logs the request
// after answering (billed only if it reached the handler). Bearer credentials, so no
// same-origin check: browsers never send them on their own.

function bearer(call: Call): string {
  const header = call.req.headers.get('authorization');
  if (!header) throw new AppError(401, 'unauthorized', 'Send your API key (or OAuth access token) as "Authorization: Bearer wp_live_…".');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError(401, 'unauthorized', 'Use the Bearer scheme: "Authorization: Bearer wp_live_…".');
  return match[1];
}

/** API keys and OAuth access tokens, told apart by their prefix. */
function verifyCredential(secret: string): Promise<ApiPrincipal> {
  return looksLikeOAuthAccessToken(secret) ? verifyOAuthAccessToken(secret) : verifyApiKey(secret);
}

const credentialName = (principal: ApiPrincipal) => (principal.kind === 'oauth' ? 'access token' : 'API key');

interface ApiExtra {
  tenant: TenantContext;
  principal: ApiPrincipal;
}

const apiDoor: Door<ApiOperation, ApiExtra> = {
  name: 'api',
  sameOrigin: false,
  meta: (operation) => ({ host: 'any', auth: 'api-key', scope: operation.scope }),
  async around(call, operation, next) {
    const started = performance.now();
    let principal: ApiPrincipal | null = null;
    let headers: Record<string, string> = {};
    let response: Response;
    let billable = false;
    try {
      principal = await verifyCredential(bearer(call));
      if (call.facts.tenantId && call.facts.tenantId !== principal.tenantId) {
        throw new AppError(401, 'wrong_workspace', `This ${credentialName(principal)} belongs to another workspace. Call the API on its own workspace address.`);
      }
      if (!ipAllowed(principal.allowlist, call.facts.clientIp)) throw new AppError(403, 'ip_not_allowed', 'This API key may not be used from your IP address.');
      const limit = await getApiRateLimiter()
        .limit(principal.keyId, principal.tier)
        .catch((error: unknown) => {
          // Fail closed but clearly: without the limiter we cannot honour the key's limits.
          call.log.error({ err: error }, 'rate limiter unavailable');
          throw Object.assign(new AppError(503, 'rate_limiter_unavailable', 'The API is briefly unavailable. Retry in a few seconds.'), { retryAfterSeconds: 5 });
        });
      headers = rateLimitHeaders(limit);
      if (!limit.success) {
        throw Object.assign(new AppError(429, 'rate_limited', `Rate limit exceeded (${limit.policy} limit of ${limit.limit} for the ${principal.tier} tier). Retry after ${limit.retryAfter} s.`), { retryAfterSeconds: limit.retryAfter });
      }
      if (!principal.scopes.has(operation.scope)) throw new AppError(403, 'insufficient_scope', `This ${credentialName(principal)} lacks the "${operation.scope}" scope.`);
      const tenant = await getTenantById(principal.tenantId);
      if (!tenant) throw new AppError(401, 'invalid_api_key', 'The API key is not valid.');
      // API keys are the workspace's own API access (a plan feature); OAuth apps its members
      // connected work on every plan, within the plan's request quota.
      if (principal.kind === 'api_key') await requireFeature(tenant, 'api');
      await admitApiRequest(tenant);
      billable = true;
      response = await next({ tenant, principal });
    } catch (error) {
      response = problemResponse(error, { instance: call.req.nextUrl.pathname, requestId: call.requestId });
      if (error instanceof AppError && error.status === 401) response.headers.set('www-authenticate', `Bearer realm="waypoint", error="invalid_token"`);
      if (error instanceof AppError && error.code === 'insufficient_scope') response.headers.set('www-authenticate', `Bearer realm="waypoint", error="insufficient_scope", scope="${operation.scope}"`);
    }
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    if (principal) {
      logApiRequest({
        tenantId: principal.tenantId,
        apiKeyId: principal.kind === 'api_key' ? principal.keyId : null,
        oauthGrantId: principal.kind === 'oauth' ? principal.keyId : null,
        marketplaceAppId: principal.marketplaceAppId ?? null,
        installationId: principal.installationId ?? null,
        method: call.req.method,
        route: operation.path,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        bytes: Number(response.headers.get('content-length') ?? 0),
        createdAt: new Date(),
        billable,
      });
    }
    return response;
  },
};

type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParams<Rest> : never;
type OperationBody<O extends ApiOperation> = O extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;
type OperationQuery<O extends ApiOperation> = O extends { query: infer S extends z.ZodType } ? z.output<S> : undefined;

export type ApiContext<O extends ApiOperation> = Omit<RequestContext<undefined, undefined, undefined>, 'params' | 'body' | 'query'> &
  ApiExtra & {
    params: Record<PathParams<O['path']>, string>;
    query: OperationQuery<O>;
    body: OperationBody<O>;
    /** The body's bytes as sent (an Idempotency-Key is bound to their hash); empty without a body. */
    rawBody: Buffer;
  };

export function apiRoute<const O extends ApiOperation>(operation: O, handler: (ctx: ApiContext<O>) => Promise<Response>): RouteHandler {
  const params: ParamsShape = Object.fromEntries([...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, id]));
  return defineRoute(apiDoor, operation, { params, query: operation.query, rawBody: true }, async (ctx) => {
    let rawBody: Buffer = Buffer.alloc(0);
    let body: unknown;
    if (operation.body) {
      const read = operation.bodyOptional ? await readOptionalBody(ctx.req) : await readBody(ctx.req);
      rawBody = read.raw;
      body = parseBody(operation.body, read.json);
    }
    return handler({ ...ctx, rawBody, body } as unknown as ApiContext<O>);
  });
}
