import { workspaceRoute } from '@/lib/http/route';
import { getLeaderboardParticipation, setLeaderboardOptOut } from '@/lib/leaderboards/settings';

/** Whether the signed-in member keeps out of leaderboards. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await getLeaderboardParticipation(tenant, member)));

/** { optOut } */
export const PUT = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body }) => Response.json(await setLeaderboardOptOut(tenant, member, body)));
