import { reorderMilestones } from '@/lib/goals/milestones';
import { id, workspaceRoute } from '@/lib/http/route';

/** { ids: [...] }: every milestone of the goal, once each, in the new order; answers the goal. */
export const PUT = workspaceRoute({ permission: 'goals.write', params: { goalId: id }, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await reorderMilestones(tenant, member, params.goalId, body)),
);
