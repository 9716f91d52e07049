import { workspaceRoute } from '@/lib/http/route';
import { dismissSetupChecklist, setupChecklist } from '@/lib/onboarding/first-run';

/** The setup checklist's steps, each done or not, as the dashboard shows them. */
export const GET = workspaceRoute({ permission: 'settings.manage' }, async ({ tenant, member }) => Response.json(await setupChecklist(tenant, member)));

/** Hide the checklist for this workspace's owners and admins. */
export const DELETE = workspaceRoute({ permission: 'settings.manage' }, async ({ tenant, member, ip }) => {
  await dismissSetupChecklist(tenant, member, ip);
  return new Response(null, { status: 204 });
});
