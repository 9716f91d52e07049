import { billingOverview } from '@/lib/billing/overview';
import { workspaceRoute } from '@/lib/http/route';
import { forbidden } from '@/lib/http/problem';
import { can } from '@/lib/members/permissions';
import { isServable } from '@/lib/tenancy/tenant-context';

/** The billing page's data: admins may read it; while the workspace is suspended, owners only. */
export const GET = workspaceRoute({ permission: 'settings.manage' }, async ({ tenant, member }) => {
  if (!isServable(tenant.status) && !can(member.role, 'billing.manage')) throw forbidden('Only owners can open billing while the workspace is suspended.');
  return Response.json(await billingOverview(tenant));
});
