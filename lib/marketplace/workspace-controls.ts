import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db } from '../db/client.ts';
import { parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { marketplaceSettings } from './visibility.ts';

// A workspace's say over apps (Settings › Marketplace): whether members may connect apps to
// their own account (off: only admins pass /oauth/authorize), and what its marketplace shows:
// every published app, only an allow-list, or nothing (a white-label workspace hides it; apps
// already installed keep working and stay under Installed apps).

export const marketplaceControlsSchema = z.object({
  membersMayConnectApps: z.boolean(),
  marketplaceMode: z.enum(['all', 'allow_list', 'hidden'], { error: 'Choose all apps, an allow-list, or hidden.' }),
  allowList: z.array(z.string().trim().min(1).max(64)).max(200, 'Allow at most 200 apps.').default([]),
});

export interface MarketplaceControls {
  membersMayConnectApps: boolean;
  marketplaceMode: 'all' | 'allow_list' | 'hidden';
  allowList: { id: string; slug: string; name: string }[];
  /** Published apps the allow-list can take. */
  choices: { id: string; slug: string; name: string }[];
}

async function publishedChoices(): Promise<MarketplaceControls['choices']> {
  const rows = await db.marketplaceApp.findMany({ where: { status: 'published', liveVersionId: { not: null } }, orderBy: { slug: 'asc' }, take: 500, select: { id: true, slug: true, liveVersion: { select: { name: true } } } });
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.liveVersion?.name ?? row.slug }));
}

export async function getMarketplaceControls(tenant: TenantContext, member: Member): Promise<MarketplaceControls> {
  assertCan(member.role, 'integrations.manage');
  const [settings, choices] = await Promise.all([marketplaceSettings(tenant.id), publishedChoices()]);
  const byId = new Map(choices.map((choice) => [choice.id, choice]));
  return {
    membersMayConnectApps: settings.membersMayConnectApps,
    marketplaceMode: settings.mode,
    allowList: settings.allowList.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    choices,
  };
}

export async function updateMarketplaceControls(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<MarketplaceControls> {
  assertCan(member.role, 'integrations.manage');
  const data = parseInput(marketplaceControlsSchema, input);
  const allowList = [...new Set(data.allowList)];
  if (allowList.length > 0) {
    const known = await db.marketplaceApp.findMany({ where: { id: { in: allowList }, status: 'published' }, select: { id: true } });
    const unknown = allowList.filter((id) => !known.some((row) => row.id === id));
    if (unknown.length > 0) throw validationFailed({ allowList: `No published app has the id ${unknown.join(', ')}.` });
  }
  if (data.marketplaceMode === 'allow_list' && allowList.length === 0) throw validationFailed({ allowList: 'Pick at least one app for the allow-list, or show all apps.' });
  await db.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { membersMayConnectApps: true, marketplaceMode: true, marketplaceAllowList: true } });
    await tx.tenant.update({ where: { id: tenant.id }, data: { membersMayConnectApps: data.membersMayConnectApps, marketplaceMode: data.marketplaceMode, marketplaceAllowList: allowList } });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: 'marketplace.settings_updated',
      target: { type: 'tenant', id: tenant.id },
      ip,
      metadata: {
        before: { membersMayConnectApps: before.membersMayConnectApps, marketplaceMode: before.marketplaceMode, allowList: before.marketplaceAllowList },
        after: { membersMayConnectApps: data.membersMayConnectApps, marketplaceMode: data.marketplaceMode, allowList },
      },
    });
    await notifyTenantChanged(tx);
  });
  clearLocalTenantCache();
  return getMarketplaceControls(tenant, member);
}
