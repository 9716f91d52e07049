import { platformOrigin } from '@/lib/config/env';
import { workspaceRoute } from '@/lib/http/route';
import { leaveWorkspace } from '@/lib/members/members';

/** Leave this workspace. */
export const DELETE = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member, ip }) => {
  await leaveWorkspace(tenant, member, ip);
  return Response.json({ redirectTo: platformOrigin() });
});
