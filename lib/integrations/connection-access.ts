import type { Member } from '../auth/session.ts';
import type { IntegrationConnection } from '../db/generated/client.ts';
import { forbidden } from '../http/problem.ts';
import { can } from '../members/permissions.ts';
import { connectionFor, requireConnection } from './connections.ts';
import { integrationFor } from './registry.ts';
import type { IntegrationId } from './types.ts';

// Which connection the connection routes act on: the member's own for per-member integrations
// (calendars), the workspace's for Slack, which only admins may change.

const ownerOf = (provider: IntegrationId, member: Member) => (integrationFor(provider).manifest.connects === 'workspace' ? null : member.userId);

/** The connection the member sees on the integration's page, if there is one. */
export function visibleConnection(tenantId: string, provider: IntegrationId, member: Member): Promise<IntegrationConnection | null> {
  return connectionFor(tenantId, provider, ownerOf(provider, member));
}

/** The connection the member may change (409 integration_not_connected without one; 403 for a non-admin on a workspace connection). */
export async function manageableConnection(tenantId: string, provider: IntegrationId, member: Member): Promise<IntegrationConnection> {
  const userId = ownerOf(provider, member);
  if (userId === null && !can(member.role, 'integrations.manage')) throw forbidden(`Only admins change the workspace’s ${integrationFor(provider).manifest.name} connection.`);
  return requireConnection(tenantId, provider, userId);
}
