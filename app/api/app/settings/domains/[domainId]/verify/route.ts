import { id, workspaceRoute } from '@/lib/http/route';
import { txtResolver } from '@/lib/tenancy/dns-resolver';
import { verifyDomain } from '@/lib/tenancy/domains';

/** Checks the TXT record now; answers whether the domain is verified (and so served). */
export const POST = workspaceRoute({ permission: 'settings.manage', params: { domainId: id } }, async ({ tenant, member, params }) => {
  const result = await verifyDomain(tenant.id, params.domainId, { id: member.userId, email: member.email }, txtResolver());
  return Response.json({ verified: result.verified, verifiedAt: result.domain.verifiedAt?.toISOString() ?? null });
});
