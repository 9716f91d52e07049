import { tenantOrigin } from '../config/env.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

/** One authenticated SCIM request's directory and workspace. */
export interface DirectoryContext {
  directory: { id: string; name: string; tenantId: string };
  tenant: TenantContext;
  /** The directory's SCIM base URL, e.g. https://acme.example.com/api/scim/v2.0/dir_… */
  baseUrl: string;
  /** The caller's address, for audit entries. */
  ip: string | null;
}

export const SCIM_BASE_PATH = '/api/scim/v2.0';

/** On the workspace's own host: proxy.ts passes /api/* through there with the tenant header. */
export function scimBaseUrl(tenantSlug: string, directoryId: string): string {
  return `${tenantOrigin(tenantSlug)}${SCIM_BASE_PATH}/${directoryId}`;
}
