// Resolves the request's host to a tenant (or the platform) and routes it; no business logic.
//   <root>                → platform pages (app/(platform))
//   <slug>.<root>, custom → branded pages, rewritten to /t/<slug>/… (app/(tenant))
//   /api/* on a tenant    → the same route, with the tenant id in a sealed header
//   OAuth endpoints       → /oauth/token|revoke|introspect|userinfo|jwks and /.well-known/oauth-authorization-server|openid-configuration
//                           on a tenant are API routes under /api/oauth/ (tenant header too);
//                           /oauth/authorize is a branded page like any other
// It runs on every path but Next's build assets and the files of public/ (see `config`), and
// always rewrites the trusted headers: whatever a client sent as x-waypoint-* is dropped, and
// what reaches a handler is sealed by this process (lib/http/trusted-headers.ts).
import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { config as appConfig } from '@/lib/config/env';
import { problemResponse, AppError } from '@/lib/http/problem';
import { pageContentSecurityPolicy } from '@/lib/http/security-headers';
import { readTrusted, sealTrusted, type TrustedFacts } from '@/lib/http/trusted-headers';
import { logger } from '@/lib/observability/logger';
import { noteRequest } from '@/lib/server/request-meta';
import { parseHost } from '@/lib/tenancy/parse-host';
import { servedWhileSuspended } from '@/lib/tenancy/suspended-access';
import { resolveTenant } from '@/lib/tenancy/tenant-cache';
import { isServable } from '@/lib/tenancy/tenant-context';
import { wasErased } from '@/lib/platform/tenant-erasure';

/** The authorization server's endpoints at their RFC paths, served by route handlers. */
const OAUTH_ROUTES: Record<string, string> = {
  '/oauth/token': '/api/oauth/token',
  '/oauth/revoke': '/api/oauth/revoke',
  '/oauth/introspect': '/api/oauth/introspect',
  '/oauth/userinfo': '/api/oauth/userinfo',
  '/oauth/jwks': '/api/oauth/jwks',
  '/.well-known/oauth-authorization-server': '/api/oauth/metadata',
  '/.well-known/openid-configuration': '/api/oauth/openid-configuration',
};

/**
 * Answer on any host: load balancers probe by IP; Stripe's webhooks are verified by signature;
 * Google's and Microsoft Graph's calendar pushes (by channel token / clientState) come to INTEGRATIONS_PUSH_URL, which may be a host of its own.
 */
const HOSTLESS = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/api/webhooks/stripe', '/api/integrations/google-calendar/push', '/api/integrations/outlook-calendar/push']);

let warnedUnsealed = false;

/** The server's facts about this request; outside Waypoint's server (plain `next start`) nothing is known about the client. */
function serverFacts(req: NextRequest): TrustedFacts {
  const facts = readTrusted(req.headers);
  if (facts.requestId) return { ...facts, tenantId: null };
  if (!warnedUnsealed) {
    warnedUnsealed = true;
    logger().error("proxy: requests are not coming through Waypoint's server (lib/cli/serve.ts): client IPs are unknown, so IP allowlists refuse every call. Start the app with npm start.");
  }
  return { clientIp: null, requestId: `req_${randomBytes(12).toString('base64url')}`, tenantId: null };
}

export async function proxy(req: NextRequest): Promise<Response> {
  const facts = serverFacts(req);
  const headers = new Headers(req.headers);
  const { pathname } = req.nextUrl;
  const oauthRoute = Object.hasOwn(OAUTH_ROUTES, pathname) ? OAUTH_ROUTES[pathname] : undefined;
  const isApi = pathname === '/api' || pathname.startsWith('/api/') || oauthRoute !== undefined;

  const forward = (tenantId: string | null, rewriteTo?: string): NextResponse => {
    sealTrusted(headers, { ...facts, tenantId });
    let response: NextResponse;
    if (isApi) {
      response = rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, req.url), { request: { headers } }) : NextResponse.next({ request: { headers } });
    } else {
      // Pages: a nonce per response, which Next reads from the request's CSP and puts on its scripts.
      const csp = pageContentSecurityPolicy(randomBytes(16).toString('base64'), { dev: process.env.NODE_ENV === 'development' });
      headers.set('content-security-policy', csp);
      response = rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, req.url), { request: { headers } }) : NextResponse.next({ request: { headers } });
      response.headers.set('content-security-policy', csp);
    }
    return response;
  };

  if (HOSTLESS.has(pathname)) return forward(null);
  const host = req.headers.get('host');
  // next-auth builds its URLs from this header; pin it to the host we resolved.
  if (host) headers.set('x-forwarded-host', host);

  const target = parseHost(host, appConfig.rootDomain);
  if (target.kind === 'platform') {
    // Tenant pages are only reachable through a tenant's own host.
    if (pathname === '/t' || pathname.startsWith('/t/')) return forward(null, withQuery(req, '/workspace-not-found'));
    return forward(null);
  }

  const tenant = target.kind === 'invalid' ? null : await resolveTenant(target);
  if (!tenant) {
    if (target.kind === 'subdomain' && (await wasErased(target.slug))) {
      if (isApi) return problemResponse(new AppError(410, 'workspace_deleted', `The workspace at ${host} was deleted.`));
      return forward(null, withQuery(req, '/workspace-deleted'));
    }
    if (isApi) return problemResponse(new AppError(404, 'workspace_not_found', `No workspace is served at ${host ?? 'this host'}.`));
    return forward(null, withQuery(req, '/workspace-not-found'));
  }
  noteRequest(facts.requestId, { tenantId: tenant.id });
  // A suspended workspace still serves sign-in and the billing page, where its owners pay.
  if (!isServable(tenant.status) && !(tenant.status === 'suspended' && servedWhileSuspended(pathname))) {
    if (isApi) return problemResponse(new AppError(403, 'workspace_suspended', `The ${tenant.name} workspace is ${tenant.status}.`));
    return forward(tenant.id, withQuery(req, '/workspace-suspended'));
  }
  if (oauthRoute) return forward(tenant.id, withQuery(req, oauthRoute));
  if (isApi) return forward(tenant.id);
  return forward(tenant.id, withQuery(req, `/t/${tenant.slug}${pathname === '/' ? '' : pathname}`));
}

/** The same request's query string on another path. */
function withQuery(req: NextRequest, pathname: string): string {
  return `${pathname}${req.nextUrl.search}`;
}

// Everything but Next's build assets and the files in public/ (named here; a test checks the
// list against the folder). Paths with extensions go through the proxy like any other: a
// route or page named x.json still gets its tenant from here.
export const config = {
  matcher: ['/((?!_next/static/|_next/image|brand/|waypoint-icon\\.svg$).*)'],
};
