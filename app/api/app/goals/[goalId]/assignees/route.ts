import { addAssignee } from '@/lib/goals/goal-assignees';
import { getGoal } from '@/lib/goals/goals';
import { id, workspaceRoute } from '@/lib/http/route';

const params = { goalId: id };

/** Who works on the goal, with their roles (lead or contributor). */
export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) =>
  Response.json({ assignees: (await getGoal(tenant, member, params.goalId)).assignees }),
);

/** { userId, role?: "lead" | "contributor" }: assigns a member of the goal's team; answers the goal. */
export const POST = workspaceRoute({ permission: 'goals.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await addAssignee(tenant, member, params.goalId, body), { status: 201 }),
);
