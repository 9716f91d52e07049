import type { NextRequest } from 'next/server';
import { clientIp } from '../auth/client-ip.ts';
import { ipAllowed } from '../api-keys/ip-allowlist.ts';
import type { Scope } from '../api-keys/scopes.ts';
import { verifyApiKey, type ApiPrincipal } from '../api-keys/verify-api-key.ts';
import { admitApiRequest } from '../billing/api-quota.ts';
import { requireFeature } from '../billing/entitlements.ts';
import { AppError, problemResponse } from '../http/problem.ts';
import type { RouteContext } from '../http/wrappers.ts';
import { looksLikeOAuthAccessToken, verifyOAuthAccessToken } from '../oauth/verify-access-token.ts';
import { getTenantById } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { readTrusted } from '../http/trusted-headers.ts';
import { getApiRateLimiter, rateLimitHeaders } from '../ratelimit/index.ts';
import { logger } from '../observability/logger.ts';
import { logApiRequest } from './request-log.ts';

export type ApiContext<C = RouteContext> = C & { principal: ApiPrincipal; tenant: TenantContext };
type ApiHandler<C> = (req: NextRequest, ctx: ApiContext<C>) => Promise<Response>;

function bearer(req: NextRequest): string {
  const header = req.headers.get('authorization');
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

/**
 * The public API's door, for one route (named by its pattern, e.g. "/api/v1/goals/{id}"):
 * authenticates the API key or OAuth access token (the tenant comes from it, never from the
 * caller), refuses it on another workspace's host, outside its IP allowlist or scopes, applies its rate limits,
 * the workspace's plan (API keys need a plan with API access; a plan that stops at its monthly
 * quota answers 429 quota_exceeded beyond it), maps errors to problem+json, adds RateLimit
 * headers, and logs the request after answering (billed only if it reached the handler).
 */
export function withApiAuth<C = RouteContext>(route: string, scope: Scope, handler: ApiHandler<C>) {
  return async (req: NextRequest, ctx: C): Promise<Response> => {
    const started = performance.now();
    let principal: ApiPrincipal | null = null;
    let headers: Record<string, string> = {};
    let response: Response;
    let billable = false;
    try {
      principal = await verifyCredential(bearer(req));
      const hostTenant = readTrusted(req.headers).tenantId;
      if (hostTenant && hostTenant !== principal.tenantId) {
        throw new AppError(401, 'wrong_workspace', `This ${credentialName(principal)} belongs to another workspace. Call the API on its own workspace address.`);
      }
      if (!ipAllowed(principal.allowlist, clientIp(req.headers))) throw new AppError(403, 'ip_not_allowed', 'This API key may not be used from your IP address.');
      const limit = await getApiRateLimiter()
        .limit(principal.keyId, principal.tier)
        .catch((error: unknown) => {
          // Fail closed but clearly: without the limiter we cannot honour the key's limits.
          logger().error({ err: error, tenantId: principal?.tenantId }, 'api: rate limiter unavailable');
          throw Object.assign(new AppError(503, 'rate_limiter_unavailable', 'The API is briefly unavailable. Retry in a few seconds.'), { retryAfterSeconds: 5 });
        });
      headers = rateLimitHeaders(limit);
      if (!limit.success) {
        throw Object.assign(new AppError(429, 'rate_limited', `Rate limit exceeded (${limit.policy} limit of ${limit.limit} for the ${principal.tier} tier). Retry after ${limit.retryAfter} s.`), { retryAfterSeconds: limit.retryAfter });
      }
      if (!principal.scopes.has(scope)) throw new AppError(403, 'insufficient_scope', `This ${credentialName(principal)} lacks the "${scope}" scope.`);
      const tenant = await getTenantById(principal.tenantId);
      if (!tenant) throw new AppError(401, 'invalid_api_key', 'The API key is not valid.');
      // API keys are the workspace's own API access (a plan feature); OAuth apps its members
      // connected work on every plan, within the plan's request quota.
      if (principal.kind === 'api_key') await requireFeature(tenant, 'api');
      await admitApiRequest(tenant);
      billable = true;
      response = await handler(req, { ...ctx, principal, tenant });
    } catch (error) {
      response = problemResponse(error, new URL(req.url).pathname);
      if (error instanceof AppError && error.status === 401) response.headers.set('www-authenticate', `Bearer realm="waypoint", error="invalid_token"`);
      if (error instanceof AppError && error.code === 'insufficient_scope') response.headers.set('www-authenticate', `Bearer realm="waypoint", error="insufficient_scope", scope="${scope}"`);
    }
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    if (principal) {
      logApiRequest({
        tenantId: principal.tenantId,
        apiKeyId: principal.kind === 'api_key' ? principal.keyId : null,
        oauthGrantId: principal.kind === 'oauth' ? principal.keyId : null,
        method: req.method,
        route,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        bytes: Number(response.headers.get('content-length') ?? 0),
        createdAt: new Date(),
        billable,
      });
    }
    return response;
  };
}
