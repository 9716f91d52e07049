import { removeMilestone, updateMilestone } from '@/lib/goals/milestones';
import { id, workspaceRoute } from '@/lib/http/route';

const params = { goalId: id, milestoneId: id };

/** { title?, dueDate?, completed? }; answers the goal. */
export const PATCH = workspaceRoute({ permission: 'goals.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await updateMilestone(tenant, member, params.goalId, params.milestoneId, body)),
);

/** Answers the goal without the milestone. */
export const DELETE = workspaceRoute({ permission: 'goals.write', params }, async ({ tenant, member, params }) =>
  Response.json(await removeMilestone(tenant, member, params.goalId, params.milestoneId)),
);
