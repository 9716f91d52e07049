import { planOf } from '../billing/entitlements.ts';
import { db } from '../db/client.ts';
import { safeAssetUrl, safeColor } from '../branding/safe-values.ts';
import { sanitizeCss } from '../branding/sanitize-css.ts';
import { resolveLocalizedTerminology, resolveTerminology } from '../branding/terminology.ts';
import type { PlanOverride } from '../billing/overrides.ts';
import type { HostTarget } from './parse-host.ts';
import type { TenantBranding, TenantContext } from './tenant-context.ts';

const DEFAULT_BRANDING = { primaryColor: '#4f46e5', secondaryColor: '#0f172a', accentColor: '#f59e0b' };

const select = {
  id: true,
  slug: true,
  name: true,
  status: true,
  timeZone: true,
  locale: true,
  defaultRole: true,
  requireTwoFactor: true,
  plan: true,
  trialEndsAt: true,
  overrides: { select: { key: true, value: true, expiresAt: true } },
  branding: true,
} as const;

type Row = { id: string; slug: string; name: string; status: TenantContext['status']; timeZone: string; locale: string; defaultRole: TenantContext['defaultRole']; requireTwoFactor: boolean; plan: string; trialEndsAt: Date | null; overrides: PlanOverride[]; branding: Record<string, unknown> | null };

/**
 * The tenant as the app serves it. Branding its plan does not include is served as the
 * defaults (the stored values stay, and come back with an upgrade).
 */
async function toContext(row: Row): Promise<TenantContext> {
  const { features } = await planOf(row);
  const branded = features.includes('custom_branding');
  const b = (branded ? (row.branding ?? {}) : { hidePoweredBy: row.branding?.hidePoweredBy, supportEmail: row.branding?.supportEmail, termsUrl: row.branding?.termsUrl, privacyUrl: row.branding?.privacyUrl }) as Partial<Record<keyof TenantBranding, unknown>>;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    timeZone: row.timeZone,
    locale: row.locale,
    defaultRole: row.defaultRole,
    requireTwoFactor: row.requireTwoFactor,
    plan: row.plan,
    trialEndsAt: row.trialEndsAt,
    overrides: row.overrides,
    branding: {
      primaryColor: safeColor(b.primaryColor as string, DEFAULT_BRANDING.primaryColor),
      secondaryColor: safeColor(b.secondaryColor as string, DEFAULT_BRANDING.secondaryColor),
      accentColor: safeColor(b.accentColor as string, DEFAULT_BRANDING.accentColor),
      logoUrl: safeAssetUrl(b.logoUrl as string | null),
      faviconUrl: safeAssetUrl(b.faviconUrl as string | null),
      customCss: sanitizeCss(b.customCss as string | null),
      hidePoweredBy: b.hidePoweredBy === true && features.includes('hide_powered_by'),
      terminology: resolveTerminology(b.terminology),
      localizedTerminology: resolveLocalizedTerminology(b.localizedTerminology),
      emailFromName: (b.emailFromName as string | null) ?? null,
      supportEmail: (b.supportEmail as string | null) ?? null,
      termsUrl: safeAssetUrl(b.termsUrl as string | null),
      privacyUrl: safeAssetUrl(b.privacyUrl as string | null),
    },
  };
}

/** Reads the tenant a host points at from the database; null when nobody owns it. */
export async function loadTenantForHost(target: HostTarget): Promise<TenantContext | null> {
  if (target.kind === 'subdomain') {
    const row = await db.tenant.findUnique({ where: { slug: target.slug }, select });
    return row ? toContext(row as Row) : null;
  }
  if (target.kind === 'custom') {
    const domain = await db.domain.findUnique({ where: { hostname: target.hostname }, select: { verifiedAt: true, tenant: { select } } });
    if (!domain?.verifiedAt) return null;
    // Custom domains are served while the plan includes them (the subdomain always is).
    const tenant = await toContext(domain.tenant as Row);
    return (await planOf(tenant)).features.includes('custom_domain') ? tenant : null;
  }
  return null;
}

export async function loadTenantById(id: string): Promise<TenantContext | null> {
  const row = await db.tenant.findUnique({ where: { id }, select });
  return row ? toContext(row as Row) : null;
}
