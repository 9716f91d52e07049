import { platformOrigin } from '@/lib/config/env';
import { workspaceRoute } from '@/lib/http/route';
import { deleteWorkspace } from '@/lib/tenancy/tenant-settings';

export const DELETE = workspaceRoute({ permission: 'tenant.delete', body: 'json' }, async ({ tenant, member, body }) => {
  await deleteWorkspace(tenant, member, body);
  return Response.json({ redirectTo: platformOrigin() });
});
