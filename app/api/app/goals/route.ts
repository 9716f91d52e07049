import { createGoal, listGoals } from '@/lib/goals/goals';
import { workspaceRoute } from '@/lib/http/route';

/** The member's goals and their teams' goals; ?status=active|completed|archived, ?teamId=…, ?scope=all|personal|team. */
export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ req, tenant, member }) =>
  Response.json({ goals: await listGoals(tenant, member, Object.fromEntries(req.nextUrl.searchParams)) }),
);

/** { title, description?, targetDate?: "YYYY-MM-DD", teamId? } — without teamId, a personal goal. */
export const POST = workspaceRoute({ permission: 'goals.write', body: 'json' }, async ({ tenant, member, body }) =>
  Response.json(await createGoal(tenant, member, body), { status: 201 }),
);
