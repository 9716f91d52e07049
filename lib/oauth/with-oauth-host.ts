import type { NextRequest } from 'next/server';
import { requestTenant } from '../http/wrappers.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { InvalidRequestError, oauthErrorResponse } from './oauth-errors.ts';

/**
 * For the /oauth/* endpoints (RFC JSON errors, not problem+json): only on a workspace's host,
 * which is the authorization server (proxy.ts rewrites /oauth/token etc. to /api/oauth/…).
 * Anything thrown becomes an RFC error answer.
 */
export function withOAuthHost(handler: (req: NextRequest, tenant: TenantContext) => Promise<Response>) {
  return async (req: NextRequest): Promise<Response> => {
    try {
      const tenant = await requestTenant(req);
      if (!tenant) throw new InvalidRequestError("Invalid request: the authorization server is a workspace's own address, e.g. https://acme.example.com/oauth/token", { code: 404 });
      return await handler(req, tenant);
    } catch (error) {
      return oauthErrorResponse(error);
    }
  };
}
