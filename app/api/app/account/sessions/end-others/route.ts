import { endMyOtherSessions } from '@/lib/account/sessions';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** Ends every session the signed-in person has on this workspace except this one. */
export const POST = withErrors(
  withMember('workspace.read', async (_req, { tenant, member }) => {
    return Response.json(await endMyOtherSessions(tenant, member));
  }),
);
