import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { cancelJoinRequest, decideJoinRequest } from '@/lib/teams/join-requests';

type Context = Params<'teamId' | 'requestId'>;

/** { status: "approved" | "rejected" } (leads and admins); approving adds the person; answers the team. */
export const PATCH = withErrors<Context>(
  withMember<Context>('teams.join', async (req, { tenant, member, params }) => {
    const { teamId, requestId } = await params;
    return Response.json(await decideJoinRequest(tenant, member, teamId, requestId, await readJson(req), clientIp(req.headers)), {
      headers: { 'cache-control': 'private, no-store' },
    });
  }),
);

/** The person who asked withdraws their pending request. */
export const DELETE = withErrors<Context>(
  withMember<Context>('workspace.read', async (_req, { tenant, member, params }) => {
    const { teamId, requestId } = await params;
    await cancelJoinRequest(tenant, member, teamId, requestId);
    return new Response(null, { status: 204 });
  }),
);
