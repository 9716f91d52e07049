import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { leaveTeam } from '@/lib/teams/team-membership';

/** Leaves the team; 409 for its last lead while other members remain. */
export const POST = withErrors<Params<'teamId'>>(
  withMember<Params<'teamId'>>('teams.join', async (_req, { tenant, member, params }) => {
    const { teamId } = await params;
    await leaveTeam(tenant, member, teamId);
    return new Response(null, { status: 204 });
  }),
);
