import type { Member } from '../../auth/session.ts';
import { tenantOrigin } from '../../config/env.ts';
import { db } from '../../db/client.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { activeInstallation, requireInstallation } from '../installations.ts';
import { feedTokenMatches, generateFeedToken, hashFeedToken, newFeedId } from './feed-tokens.ts';

// A member's private feed link: at most one live link per member and workspace. Creating a
// link while one exists replaces it (the old URL stops at once); stopping revokes it. Rows are
// kept revoked rather than deleted, so a stopped URL stays a plain 404 and lastUsedAt history
// survives. The integration models are not in tenantDb's table, so every query here names
// its tenant explicitly.

export interface FeedLinkStatus {
  installed: boolean;
  active: { id: string; createdAt: string; lastUsedAt: string | null } | null;
}

export interface CreatedFeedLink {
  id: string;
  /** The subscription URL with its secret: shown once. */
  url: string;
  createdAt: string;
}

export function feedUrl(slug: string, feedId: string, token: string): string {
  return `${tenantOrigin(slug)}/api/calendar-feed/${feedId}/${token}.ics`;
}

export async function feedLinkStatus(tenant: TenantContext, member: Member): Promise<FeedLinkStatus> {
  const installed = (await activeInstallation(tenant.id, 'calendar-feed')) !== null;
  const row = await db.calendarFeedToken.findFirst({
    where: { tenantId: tenant.id, userId: member.userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, createdAt: true, lastUsedAt: true },
  });
  return { installed, active: row ? { id: row.id, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null } : null };
}

/** A new link for the member; any live one is revoked in the same transaction. */
export async function createFeedLink(tenant: TenantContext, member: Member, now: Date = new Date()): Promise<CreatedFeedLink> {
  await requireInstallation(tenant.id, 'calendar-feed');
  const token = generateFeedToken();
  const id = newFeedId();
  await db.$transaction([
    db.calendarFeedToken.updateMany({ where: { tenantId: tenant.id, userId: member.userId, revokedAt: null }, data: { revokedAt: now } }),
    db.calendarFeedToken.create({ data: { id, tenantId: tenant.id, userId: member.userId, tokenHash: hashFeedToken(token), createdAt: now } }),
  ]);
  return { id, url: feedUrl(tenant.slug, id, token), createdAt: now.toISOString() };
}

/** Stops the member's link (idempotent). */
export async function stopFeedLink(tenant: TenantContext, member: Member, now: Date = new Date()): Promise<void> {
  await db.calendarFeedToken.updateMany({ where: { tenantId: tenant.id, userId: member.userId, revokedAt: null }, data: { revokedAt: now } });
}

/** lastUsedAt is for the panel ("last fetched"): calendar apps poll often, so write it at most hourly. */
const LAST_USED_RESOLUTION_MS = 60 * 60 * 1000;

/**
 * Whose feed a URL is, or null (unknown id, wrong token, another workspace's id, revoked,
 * integration not installed, member no longer in the workspace): the route answers all of
 * those with the same 404.
 */
export async function resolveFeed(tenantId: string, feedId: string, token: string, now: Date = new Date()): Promise<{ userId: string; timeZone: string | null } | null> {
  const row = await db.calendarFeedToken.findFirst({ where: { id: feedId, tenantId }, select: { id: true, userId: true, tokenHash: true, revokedAt: true, lastUsedAt: true, createdAt: true } });
  // Hash and compare even when the row is missing, so timing does not tell ids apart.
  const matches = feedTokenMatches(token, row?.tokenHash ?? '0'.repeat(64));
  if (!row || !matches || row.revokedAt) return null;
  const installed = await activeInstallation(tenantId, 'calendar-feed');
  // A link made before the latest installation belongs to an earlier one, which took it down.
  if (!installed || row.createdAt < installed.installedAt) return null;
  const membership = await db.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: row.userId } }, select: { timeZone: true } });
  if (!membership) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.calendarFeedToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { userId: row.userId, timeZone: membership.timeZone };
}
