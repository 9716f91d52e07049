import { id, workspaceRoute } from '@/lib/http/route';
import { deleteTeam, getTeam, updateTeam } from '@/lib/teams/teams';

// One team. Private teams are 404 to everyone but their members and admins (lib/teams/team-access.ts).
const params = { teamId: id };

export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) => Response.json(await getTeam(tenant, member, params.teamId)));

/** { name?, description?, visibility?, joinApprovalRequired?, memberCanInvite? } (admins). */
export const PATCH = workspaceRoute({ permission: 'teams.manage', params, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await updateTeam(tenant, member, params.teamId, body, ip)),
);

/** Deletes the team with its goals (admins). */
export const DELETE = workspaceRoute({ permission: 'teams.manage', params }, async ({ tenant, member, params, ip }) => {
  await deleteTeam(tenant, member, params.teamId, ip);
  return new Response(null, { status: 204 });
});
