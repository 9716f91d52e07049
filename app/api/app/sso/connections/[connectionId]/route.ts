import { id, workspaceRoute } from '@/lib/http/route';
import { deleteSsoConnection } from '@/lib/sso/sso-connections';

export const runtime = 'nodejs';

export const DELETE = workspaceRoute({ permission: 'settings.manage', params: { connectionId: id } }, async ({ tenant, member, params, ip }) => {
  await deleteSsoConnection(tenant, member, params.connectionId, ip);
  return new Response(null, { status: 204 });
});
