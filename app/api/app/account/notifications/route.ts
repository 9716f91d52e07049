import { getPreferences, updatePreferences } from '@/lib/account/notification-preferences';
import { workspaceRoute } from '@/lib/http/route';

/** The member's email preferences in this workspace: { topic: on }, for the topics their role gets. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json(await getPreferences(tenant, member)));

/** { topic: boolean, … }: turns emails on or off (topics not sent stay as they were). */
export const PATCH = workspaceRoute({ permission: 'workspace.read', body: 'json' }, async ({ tenant, member, body, ip }) => Response.json(await updatePreferences(tenant, member, body, ip)));
