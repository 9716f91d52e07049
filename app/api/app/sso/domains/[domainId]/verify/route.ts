import { id, workspaceRoute } from '@/lib/http/route';
import { verifySsoDomain } from '@/lib/sso/sso-domains';
import { txtResolver } from '@/lib/tenancy/dns-resolver';

/**
 * Checks the TXT record now (a plan with SSO only); answers whether the domain is verified and,
 * if not, why: `reason` not_found | mismatch (with what was `found`) | lookup_failed, and a `message`.
 */
export const POST = workspaceRoute({ permission: 'settings.manage', feature: 'sso', params: { domainId: id } }, async ({ tenant, member, params, ip }) => {
  const result = await verifySsoDomain(tenant.id, params.domainId, { id: member.userId, email: member.email }, txtResolver(), ip);
  if (result.verified) return Response.json({ verified: true, verifiedAt: result.domain.verifiedAt });
  return Response.json({ verified: false, verifiedAt: null, ...result.failure });
});
