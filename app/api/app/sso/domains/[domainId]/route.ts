import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { removeSsoDomain } from '@/lib/sso/sso-domains';

export const DELETE = withErrors<Params<'domainId'>>(
  withMember<Params<'domainId'>>('settings.manage', async (req, { tenant, member, params }) => {
    await removeSsoDomain(tenant.id, (await params).domainId, { id: member.userId, email: member.email }, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
