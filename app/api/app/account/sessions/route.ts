import { listMySessions } from '@/lib/account/sessions';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** The signed-in person's active sessions on this workspace; `current` marks this one. */
export const GET = withErrors(
  withMember('workspace.read', async (_req, { tenant, member }) => {
    return Response.json({ sessions: await listMySessions(tenant, member) }, { headers: { 'cache-control': 'private, no-store' } });
  }),
);
