import { workspaceRoute } from '@/lib/http/route';
import { markRead } from '@/lib/notifications/notifications';

/** { ids: [...] } or { all: true }: marks the member's own notifications read; answers { unread }. */
export const POST = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body }) => Response.json(await markRead(tenant, member, body)));
