import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { txtResolver } from '@/lib/tenancy/dns-resolver';
import { verifyDomain } from '@/lib/tenancy/domains';

/** Checks the TXT record now; answers whether the domain is verified (and so served). */
export const POST = withErrors<Params<'domainId'>>(
  withMember<Params<'domainId'>>('settings.manage', async (_req, { tenant, member, params }) => {
    const result = await verifyDomain(tenant.id, (await params).domainId, { id: member.userId, email: member.email }, txtResolver());
    return Response.json({ verified: result.verified, verifiedAt: result.domain.verifiedAt?.toISOString() ?? null });
  }),
);
