import { clientIp } from '@/lib/auth/client-ip';
import { getSessionUserId } from '@/lib/auth/session-user';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withErrors, withTenant } from '@/lib/http/wrappers';
import { acceptInvitation } from '@/lib/members/invitations';

/**
 * Public: the token is the credential. Body {name, password} for a new account, {password}
 * for an existing one, {} when already signed in as the invitee. Answers where to go next.
 */
export const POST = withErrors<Params<'token'>>(
  withTenant<Params<'token'>>(async (req, { tenant, params }) => {
    const body = await readJson(req);
    const result = await acceptInvitation(tenant, (await params).token, body, { ip: clientIp(req.headers), sessionUserId: await getSessionUserId(tenant) });
    return Response.json({ redirectTo: result.redirectTo });
  }),
);
