import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { createTeam, listTeams } from '@/lib/teams/teams';

const PRIVATE = { 'cache-control': 'private, no-store' };

/** Public teams and the member's own (admins: all), with the member's role and rights on each. */
export const GET = withErrors(
  withMember('workspace.read', async (_req, { tenant, member }) => {
    return Response.json({ teams: await listTeams(tenant, member) }, { headers: PRIVATE });
  }),
);

/** { name, description?, visibility?, joinApprovalRequired?, memberCanInvite?, leadUserId? } (admins). */
export const POST = withErrors(
  withMember('teams.manage', async (req, { tenant, member }) => {
    return Response.json(await createTeam(tenant, member, await readJson(req), clientIp(req.headers)), { status: 201, headers: PRIVATE });
  }),
);
