import { archiveGoal } from '@/lib/goals/goal-status';
import { id, workspaceRoute } from '@/lib/http/route';

/** Hides the goal from active lists; archived goals are read-only. */
export const POST = workspaceRoute({ permission: 'goals.write', params: { goalId: id } }, async ({ tenant, member, params }) =>
  Response.json(await archiveGoal(tenant, member, params.goalId)),
);
