import { workspaceRoute } from '@/lib/http/route';
import { listSlackChannels } from '@/lib/integrations/slack/slack-channels';

/** The connected Slack workspace's channels an admin can map notifications to. */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant }) => Response.json({ channels: await listSlackChannels(tenant.id) }));
