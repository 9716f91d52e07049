import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import type { IntegrationConnection, SyncFrequency } from '../db/generated/client.ts';
import { categoryLabel } from '../marketplace/categories.ts';
import { can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { recentLog, type LogRow } from './log.ts';
import { integrationFor, integrations, isConfigured, missingEnv, redirectUri } from './registry.ts';
import type { ConnectionLevel, IntegrationId, IntegrationManifest } from './types.ts';

// What the marketplace and an integration's page show, as plain data for Server Components and
// the API: never a token, never another member's connection details.

export interface IntegrationCard {
  id: IntegrationId;
  name: string;
  tagline: string;
  category: string;
  categoryLabel: string;
  connects: ConnectionLevel;
  /** Its provider credentials are set on this installation. */
  configured: boolean;
  installed: boolean;
}

export async function integrationCards(tenant: Pick<TenantContext, 'id'>): Promise<IntegrationCard[]> {
  const installed = await db.integrationInstallation.findMany({ where: { tenantId: tenant.id, uninstalledAt: null }, select: { provider: true } });
  const here = new Set(installed.map((row) => row.provider));
  return integrations().map((integration) => ({
    id: integration.manifest.id,
    name: integration.manifest.name,
    tagline: integration.manifest.tagline,
    category: integration.manifest.category,
    categoryLabel: categoryLabel(integration.manifest.category),
    connects: integration.manifest.connects,
    configured: isConfigured(integration),
    installed: here.has(integration.manifest.id),
  }));
}

export interface ConnectionView {
  id: string;
  status: 'active' | 'needs_attention';
  statusReason: string | null;
  accountId: string;
  accountName: string | null;
  scopes: string[];
  settings: Record<string, unknown>;
  syncFrequency: SyncFrequency;
  syncing: boolean;
  lastSyncAt: string | null;
  lastSyncResult: 'ok' | 'failed' | null;
  lastSyncError: string | null;
  lastSyncSummary: { pushed: number; pulled: number; deleted: number; conflicts: number } | null;
  nextSyncAt: string | null;
  connectedAt: string;
}

export function connectionView(connection: IntegrationConnection, now = new Date()): ConnectionView {
  return {
    id: connection.id,
    status: connection.status,
    statusReason: connection.statusReason,
    accountId: connection.externalAccountId,
    accountName: connection.externalAccountName,
    scopes: connection.scopes,
    settings: (connection.settings as Record<string, unknown> | null) ?? {},
    syncFrequency: connection.syncFrequency,
    syncing: Boolean(connection.syncLeaseUntil && connection.syncLeaseUntil > now),
    lastSyncAt: connection.lastSyncAt?.toISOString() ?? null,
    lastSyncResult: (connection.lastSyncResult as 'ok' | 'failed' | null) ?? null,
    lastSyncError: connection.lastSyncError,
    lastSyncSummary: (connection.lastSyncSummary as ConnectionView['lastSyncSummary']) ?? null,
    nextSyncAt: connection.nextSyncAt?.toISOString() ?? null,
    connectedAt: connection.createdAt.toISOString(),
  };
}

export interface IntegrationView {
  manifest: IntegrationManifest;
  configured: boolean;
  missingEnv: string[];
  /** The OAuth redirect URI to register at the provider (null: it has none). */
  redirectUri: string | null;
  /** This member may install, uninstall and (for workspace connections) connect it. */
  canManage: boolean;
  installation: { id: string; installedAt: string; installedBy: string | null } | null;
  /** The member's own connection (per-member integrations) or the workspace's. */
  connection: ConnectionView | null;
  /** For admins: how many members have connected (per-member integrations). */
  memberConnections: number | null;
  /** The connection's recent activity (or, for admins of a workspace integration, the installation's). */
  log: LogRow[];
}

export async function integrationView(tenant: Pick<TenantContext, 'id'>, member: Member, id: string): Promise<IntegrationView> {
  const integration = integrationFor(id);
  const { manifest } = integration;
  const canManage = can(member.role, 'integrations.manage');
  const installation = await db.integrationInstallation.findFirst({
    where: { tenantId: tenant.id, provider: manifest.id, uninstalledAt: null },
    include: { connections: { where: manifest.connects === 'user' ? { userId: member.userId } : { userId: null }, take: 1 } },
  });
  const connection = installation?.connections[0] ?? null;
  const installer = installation?.installedById ? await db.user.findUnique({ where: { id: installation.installedById }, select: { name: true, email: true } }) : null;
  const memberConnections = installation && canManage && manifest.connects === 'user' ? await db.integrationConnection.count({ where: { installationId: installation.id } }) : null;
  const log = !installation
    ? []
    : connection
      ? await recentLog(tenant.id, installation.id, { connectionId: connection.id })
      : canManage && manifest.connects !== 'user'
        ? await recentLog(tenant.id, installation.id)
        : [];
  return {
    manifest,
    configured: isConfigured(integration),
    missingEnv: missingEnv(integration),
    redirectUri: redirectUri(integration),
    canManage,
    installation: installation ? { id: installation.id, installedAt: installation.installedAt.toISOString(), installedBy: installer?.name ?? installer?.email ?? null } : null,
    connection: connection ? connectionView(connection) : null,
    memberConnections,
    log,
  };
}
