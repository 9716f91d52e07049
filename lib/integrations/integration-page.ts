import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { connectionStatusView, type ConnectionStatusView } from './connection-status.ts';
import { integrationFor, isConfigured, isIntegrationId, missingEnv, redirectUri } from './registry.ts';
import type { IntegrationId, IntegrationManifest } from './types.ts';

// What /integrations/<id> shows a member, as plain JSON-able values: the manifest, whether this
// installation has the credentials, the workspace's installation, the member's own connection
// (calendars) or the workspace's (Slack), and the recent log. A member sees the log of their own
// connection only (a colleague's calendar is theirs); workspace-level integrations log for all.

export interface LogEntryView {
  id: string;
  level: string;
  kind: string;
  message: string;
  createdAt: string;
}

export interface IntegrationPageData {
  manifest: IntegrationManifest;
  configured: boolean;
  missingEnv: string[];
  redirectUri: string | null;
  /** The integration runs syncs (calendars): the status card shows the last one. */
  syncs: boolean;
  installation: { id: string; installedAt: string; installedBy: string | null } | null;
  connection: ConnectionStatusView | null;
  log: LogEntryView[];
}

const LOG_LIMIT = 20;

const CONNECTION_SELECT = {
  id: true,
  userId: true,
  externalAccountId: true,
  externalAccountName: true,
  status: true,
  statusReason: true,
  syncFrequency: true,
  createdAt: true,
  lastSyncAt: true,
  lastSyncResult: true,
  lastSyncError: true,
  lastSyncSummary: true,
  syncLeaseUntil: true,
  syncRequestedAt: true,
  lastSyncStartedAt: true,
} as const;

/** The connection the member sees on the page: their own, or the workspace's (null userId). */
export async function visibleConnection(tenantId: string, installationId: string, id: IntegrationId, member: Member): Promise<ConnectionStatusView | null> {
  const userId = integrationFor(id).manifest.connects === 'workspace' ? null : member.userId;
  const row = await db.integrationConnection.findFirst({ where: { tenantId, installationId, userId }, select: CONNECTION_SELECT });
  return row ? connectionStatusView(row) : null;
}

export async function integrationPage(tenant: TenantContext, member: Member, id: IntegrationId): Promise<IntegrationPageData> {
  const integration = integrationFor(id);
  const row = await db.integrationInstallation.findFirst({ where: { tenantId: tenant.id, provider: id, uninstalledAt: null }, select: { id: true, installedAt: true, installedById: true } });
  const installedBy = row?.installedById ? await db.user.findUnique({ where: { id: row.installedById }, select: { name: true, email: true } }) : null;
  const connection = row ? await visibleConnection(tenant.id, row.id, id, member) : null;
  const workspaceLevel = integration.manifest.connects !== 'user';
  const log = row
    ? await db.integrationLogEntry.findMany({
        where: { tenantId: tenant.id, installationId: row.id, ...(workspaceLevel ? {} : { connectionId: connection?.id ?? '-' }) },
        orderBy: { createdAt: 'desc' },
        take: LOG_LIMIT,
        select: { id: true, level: true, kind: true, message: true, createdAt: true },
      })
    : [];
  return {
    manifest: integration.manifest,
    configured: isConfigured(integration),
    missingEnv: missingEnv(integration),
    redirectUri: redirectUri(integration),
    syncs: typeof integration.sync === 'function',
    installation: row ? { id: row.id, installedAt: row.installedAt.toISOString(), installedBy: installedBy ? (installedBy.name ?? installedBy.email) : null } : null,
    connection,
    log: log.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}

export interface InstalledIntegrationView {
  id: IntegrationId;
  name: string;
  installedAt: string;
  installedBy: string | null;
  /** Members' (or the workspace's) connections to the provider. */
  connections: number;
  connects: IntegrationManifest['connects'];
}

/** The built-in integrations installed in the workspace, for Settings › Installed apps. */
export async function installedIntegrations(tenantId: string): Promise<InstalledIntegrationView[]> {
  const rows = await db.integrationInstallation.findMany({
    where: { tenantId, uninstalledAt: null },
    orderBy: { installedAt: 'asc' },
    select: { provider: true, installedAt: true, installedById: true, _count: { select: { connections: true } } },
  });
  const users = await db.user.findMany({ where: { id: { in: rows.flatMap((row) => (row.installedById ? [row.installedById] : [])) } }, select: { id: true, name: true, email: true } });
  const byId = new Map(users.map((user) => [user.id, user.name ?? user.email]));
  return rows.flatMap((row) => {
    if (!isIntegrationId(row.provider)) return [];
    const { manifest } = integrationFor(row.provider);
    return [{ id: manifest.id, name: manifest.name, installedAt: row.installedAt.toISOString(), installedBy: row.installedById ? (byId.get(row.installedById) ?? null) : null, connections: row._count.connections, connects: manifest.connects }];
  });
}
