import { token, workspaceRoute } from '@/lib/http/route';
import { acceptInvitation } from '@/lib/members/invitations';

/**
 * Public: the token is the credential. Body {name, password} for a new account, {password}
 * for an existing one, {} when already signed in as the invitee. Answers where to go next.
 */
export const POST = workspaceRoute({ auth: 'session', params: { token }, body: 'json' }, async ({ tenant, userId, params, body, ip }) => {
  const result = await acceptInvitation(tenant, params.token, body, { ip, sessionUserId: userId });
  return Response.json({ redirectTo: result.redirectTo });
});
