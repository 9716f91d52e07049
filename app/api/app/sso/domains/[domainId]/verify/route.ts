import { id, workspaceRoute } from '@/lib/http/route';
import { languageFromAcceptLanguage } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';
import { verifySsoDomain } from '@/lib/sso/sso-domains';
import { txtResolver } from '@/lib/tenancy/dns-resolver';

/**
 * Checks the TXT record now (a plan with SSO only); answers whether the domain is verified and,
 * if not, why: `reason` not_found | mismatch (with what was `found`) | lookup_failed, and a
 * `message` for the settings page, in its language (Accept-Language; English by default).
 */
export const POST = workspaceRoute({ permission: 'settings.manage', feature: 'sso', params: { domainId: id } }, async ({ req, tenant, member, params, ip }) => {
  const result = await verifySsoDomain(tenant.id, params.domainId, { id: member.userId, email: member.email }, txtResolver(), ip);
  if (result.verified) return Response.json({ verified: true, verifiedAt: result.domain.verifiedAt });
  const language = languageFromAcceptLanguage(req.headers.get('accept-language'));
  const translate = language ? await serverTextTranslator(language).catch(() => (english: string) => english) : (english: string) => english;
  return Response.json({ verified: false, verifiedAt: null, ...result.failure, message: translate(result.failure.message) });
});
