import { platformRoute, token } from '@/lib/http/route';
import { acceptPartnerInvitation } from '@/lib/partners/partner-users';

/**
 * Follows a partner invitation or application link (new account: name + password; existing:
 * its password). The browser signs in next. Public: the token is the credential.
 */
export const POST = platformRoute({ host: 'root', auth: 'token', sameOrigin: true, params: { token }, body: 'json' }, async ({ params, body, ip }) => {
  const result = await acceptPartnerInvitation(params.token, body, ip);
  return Response.json({ email: result.email }, { status: 201 });
});
