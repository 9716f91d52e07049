import { changeAssigneeRole, removeAssignee } from '@/lib/goals/goal-assignees';
import { id, workspaceRoute } from '@/lib/http/route';

const params = { goalId: id, userId: id };

/** { role: "lead" | "contributor" }; answers the goal. */
export const PATCH = workspaceRoute({ permission: 'goals.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await changeAssigneeRole(tenant, member, params.goalId, params.userId, body)),
);

/** Unassigns (editors, or the assignee themselves); answers the goal. */
export const DELETE = workspaceRoute({ permission: 'goals.write', params }, async ({ tenant, member, params }) =>
  Response.json(await removeAssignee(tenant, member, params.goalId, params.userId)),
);
