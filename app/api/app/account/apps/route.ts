import { workspaceRoute } from '@/lib/http/route';
import { listConnectedApps } from '@/lib/oauth/connected-apps';

/** The third-party apps the signed-in person connected to their account in this workspace. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json({ apps: await listConnectedApps(tenant, member) }));
