import { id, workspaceRoute } from '@/lib/http/route';
import { leaveTeam } from '@/lib/teams/team-membership';

/** Leaves the team; 409 for its last lead while other members remain. */
export const POST = workspaceRoute({ permission: 'teams.join', params: { teamId: id } }, async ({ tenant, member, params }) => {
  await leaveTeam(tenant, member, params.teamId);
  return new Response(null, { status: 204 });
});
