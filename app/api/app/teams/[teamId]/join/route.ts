import { id, workspaceRoute } from '@/lib/http/route';
import { joinTeam } from '@/lib/teams/team-membership';

/**
 * Joins a public team (201, { status: "joined" }), or asks to join one that requires
 * approval (202, { status: "requested" }). Private teams are joined only by being added.
 */
export const POST = workspaceRoute({ permission: 'teams.join', params: { teamId: id } }, async ({ tenant, member, params }) => {
  const result = await joinTeam(tenant, member, params.teamId);
  return Response.json(result, { status: result.status === 'joined' ? 201 : 202 });
});
