import { workspaceRoute } from '@/lib/http/route';
import { getNotificationSettings, updateNotificationSettings } from '@/lib/notifications/preferences';

/** { types: { mention: 'email' | 'in_app' | 'none', … }, digest: 'immediately' | 'daily' | 'weekly' }. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await getNotificationSettings(tenant, member)));

/** { types?: { type: channel }, digest? }: what is not sent stays as it was. */
export const PATCH = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body }) => Response.json(await updateNotificationSettings(tenant, member, body)));
