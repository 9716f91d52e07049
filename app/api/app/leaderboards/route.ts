import { workspaceRoute } from '@/lib/http/route';
import { getLeaderboard, leaderboardQuerySchema } from '@/lib/leaderboards/leaderboards';

/** ?period=week|month|all&teamId= : the workspace's boards, or a team's (404 when the team is hidden; 403 leaderboards_disabled). */
export const GET = workspaceRoute({ permission: 'workspace.read', query: leaderboardQuerySchema }, async ({ tenant, member, query }) =>
  Response.json(await getLeaderboard(tenant, member, query)),
);
