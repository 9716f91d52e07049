import { reopenGoal } from '@/lib/goals/goal-status';
import { id, workspaceRoute } from '@/lib/http/route';

/** A completed goal back to active. */
export const POST = workspaceRoute({ permission: 'goals.write', params: { goalId: id } }, async ({ tenant, member, params }) =>
  Response.json(await reopenGoal(tenant, member, params.goalId)),
);
