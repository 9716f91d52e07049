import { workspaceRoute } from '@/lib/http/route';
import { getSupportAccess, setSupportAccessApproval } from '@/lib/platform/support-access';

/** Admins and owners: whether platform support must ask first, and the requests and sessions. */
export const GET = workspaceRoute({ permission: 'settings.manage' }, async ({ tenant, member }) => Response.json(await getSupportAccess(tenant, member)));

/** Owners: { requireApproval }. Audited. */
export const PUT = workspaceRoute({ permission: 'support_access.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await setSupportAccessApproval(tenant, member, body, ip)),
);
