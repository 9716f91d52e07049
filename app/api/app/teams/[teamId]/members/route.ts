import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { addTeamMember } from '@/lib/teams/team-membership';
import { getTeam } from '@/lib/teams/teams';

const PRIVATE = { 'cache-control': 'private, no-store' };

export const GET = withErrors<Params<'teamId'>>(
  withMember<Params<'teamId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    const { teamId } = await params;
    return Response.json({ members: (await getTeam(tenant, member, teamId)).members }, { headers: PRIVATE });
  }),
);

/** { userId, role?: "lead" | "member" }: leads and admins; members too when the team lets them invite. */
export const POST = withErrors<Params<'teamId'>>(
  withMember<Params<'teamId'>>('teams.join', async (req, { tenant, member, params }) => {
    const { teamId } = await params;
    return Response.json(await addTeamMember(tenant, member, teamId, await readJson(req), clientIp(req.headers)), { status: 201, headers: PRIVATE });
  }),
);
