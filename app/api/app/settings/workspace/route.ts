import { platformOrigin } from '@/lib/config/env';
import { workspaceRoute } from '@/lib/http/route';
import { deleteWorkspace } from '@/lib/tenancy/tenant-settings';

/** Closes the workspace now; its data is erased after the grace period (30 days). */
export const DELETE = workspaceRoute({ permission: 'tenant.delete', body: 'json' }, async ({ tenant, member, body, ip }) => {
  const { erasedAfter } = await deleteWorkspace(tenant, member, body, ip);
  return Response.json({ redirectTo: platformOrigin(), erasedAfter });
});
