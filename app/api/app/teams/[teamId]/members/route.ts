import { id, workspaceRoute } from '@/lib/http/route';
import { addTeamMember } from '@/lib/teams/team-membership';
import { getTeam } from '@/lib/teams/teams';

const params = { teamId: id };

export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) =>
  Response.json({ members: (await getTeam(tenant, member, params.teamId)).members }),
);

/** { userId, role?: "lead" | "member" }: leads and admins; members too when the team lets them invite. */
export const POST = workspaceRoute({ permission: 'teams.join', params, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await addTeamMember(tenant, member, params.teamId, body, ip), { status: 201 }),
);
