import { createFeedLink, feedLinkStatus, stopFeedLink } from '@/lib/integrations/calendar-feed/feed-links';
import { workspaceRoute } from '@/lib/http/route';

/** The member's own feed link: whether one is live and when it was last fetched (never the URL). */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await feedLinkStatus(tenant, member)));

/** A new link (replacing any live one); the answer carries the URL once. */
export const POST = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await createFeedLink(tenant, member), { status: 201 }));

/** Stops the member's link at once. */
export const DELETE = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => {
  await stopFeedLink(tenant, member);
  return new Response(null, { status: 204 });
});
