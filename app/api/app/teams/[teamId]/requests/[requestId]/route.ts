import { id, workspaceRoute } from '@/lib/http/route';
import { cancelJoinRequest, decideJoinRequest } from '@/lib/teams/join-requests';

const params = { teamId: id, requestId: id };

/** { status: "approved" | "rejected" } (leads and admins); approving adds the person; answers the team. */
export const PATCH = workspaceRoute({ permission: 'teams.join', params, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await decideJoinRequest(tenant, member, params.teamId, params.requestId, body, ip)),
);

/** The person who asked withdraws their pending request. */
export const DELETE = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) => {
  await cancelJoinRequest(tenant, member, params.teamId, params.requestId);
  return new Response(null, { status: 204 });
});
