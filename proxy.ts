// Resolves the request's host to a tenant (or the platform) and routes it; no business logic.
//   <root>                → platform pages (app/(platform))
//   <slug>.<root>, custom → branded pages, rewritten to /t/<slug>/… (app/(tenant))
//   /api/* on a tenant    → the same route, with the tenant id in a trusted header
//   OAuth endpoints       → /oauth/token|revoke|introspect and /.well-known/oauth-authorization-server
//                           on a tenant are API routes under /api/oauth/ (tenant header too);
//                           /oauth/authorize is a branded page like any other
import { NextResponse, type NextRequest } from 'next/server';
import { config as appConfig } from '@/lib/config/env';
import { problemResponse, AppError } from '@/lib/http/problem';
import { TENANT_ID_HEADER } from '@/lib/tenancy/headers';
import { parseHost } from '@/lib/tenancy/parse-host';
import { servedWhileSuspended } from '@/lib/tenancy/suspended-access';
import { resolveTenant } from '@/lib/tenancy/tenant-cache';
import { isServable } from '@/lib/tenancy/tenant-context';

/** The authorization server's endpoints at their RFC paths, served by route handlers. */
const OAUTH_ROUTES: Record<string, string> = {
  '/oauth/token': '/api/oauth/token',
  '/oauth/revoke': '/api/oauth/revoke',
  '/oauth/introspect': '/api/oauth/introspect',
  '/.well-known/oauth-authorization-server': '/api/oauth/metadata',
};

function rewrite(req: NextRequest, pathname: string, headers: Headers): NextResponse {
  const url = req.nextUrl.clone();
  url.pathname = pathname;
  return NextResponse.rewrite(url, { request: { headers } });
}

export async function proxy(req: NextRequest): Promise<Response> {
  const headers = new Headers(req.headers);
  headers.delete(TENANT_ID_HEADER);
  const { pathname } = req.nextUrl;
  // Load balancers probe by IP or an internal name: health answers on any host. Stripe's
  // webhooks are verified by signature, not by host, and must arrive whatever the workspace's state.
  if (pathname === '/api/health' || pathname === '/api/webhooks/stripe') return NextResponse.next({ request: { headers } });
  const oauthRoute = Object.hasOwn(OAUTH_ROUTES, pathname) ? OAUTH_ROUTES[pathname] : undefined;
  const isApi = pathname === '/api' || pathname.startsWith('/api/') || oauthRoute !== undefined;
  const host = req.headers.get('host');
  // next-auth builds its URLs from this header; pin it to the host we resolved.
  if (host) headers.set('x-forwarded-host', host);

  const target = parseHost(host, appConfig.rootDomain);
  if (target.kind === 'platform') {
    // Tenant pages are only reachable through a tenant's own host.
    if (pathname === '/t' || pathname.startsWith('/t/')) return rewrite(req, '/workspace-not-found', headers);
    return NextResponse.next({ request: { headers } });
  }

  const tenant = target.kind === 'invalid' ? null : await resolveTenant(target);
  if (!tenant) {
    if (isApi) return problemResponse(new AppError(404, 'workspace_not_found', `No workspace is served at ${host ?? 'this host'}.`));
    return rewrite(req, '/workspace-not-found', headers);
  }
  headers.set(TENANT_ID_HEADER, tenant.id);
  // A suspended workspace still serves sign-in and the billing page, where its owners pay.
  if (!isServable(tenant.status) && !(tenant.status === 'suspended' && servedWhileSuspended(pathname))) {
    if (isApi) return problemResponse(new AppError(403, 'workspace_suspended', `The ${tenant.name} workspace is ${tenant.status}.`));
    return rewrite(req, '/workspace-suspended', headers);
  }
  if (oauthRoute) return rewrite(req, oauthRoute, headers);
  if (isApi) return NextResponse.next({ request: { headers } });
  return rewrite(req, `/t/${tenant.slug}${pathname === '/' ? '' : pathname}`, headers);
}

export const config = {
  // Everything but build assets and files from public/ (anything with an extension).
  matcher: ['/((?!_next/static|_next/image|.*\\.[A-Za-z0-9]{2,5}$).*)'],
};
