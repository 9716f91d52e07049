import { tenantOrigin } from '../config/env.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

/**
 * The authorization server of a workspace is identified by the workspace's own address
 * (<slug>.<root domain>): metadata, the `iss` of authorization responses and introspection use
 * it. The endpoints answer on the workspace's custom domains too, but discovery should start
 * from this issuer.
 */
export function issuerFor(tenant: Pick<TenantContext, 'slug'>): string {
  return tenantOrigin(tenant.slug);
}
