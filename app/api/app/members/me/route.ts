import { clientIp } from '@/lib/auth/client-ip';
import { platformOrigin } from '@/lib/config/env';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { leaveWorkspace } from '@/lib/members/members';

/** Leave this workspace. */
export const DELETE = withErrors(
  withMember('workspace.read', async (req, { tenant, member }) => {
    await leaveWorkspace(tenant, member, clientIp(req.headers));
    return Response.json({ redirectTo: platformOrigin() });
  }),
);
