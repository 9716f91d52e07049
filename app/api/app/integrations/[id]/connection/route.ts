import { z } from 'zod';
import { validationFailed } from '@/lib/http/problem';
import { oneOf, workspaceRoute } from '@/lib/http/route';
import { manageableConnection, visibleConnection } from '@/lib/integrations/connection-access';
import { disconnectConnection } from '@/lib/integrations/installations';
import { integrationFor, INTEGRATION_IDS } from '@/lib/integrations/registry';
import { updateConnectionSettings } from '@/lib/integrations/sync-runner';
import { connectionView } from '@/lib/integrations/views';

const params = { id: oneOf(INTEGRATION_IDS) };

const changeSchema = z
  .object({
    syncFrequency: z.enum(['realtime', 'hourly', 'daily'], { message: 'Choose real time, hourly or daily.' }).optional(),
    /** The integration's own settings (calendar, goals…), checked by its schema. */
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** The member's connection (or the workspace's) as the status card shows it; null when not connected. */
export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) => {
  const connection = await visibleConnection(tenant.id, params.id, member);
  return Response.json({ connection: connection ? connectionView(connection) : null }, { headers: { 'cache-control': 'no-store' } });
});

/** Changes its sync frequency or settings (a settings change syncs again). */
export const PATCH = workspaceRoute({ permission: 'workspace.read', params, body: changeSchema }, async ({ tenant, member, params, body }) => {
  const { manifest } = integrationFor(params.id);
  if (body.syncFrequency && !manifest.syncFrequencies?.includes(body.syncFrequency)) throw validationFailed({ syncFrequency: `${manifest.name} does not sync on a schedule.` });
  const connection = await manageableConnection(tenant.id, params.id, member);
  return Response.json({ connection: connectionView(await updateConnectionSettings(connection, body)) });
});

/** Disconnects: its grant is revoked at the provider and its tokens deleted. */
export const DELETE = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params, ip }) => {
  const connection = await manageableConnection(tenant.id, params.id, member);
  const { revoked } = await disconnectConnection(tenant, member, connection, { ip });
  return Response.json({ revoked });
});
