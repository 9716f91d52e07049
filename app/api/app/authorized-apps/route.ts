import { workspaceRoute } from '@/lib/http/route';
import { listAuthorizedApps } from '@/lib/oauth/grants';

/** Every third-party app authorized in this workspace, by a person or for the workspace itself (admins only). */
export const GET = workspaceRoute({ permission: 'integrations.manage' }, async ({ tenant, member }) => Response.json({ grants: await listAuthorizedApps(tenant, member) }));
