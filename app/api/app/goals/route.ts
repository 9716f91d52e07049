import { goalSearchSchema } from '@/lib/goals/goal-schema';
import { createGoal, searchGoals } from '@/lib/goals/goals';
import { workspaceRoute } from '@/lib/http/route';

/**
 * One page of the member's goals and their teams' goals: ?status, ?teamId, ?scope=all|personal|team,
 * ?q, ?assignee=me|<userId>, ?due=overdue|week|month|none, ?sort, ?page, ?pageSize. Bad values: 400.
 */
export const GET = workspaceRoute({ permission: 'workspace.read', query: goalSearchSchema }, async ({ tenant, member, query }) =>
  Response.json(await searchGoals(tenant, member, query)),
);

/** { title, description?, targetDate?: "YYYY-MM-DD", targetValue?, unit?, teamId? } — without teamId, a personal goal. */
export const POST = workspaceRoute({ permission: 'goals.write', body: 'json' }, async ({ tenant, member, body }) =>
  Response.json(await createGoal(tenant, member, body), { status: 201 }),
);
