import { workspaceRoute } from '@/lib/http/route';
import { listSlackRoutes, saveSlackRoutes } from '@/lib/integrations/slack/slack-routes';

/** Which Slack channel hears about what (admins). */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant, member }) => Response.json({ routes: await listSlackRoutes(tenant, member) }));

/** Replaces the whole mapping: { routes: [{ event, channelId, teamId? }] }. */
export const PUT = workspaceRoute({ permission: 'integrations.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json({ routes: await saveSlackRoutes(tenant, member, body, ip) }),
);
