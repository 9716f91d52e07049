import { removeTeamsRoute } from '@/lib/integrations/microsoft-teams/teams-routes';
import { id, workspaceRoute } from '@/lib/http/route';

export const DELETE = workspaceRoute({ permission: 'integrations.manage', params: { routeId: id } }, async ({ tenant, member, params, ip }) => {
  await removeTeamsRoute(tenant, member, params.routeId, ip);
  return new Response(null, { status: 204 });
});
