import { cache } from 'react';
import { can } from '../billing/entitlements.ts';
import { safeAssetUrl } from '../branding/safe-values.ts';
import { db } from '../db/client.ts';
import { whiteLabelSchema } from './reseller-schema.ts';

// A reseller's white label on its client workspaces: where the client's plan includes
// white_label (lib/billing/entitlements.ts) and the reseller is approved, the workspace
// credits the reseller ("Provided by <name>", its logo and site) instead of "Powered by
// Waypoint". Elsewhere nothing changes.

export interface WhiteLabel {
  name: string;
  logoUrl: string | null;
  websiteUrl: string | null;
}

/** The white label to show on this workspace, or null. Memoized per request. */
export const whiteLabelFor = cache(async (tenant: { id: string; plan: string }): Promise<WhiteLabel | null> => {
  if (!(await can(tenant, 'white_label'))) return null;
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { reseller: { select: { status: true, name: true, whiteLabel: true } } } });
  const reseller = row?.reseller;
  if (!reseller || reseller.status !== 'approved') return null;
  const parsed = whiteLabelSchema.safeParse(reseller.whiteLabel ?? {});
  const label = parsed.success ? parsed.data : { name: '', logoUrl: '', websiteUrl: '' };
  return {
    name: label.name || reseller.name,
    logoUrl: safeAssetUrl(label.logoUrl || null),
    websiteUrl: label.websiteUrl && /^https:\/\//i.test(label.websiteUrl) ? label.websiteUrl : null,
  };
});
