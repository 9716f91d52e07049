import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { revokeInvitation } from '@/lib/members/invitations';

export const DELETE = withErrors<Params<'invitationId'>>(
  withMember<Params<'invitationId'>>('members.manage', async (req, { tenant, member, params }) => {
    await revokeInvitation(tenant, member, (await params).invitationId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
