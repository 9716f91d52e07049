import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { deleteTeam, getTeam, updateTeam } from '@/lib/teams/teams';

// One team. Private teams are 404 to everyone but their members and admins (lib/teams/team-access.ts).
const PRIVATE = { 'cache-control': 'private, no-store' };

export const GET = withErrors<Params<'teamId'>>(
  withMember<Params<'teamId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    const { teamId } = await params;
    return Response.json(await getTeam(tenant, member, teamId), { headers: PRIVATE });
  }),
);

/** { name?, description?, visibility?, joinApprovalRequired?, memberCanInvite? } (admins). */
export const PATCH = withErrors<Params<'teamId'>>(
  withMember<Params<'teamId'>>('teams.manage', async (req, { tenant, member, params }) => {
    const { teamId } = await params;
    return Response.json(await updateTeam(tenant, member, teamId, await readJson(req), clientIp(req.headers)), { headers: PRIVATE });
  }),
);

/** Deletes the team with its goals (admins). */
export const DELETE = withErrors<Params<'teamId'>>(
  withMember<Params<'teamId'>>('teams.manage', async (req, { tenant, member, params }) => {
    const { teamId } = await params;
    await deleteTeam(tenant, member, teamId, clientIp(req.headers));
    return new Response(null, { status: 204 });
  }),
);
