import { workspaceRoute } from '@/lib/http/route';
import { unreadCount } from '@/lib/notifications/notifications';

/** { unread }: what the bell shows. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) =>
  Response.json({ unread: await unreadCount(tenant, member) }, { headers: { 'cache-control': 'private, no-store' } }),
);
