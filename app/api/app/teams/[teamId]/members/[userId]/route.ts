import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { changeTeamMemberRole, removeTeamMember } from '@/lib/teams/team-membership';

type Context = Params<'teamId' | 'userId'>;

/** { role: "lead" | "member" } (leads and admins); answers the team. */
export const PATCH = withErrors<Context>(
  withMember<Context>('teams.join', async (req, { tenant, member, params }) => {
    const { teamId, userId } = await params;
    return Response.json(await changeTeamMemberRole(tenant, member, teamId, userId, await readJson(req), clientIp(req.headers)), {
      headers: { 'cache-control': 'private, no-store' },
    });
  }),
);

/** Removes a member (leads and admins); removing oneself is leaving. */
export const DELETE = withErrors<Context>(
  withMember<Context>('teams.join', async (req, { tenant, member, params }) => {
    const { teamId, userId } = await params;
    await removeTeamMember(tenant, member, teamId, userId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
