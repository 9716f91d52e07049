import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import { notFound } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { answersWorkspaces } from './ticket-access.ts';
import { appName } from './ticket-views.ts';

// What the support pages need around the tickets: the installed app a workspace asks about,
// and the partner's apps to filter by.

export interface InstallationForSupport {
  id: string;
  appId: string;
  appName: string;
  partnerName: string;
  /** Still installed: new tickets can be opened. */
  active: boolean;
}

/** An installation of the workspace (ended ones too: their tickets stay readable). */
export async function installationForSupport(tenant: TenantContext, member: Member, installationId: string): Promise<InstallationForSupport> {
  assertCan(member.role, 'integrations.manage', 'Only admins and owners of the workspace handle support tickets.');
  const row = await db.appInstallation.findFirst({
    where: { id: installationId, tenantId: tenant.id },
    select: { id: true, uninstalledAt: true, app: { select: { id: true, slug: true, partner: { select: { name: true } }, liveVersion: { select: { name: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } } } } },
  });
  if (!row) throw notFound('No such installed app.');
  return { id: row.id, appId: row.app.id, appName: appName(row.app)!, partnerName: row.app.partner.name, active: row.uninstalledAt === null };
}

/** The partner's apps, for the ticket filter (none for billing contacts, who see no workspace tickets). */
export async function partnerAppOptions(actor: PartnerActor): Promise<{ value: string; label: string }[]> {
  if (!answersWorkspaces(actor)) return [];
  const apps = await db.marketplaceApp.findMany({
    where: { partnerId: actor.partnerId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, slug: true, liveVersion: { select: { name: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } } },
  });
  return apps.map((app) => ({ value: app.id, label: appName(app)! }));
}
