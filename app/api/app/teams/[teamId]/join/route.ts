import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { joinTeam } from '@/lib/teams/team-membership';

/**
 * Joins a public team (201, { status: "joined" }), or asks to join one that requires
 * approval (202, { status: "requested" }). Private teams are joined only by being added.
 */
export const POST = withErrors<Params<'teamId'>>(
  withMember<Params<'teamId'>>('teams.join', async (_req, { tenant, member, params }) => {
    const { teamId } = await params;
    const result = await joinTeam(tenant, member, teamId);
    return Response.json(result, { status: result.status === 'joined' ? 201 : 202, headers: { 'cache-control': 'private, no-store' } });
  }),
);
