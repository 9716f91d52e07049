import type { NextRequest } from 'next/server';
import { getTenantById } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { AppError, problemResponse } from './problem.ts';
import { readTrusted } from './trusted-headers.ts';

// Small wrappers composed around route handlers: withErrors(withTenant(handler)).

export type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type Handler<C = RouteContext> = (req: NextRequest, ctx: C) => Promise<Response>;

/** Maps anything thrown to application/problem+json: AppError as is, the rest as a bare 500. */
export function withErrors<C = RouteContext>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      return problemResponse(error, new URL(req.url).pathname);
    }
  };
}

/** The tenant proxy.ts resolved for this request, or null on the root domain. */
export async function requestTenant(req: Request): Promise<TenantContext | null> {
  const id = readTrusted(req.headers).tenantId;
  return id ? getTenantById(id) : null;
}

/** Only on a tenant's host; hands the handler the tenant proxy.ts resolved. */
export function withTenant<C = RouteContext>(handler: Handler<C & { tenant: TenantContext }>): Handler<C> {
  return async (req, ctx) => {
    const tenant = await requestTenant(req);
    if (!tenant) throw new AppError(404, 'workspace_required', "This endpoint is served on a workspace's own address, e.g. https://acme.example.com.");
    return handler(req, { ...ctx, tenant });
  };
}

/** Only on the platform's root domain. */
export function withPlatform<C = RouteContext>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    if (readTrusted(req.headers).tenantId) throw new AppError(404, 'not_found', 'This endpoint is served on the platform domain only.');
    return handler(req, ctx);
  };
}
