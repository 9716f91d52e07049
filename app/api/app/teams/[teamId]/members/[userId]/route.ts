import { id, workspaceRoute } from '@/lib/http/route';
import { changeTeamMemberRole, removeTeamMember } from '@/lib/teams/team-membership';

const params = { teamId: id, userId: id };

/** { role: "lead" | "member" } (leads and admins); answers the team. */
export const PATCH = workspaceRoute({ permission: 'teams.join', params, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await changeTeamMemberRole(tenant, member, params.teamId, params.userId, body, ip)),
);

/** Removes a member (leads and admins); removing oneself is leaving. */
export const DELETE = workspaceRoute({ permission: 'teams.join', params }, async ({ tenant, member, params, ip }) => {
  await removeTeamMember(tenant, member, params.teamId, params.userId, ip);
  return new Response(null, { status: 204 });
});
