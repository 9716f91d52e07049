import { platformRoute, token } from '@/lib/http/route';
import { acceptStaffInvitation } from '@/lib/platform/staff-invitations';

/**
 * Accepts an invitation to the platform's staff (new account: name + password; existing: its
 * password). The browser signs in next. Public: the token is the credential; posted by our own page.
 */
export const POST = platformRoute({ host: 'root', auth: 'token', sameOrigin: true, params: { token }, body: 'json' }, async ({ params, body, ip }) => {
  const result = await acceptStaffInvitation(params.token, body, ip);
  return Response.json({ email: result.email }, { status: 201 });
});
