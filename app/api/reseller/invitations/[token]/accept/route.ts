import { platformRoute, token } from '@/lib/http/route';
import { acceptResellerInvitation } from '@/lib/resellers/reseller-users';

/**
 * Accepts a reseller invitation (new account: name + password; existing: its password). The
 * browser signs in next. Public: the token is the credential; posted by our own page.
 */
export const POST = platformRoute({ host: 'root', auth: 'token', sameOrigin: true, params: { token }, body: 'json' }, async ({ params, body, ip }) => {
  const result = await acceptResellerInvitation(params.token, body, ip);
  return Response.json({ email: result.email }, { status: 201 });
});
