import { workspaceRoute } from '@/lib/http/route';
import { listNotifications, listQuerySchema } from '@/lib/notifications/notifications';

/** The member's notifications in this workspace, newest first: ?cursor=<id> for the next page, ?unread=1 for unread only. */
export const GET = workspaceRoute({ permission: 'workspace.read', query: listQuerySchema }, async ({ tenant, member, query }) => Response.json(await listNotifications(tenant, member, query)));
