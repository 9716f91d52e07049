import { deleteGoal, getGoal, updateGoal } from '@/lib/goals/goals';
import { id, workspaceRoute } from '@/lib/http/route';

// One goal. Personal goals of others and goals of other workspaces are 404 (lib/goals/goal-access.ts).
const params = { goalId: id };

export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) => Response.json(await getGoal(tenant, member, params.goalId)));

/** { title?, description?, targetDate?, targetValue?, unit? }; status changes have their own routes (complete, reopen, archive, unarchive). */
export const PATCH = workspaceRoute({ permission: 'goals.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await updateGoal(tenant, member, params.goalId, body)),
);

export const DELETE = workspaceRoute({ permission: 'goals.write', params }, async ({ tenant, member, params }) => {
  await deleteGoal(tenant, member, params.goalId);
  return new Response(null, { status: 204 });
});
