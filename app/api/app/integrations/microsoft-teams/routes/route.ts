import { addTeamsChannel, listTeamsRoutes } from '@/lib/integrations/microsoft-teams/teams-routes';
import { workspaceRoute } from '@/lib/http/route';

/** The workspace's Teams channels and what each gets (webhook URLs only as hints). */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant, member }) => Response.json({ routes: await listTeamsRoutes(tenant, member) }));

/** Adds a channel: { channelName, webhookUrl, events, teamId? } → one route per notification kind. */
export const POST = workspaceRoute({ permission: 'integrations.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json({ routes: await addTeamsChannel(tenant, member, body, ip) }, { status: 201 }),
);
