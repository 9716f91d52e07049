import { db } from '../db/client.ts';
import type { DomainEventType } from '../events/domain-events.ts';
import { logger } from '../observability/logger.ts';
import { deleteConnection } from './connections.ts';
import { logIntegration } from './log.ts';
import { integrationFor, isIntegrationId } from './registry.ts';
import type { DispatchedEvent } from './types.ts';

/**
 * Hands a domain event to the integrations installed in its workspace that react to its type
 * (calendar syncs, Slack and Teams notifications). Each onEvent is idempotent, so when one
 * fails the whole dispatch is retried safely; the others still run first.
 */
export async function dispatchToIntegrations(eventId: string): Promise<{ integrations: number }> {
  const row = await db.domainEvent.findUnique({ where: { id: eventId } });
  if (!row) return { integrations: 0 };
  const installations = await db.integrationInstallation.findMany({ where: { tenantId: row.tenantId, uninstalledAt: null }, select: { id: true, provider: true } });
  const event: DispatchedEvent = {
    id: row.id,
    tenantId: row.tenantId,
    type: row.type as DomainEventType,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    actorId: row.actorId,
    createdAt: row.occurredAt,
  };
  const failures: unknown[] = [];
  let handled = 0;
  if (event.type === 'user.deleted' && typeof event.payload.userId === 'string') await disconnectLeaver(event.tenantId, event.payload.userId);
  for (const installation of installations) {
    if (!isIntegrationId(installation.provider)) continue;
    const integration = integrationFor(installation.provider);
    if (!integration.onEvent || !integration.manifest.events.includes(event.type)) continue;
    try {
      await integration.onEvent(event, installation.id);
      handled += 1;
    } catch (error) {
      logger().warn({ err: error, eventId, provider: installation.provider }, 'integrations: an integration failed to handle an event');
      failures.push(error);
    }
  }
  if (failures.length) throw failures[0];
  return { integrations: handled };
}

/**
 * Someone who left the workspace (or was removed) keeps no connection in it: their calendar
 * stops syncing the workspace's goals and the grant is revoked at the provider.
 */
async function disconnectLeaver(tenantId: string, userId: string): Promise<void> {
  const connections = await db.integrationConnection.findMany({ where: { tenantId, userId } });
  for (const connection of connections) {
    const { revoked } = await deleteConnection(connection);
    await logIntegration({ tenantId, installationId: connection.installationId, level: 'info', kind: 'connection', message: `Disconnected ${connection.externalAccountName ?? connection.externalAccountId}: the member left the workspace.`, detail: { revokedAtProvider: revoked } });
  }
}
