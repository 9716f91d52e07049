import { term, type TermKey } from '../../branding/terminology.ts';
import { tenantOrigin } from '../../config/env.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import type { NotificationMessage } from './notification-message.ts';

// What every message shares: the workspace's brand and words, and links back into it.

export function brandOf(tenant: TenantContext): NotificationMessage['brand'] {
  return { name: tenant.branding.emailFromName || tenant.name, accentColor: tenant.branding.accentColor };
}

export function words(tenant: TenantContext) {
  return (key: TermKey, capital = false) => term(tenant.branding.terminology, key, capital);
}

export function linkTo(tenant: TenantContext, path: string): string {
  return `${tenantOrigin(tenant.slug)}${path}`;
}

/** How a person is named in a channel: their name, else their address's local part (never the whole address). */
export function displayName(user: { name: string | null; email: string } | null): string {
  if (!user) return 'Someone';
  return user.name?.trim() || user.email.split('@')[0];
}
