import { readableForeground } from '../branding/contrast.ts';
import { tenantOrigin } from '../config/env.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

/** What an email needs to look like the tenant's: all values safe to put in HTML attributes. */
export interface EmailBrand {
  name: string;
  /** Absolute URL or null: mail clients cannot resolve relative ones, and many block data: URIs. */
  logoUrl: string | null;
  primaryColor: string;
  primaryTextColor: string;
  hidePoweredBy: boolean;
}

const PLATFORM_COLOR = '#4f46e5';

function absoluteLogo(tenant: TenantContext): string | null {
  const logo = tenant.branding.logoUrl;
  if (!logo) return null;
  if (logo.startsWith('/') && !logo.startsWith('//')) return `${tenantOrigin(tenant.slug)}${logo}`;
  return /^https:\/\//i.test(logo) ? logo : null;
}

export function emailBrand(tenant: TenantContext | null): EmailBrand {
  if (!tenant) return { name: 'Waypoint', logoUrl: null, primaryColor: PLATFORM_COLOR, primaryTextColor: readableForeground(PLATFORM_COLOR), hidePoweredBy: true };
  // Colors were validated as hex when the tenant was loaded (lib/tenancy/load-tenant.ts).
  const primary = tenant.branding.primaryColor;
  return { name: tenant.name, logoUrl: absoluteLogo(tenant), primaryColor: primary, primaryTextColor: readableForeground(primary), hidePoweredBy: tenant.branding.hidePoweredBy };
}
