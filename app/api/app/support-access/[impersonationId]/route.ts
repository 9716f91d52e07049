import { id, workspaceRoute } from '@/lib/http/route';
import { decideSupportAccess, endSupportAccess } from '@/lib/platform/support-access';

/** Owners approve or deny a pending request: { decision: "approve" | "deny" }. */
export const POST = workspaceRoute({ permission: 'support_access.manage', params: { impersonationId: id }, body: 'json' }, async ({ tenant, member, params, body, ip }) =>
  Response.json(await decideSupportAccess(tenant, member, params.impersonationId, body, ip)),
);

/** Owners end a running impersonation. */
export const DELETE = workspaceRoute({ permission: 'support_access.manage', params: { impersonationId: id } }, async ({ tenant, member, params, ip }) =>
  Response.json(await endSupportAccess(tenant, member, params.impersonationId, ip)),
);
