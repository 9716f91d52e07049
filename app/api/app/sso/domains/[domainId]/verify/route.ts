import { id, workspaceRoute } from '@/lib/http/route';
import { verifySsoDomain } from '@/lib/sso/sso-domains';
import { txtResolver } from '@/lib/tenancy/dns-resolver';

/** Checks the TXT record now (a plan with SSO only); answers whether the domain is verified. */
export const POST = workspaceRoute({ permission: 'settings.manage', feature: 'sso', params: { domainId: id } }, async ({ tenant, member, params, ip }) => {
  const result = await verifySsoDomain(tenant.id, params.domainId, { id: member.userId, email: member.email }, txtResolver(), ip);
  return Response.json({ verified: result.verified, verifiedAt: result.domain.verifiedAt });
});
