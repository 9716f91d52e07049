import { id, workspaceRoute } from '@/lib/http/route';
import { getTeamStats } from '@/lib/leaderboards/team-stats';

/** A team's statistics: member count, goals by state, weekly completion rate (goal figures for members and admins). */
export const GET = workspaceRoute({ permission: 'workspace.read', params: { teamId: id } }, async ({ tenant, member, params }) =>
  Response.json(await getTeamStats(tenant, member, params.teamId)),
);
