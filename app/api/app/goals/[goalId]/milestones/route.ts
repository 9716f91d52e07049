import { getGoal } from '@/lib/goals/goals';
import { addMilestone } from '@/lib/goals/milestones';
import { id, workspaceRoute } from '@/lib/http/route';

const params = { goalId: id };

/** The goal's milestones in order. */
export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) =>
  Response.json({ milestones: (await getGoal(tenant, member, params.goalId)).milestoneList }),
);

/** { title, dueDate? }: appends a milestone; answers the goal. */
export const POST = workspaceRoute({ permission: 'goals.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await addMilestone(tenant, member, params.goalId, body), { status: 201 }),
);
