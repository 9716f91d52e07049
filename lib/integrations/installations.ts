import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import type { Member } from '../auth/session.ts';
import { db } from '../db/client.ts';
import type { IntegrationConnection, IntegrationInstallation } from '../db/generated/client.ts';
import { AppError, forbidden } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { deleteConnection } from './connections.ts';
import { integrationFor, isConfigured, missingEnv } from './registry.ts';
import type { IntegrationId } from './types.ts';

// A workspace installs a first-party integration the way it installs a marketplace app: an
// admin does it once for everyone, and uninstalling ends every connection to the provider
// (revoked there) and every channel mapping. One row per workspace and integration, reused.

export const newInstallationId = () => `int_${randomBytes(12).toString('base64url')}`;

interface AuditContext {
  ip?: string | null;
}

function assertAdmin(member: Member): void {
  if (!can(member.role, 'integrations.manage')) throw forbidden('Only admins install and uninstall integrations.');
}

export function activeInstallation(tenantId: string, provider: IntegrationId): Promise<IntegrationInstallation | null> {
  return db.integrationInstallation.findFirst({ where: { tenantId, provider, uninstalledAt: null } });
}

export async function requireInstallation(tenantId: string, provider: IntegrationId): Promise<IntegrationInstallation> {
  const installation = await activeInstallation(tenantId, provider);
  if (!installation) throw new AppError(409, 'integration_not_installed', `${integrationFor(provider).manifest.name} is not installed in this workspace: an admin installs it first.`);
  return installation;
}

export function assertConfigured(provider: IntegrationId): void {
  const integration = integrationFor(provider);
  if (!isConfigured(integration)) {
    throw new AppError(409, 'integration_not_configured', `${integration.manifest.name} is not configured on this installation: the operator sets ${missingEnv(integration).join(', ')}.`);
  }
}

/** Installs (or re-installs) the integration; installing one already installed changes nothing. */
export async function installIntegration(tenant: TenantContext, member: Member, provider: IntegrationId, context: AuditContext = {}): Promise<IntegrationInstallation> {
  assertAdmin(member);
  assertConfigured(provider);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`integration-install:${tenant.id}:${provider}`}))`;
    const existing = await tx.integrationInstallation.findUnique({ where: { tenantId_provider: { tenantId: tenant.id, provider } } });
    if (existing && !existing.uninstalledAt) return existing;
    const data = { installedById: member.userId, installedAt: new Date(), uninstalledAt: null, uninstalledById: null, settings: {} };
    const installation = existing
      ? await tx.integrationInstallation.update({ where: { id: existing.id }, data })
      : await tx.integrationInstallation.create({ data: { id: newInstallationId(), tenantId: tenant.id, provider, ...data } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'integration.installed', target: { type: 'integration', id: provider }, ip: context.ip });
    return installation;
  });
}

/**
 * Uninstalls it: every connection is disconnected (push channels stopped, grants revoked at the
 * provider, tokens deleted), channel routes and Slack user links go, the log stays for the record.
 */
export async function uninstallIntegration(tenant: TenantContext, member: Member, provider: IntegrationId, context: AuditContext = {}): Promise<{ disconnected: number }> {
  assertAdmin(member);
  const installation = await requireInstallation(tenant.id, provider);
  // Mark it first, so no new connection or sync starts while the old ones are revoked.
  const { count } = await db.integrationInstallation.updateMany({ where: { id: installation.id, uninstalledAt: null }, data: { uninstalledAt: new Date(), uninstalledById: member.userId } });
  if (count === 0) return { disconnected: 0 };
  const connections = await db.integrationConnection.findMany({ where: { installationId: installation.id } });
  for (const connection of connections) await deleteConnection(connection);
  await db.$transaction(async (tx) => {
    await tx.integrationChannelRoute.deleteMany({ where: { installationId: installation.id } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'integration.uninstalled', target: { type: 'integration', id: provider }, ip: context.ip, metadata: { disconnected: connections.length } });
  });
  return { disconnected: connections.length };
}

/**
 * A member disconnects their own connection; an admin may disconnect the workspace's (or, to
 * stop a leaver's sync, anyone's in the workspace).
 */
export async function disconnectConnection(tenant: TenantContext, member: Member, connection: IntegrationConnection, context: AuditContext = {}): Promise<{ revoked: boolean }> {
  if (connection.tenantId !== tenant.id) throw new AppError(404, 'not_found', 'There is no such connection.');
  const own = connection.userId === member.userId;
  if (!own && !can(member.role, 'integrations.manage')) throw forbidden('Only the member who connected it, or an admin, can disconnect this.');
  const result = await deleteConnection(connection);
  await recordAudit(db, {
    tenantId: tenant.id,
    actor: { id: member.userId, email: member.email },
    action: 'integration.disconnected',
    target: { type: 'integration_connection', id: connection.id },
    ip: context.ip,
    metadata: { provider: connection.provider, account: connection.externalAccountName ?? connection.externalAccountId, revokedAtProvider: result.revoked },
  });
  return result;
}
