import { workspaceRoute } from '@/lib/http/route';
import { setLeaderboardsEnabled } from '@/lib/leaderboards/settings';

/** { enabled } — admins turn the workspace's leaderboards on or off (audited). */
export const PUT = workspaceRoute({ permission: 'settings.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await setLeaderboardsEnabled(tenant, member, body, ip)),
);
