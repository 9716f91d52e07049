import { AppError } from '@/lib/http/problem';
import { oneOf, workspaceRoute } from '@/lib/http/route';
import { manageableConnection } from '@/lib/integrations/connection-access';
import { integrationFor, INTEGRATION_IDS } from '@/lib/integrations/registry';
import { requestSync } from '@/lib/integrations/sync-runner';
import { connectionView } from '@/lib/integrations/views';

/** Sync now: queues a sync of the member's connection (one runs at a time; a request during one runs it again after). */
export const POST = workspaceRoute({ permission: 'workspace.read', params: { id: oneOf(INTEGRATION_IDS) } }, async ({ tenant, member, params }) => {
  const integration = integrationFor(params.id);
  if (!integration.sync) throw new AppError(400, 'bad_request', `${integration.manifest.name} does not sync.`);
  const connection = await manageableConnection(tenant.id, params.id, member);
  if (connection.status === 'needs_attention') throw new AppError(409, 'conflict', `${integration.manifest.name} needs attention: reconnect it first.`);
  await requestSync(connection.id, 'manual');
  return Response.json({ connection: { ...connectionView(connection), syncing: true } }, { status: 202 });
});
