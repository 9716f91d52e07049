import { billingOverview } from '@/lib/billing/overview';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { forbidden } from '@/lib/http/problem';
import { can } from '@/lib/members/permissions';
import { isServable } from '@/lib/tenancy/tenant-context';

/** The billing page's data: admins may read it; while the workspace is suspended, owners only. */
export const GET = withErrors(
  withMember('settings.manage', async (_req, { tenant, member }) => {
    if (!isServable(tenant.status) && !can(member.role, 'billing.manage')) throw forbidden('Only owners can open billing while the workspace is suspended.');
    return Response.json(await billingOverview(tenant), { headers: { 'cache-control': 'no-store' } });
  }),
);
