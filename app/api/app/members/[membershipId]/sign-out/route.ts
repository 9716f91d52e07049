import { clientIp } from '@/lib/auth/client-ip';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { signOutMember } from '@/lib/members/members';

/** "Sign out everywhere": ends every session the member has on this workspace (audited). */
export const POST = withErrors<Params<'membershipId'>>(
  withMember<Params<'membershipId'>>('members.manage', async (req, { tenant, member, params }) => {
    return Response.json(await signOutMember(tenant, member, (await params).membershipId, clientIp(req.headers)));
  }),
);
