import { db } from '../db/client.ts';
import { integrationFor, isIntegrationId } from './registry.ts';
import type { IntegrationId, IntegrationManifest } from './types.ts';

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
