import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { listJoinRequests } from '@/lib/teams/join-requests';

/** Pending requests to join (leads and admins). */
export const GET = withErrors<Params<'teamId'>>(
  withMember<Params<'teamId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    const { teamId } = await params;
    return Response.json({ requests: await listJoinRequests(tenant, member, teamId) }, { headers: { 'cache-control': 'private, no-store' } });
  }),
);
