import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { removeDomain } from '@/lib/tenancy/domains';

export const DELETE = withErrors<Params<'domainId'>>(
  withMember<Params<'domainId'>>('settings.manage', async (_req, { tenant, member, params }) => {
    await removeDomain(tenant.id, (await params).domainId, { id: member.userId, email: member.email });
    return new Response(null, { status: 204 });
  }),
);
