import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { resendInvitation } from '@/lib/members/invitations';

/** A new link (the old one stops working) and a fresh 7 days; at most once a minute. */
export const POST = withErrors<Params<'invitationId'>>(
  withMember<Params<'invitationId'>>('members.manage', async (req, { tenant, member, params }) => {
    return Response.json(await resendInvitation(tenant, member, (await params).invitationId, clientIp(req.headers)));
  }),
);
