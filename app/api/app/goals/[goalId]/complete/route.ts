import { completeGoal } from '@/lib/goals/goal-status';
import { id, workspaceRoute } from '@/lib/http/route';

/** Status completed, progress 100 (the rest of the way counts as the caller's contribution). */
export const POST = workspaceRoute({ permission: 'goals.write', params: { goalId: id } }, async ({ tenant, member, params }) =>
  Response.json(await completeGoal(tenant, member, params.goalId)),
);
