import { setCoachEnabled } from '@/lib/coach/workspace-switch';
import { workspaceRoute } from '@/lib/http/route';

// The workspace's switch for the AI coach (owners and admins), after the data-use notice.
export const PUT = workspaceRoute({ permission: 'settings.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await setCoachEnabled(tenant, member, body, ip)),
);
