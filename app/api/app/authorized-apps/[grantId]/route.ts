import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { revokeGrant } from '@/lib/oauth/grants';

/** Revokes the authorization: its access and refresh tokens stop working at once. */
export const DELETE = withErrors<Params<'grantId'>>(
  withMember<Params<'grantId'>>('integrations.manage', async (req, { tenant, member, params }) => {
    await revokeGrant(tenant, member, (await params).grantId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
