import { workspaceRoute } from '@/lib/http/route';
import { listInstalledApps } from '@/lib/marketplace/installations';

/** The apps installed in the workspace now (Settings › Installed apps). */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant, member }) => Response.json(await listInstalledApps(tenant, member)));
