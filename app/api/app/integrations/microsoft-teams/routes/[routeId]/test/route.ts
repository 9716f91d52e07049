import { sendTeamsTest } from '@/lib/integrations/microsoft-teams/teams-routes';
import { id, workspaceRoute } from '@/lib/http/route';

/** Sends a sample card now: { delivered, error } (Teams' refusal is an answer here, not a failure of this call). */
export const POST = workspaceRoute({ permission: 'integrations.manage', params: { routeId: id } }, async ({ tenant, member, params }) =>
  Response.json(await sendTeamsTest(tenant, member, params.routeId)),
);
