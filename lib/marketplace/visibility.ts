import { db, type Prisma } from '../db/client.ts';
import type { MarketplaceMode } from '../db/generated/enums.ts';

// Which marketplace apps a workspace sees and may install:
// - published apps, unless its admins hid the marketplace (white label) or limited it to an
//   allow-list (then only the listed ones);
// - if it is a partner's sandbox workspace, that partner's apps too, whatever their status (not
//   removed), so the partner can install and test them end to end before review.
// Deprecated apps keep working where installed but are neither discovered nor installed anew.

export interface MarketplaceSettings {
  tenantId: string;
  mode: MarketplaceMode;
  allowList: string[];
  /** Set when the workspace is this partner's sandbox. */
  sandboxOfPartnerId: string | null;
  membersMayConnectApps: boolean;
}

export async function marketplaceSettings(tenantId: string): Promise<MarketplaceSettings> {
  const row = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { marketplaceMode: true, marketplaceAllowList: true, sandboxOfPartnerId: true, membersMayConnectApps: true },
  });
  return { tenantId, mode: row.marketplaceMode, allowList: row.marketplaceAllowList, sandboxOfPartnerId: row.sandboxOfPartnerId, membersMayConnectApps: row.membersMayConnectApps };
}

/** The partner's own apps in its sandbox (any status but removed). */
function sandboxApps(settings: MarketplaceSettings): Prisma.MarketplaceAppWhereInput | null {
  return settings.sandboxOfPartnerId ? { partnerId: settings.sandboxOfPartnerId, status: { not: 'removed' } } : null;
}

/** The published apps the workspace's marketplace mode lets it see. */
function publishedApps(settings: MarketplaceSettings): Prisma.MarketplaceAppWhereInput | null {
  if (settings.mode === 'hidden') return null;
  return { status: 'published', liveVersionId: { not: null }, ...(settings.mode === 'allow_list' ? { id: { in: settings.allowList } } : {}) };
}

/** Apps the workspace discovers (search, categories, listings) and may install. */
export function visibleAppsWhere(settings: MarketplaceSettings): Prisma.MarketplaceAppWhereInput {
  const either = [publishedApps(settings), sandboxApps(settings)].filter((clause): clause is Prisma.MarketplaceAppWhereInput => clause !== null);
  return either.length > 0 ? { OR: either } : { id: { in: [] } };
}

/** Whether this app is the sandbox partner's own (then its newest version is what installs). */
export function isSandboxApp(settings: MarketplaceSettings, app: { partnerId: string }): boolean {
  return settings.sandboxOfPartnerId !== null && settings.sandboxOfPartnerId === app.partnerId;
}

/** Whether the workspace's navigation offers the marketplace (not hidden, or a partner's sandbox). */
export async function marketplaceShown(tenantId: string): Promise<boolean> {
  const row = await db.tenant.findUnique({ where: { id: tenantId }, select: { marketplaceMode: true, sandboxOfPartnerId: true } });
  return row !== null && (row.marketplaceMode !== 'hidden' || row.sandboxOfPartnerId !== null);
}
