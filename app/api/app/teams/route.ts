import { workspaceRoute } from '@/lib/http/route';
import { createTeam, listTeams } from '@/lib/teams/teams';

/** Public teams and the member's own (admins: all), with the member's role and rights on each. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => Response.json({ teams: await listTeams(tenant, member) }));

/** { name, description?, visibility?, joinApprovalRequired?, memberCanInvite?, leadUserId? } (admins). */
export const POST = workspaceRoute({ permission: 'teams.manage', body: 'json' }, async ({ tenant, member, body, ip }) =>
  Response.json(await createTeam(tenant, member, body, ip), { status: 201 }),
);
