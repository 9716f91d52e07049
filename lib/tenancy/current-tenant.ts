import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { readTrusted } from '../http/trusted-headers.ts';
import { getTenantById } from './tenant-cache.ts';
import type { TenantContext } from './tenant-context.ts';

/** The tenant proxy.ts resolved for this request, or null on the platform's root domain. */
export async function getCurrentTenant(): Promise<TenantContext | null> {
  const id = readTrusted(await headers()).tenantId;
  return id ? getTenantById(id) : null;
}

/**
 * For pages under app/(tenant)/t/[tenant]: the current tenant, which must be the one the
 * URL names (proxy.ts rewrites to its own slug, so a mismatch means a forged path).
 */
export async function requireTenant(slug: string): Promise<TenantContext> {
  const tenant = await getCurrentTenant();
  if (!tenant || tenant.slug !== slug) notFound();
  return tenant;
}
