import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { assertSsoAvailable } from '@/lib/sso/sso-available';
import { verifySsoDomain } from '@/lib/sso/sso-domains';
import { txtResolver } from '@/lib/tenancy/dns-resolver';

/** Checks the TXT record now; answers whether the domain is verified. */
export const POST = withErrors<Params<'domainId'>>(
  withMember<Params<'domainId'>>('settings.manage', async (req, { tenant, member, params }) => {
    await assertSsoAvailable(tenant);
    const result = await verifySsoDomain(tenant.id, (await params).domainId, { id: member.userId, email: member.email }, txtResolver(), clientIp(req.headers));
    return Response.json({ verified: result.verified, verifiedAt: result.domain.verifiedAt });
  }),
);
