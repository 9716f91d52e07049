import { unarchiveGoal } from '@/lib/goals/goal-status';
import { id, workspaceRoute } from '@/lib/http/route';

/** Back to completed if it was completed before archiving, else active. */
export const POST = workspaceRoute({ permission: 'goals.write', params: { goalId: id } }, async ({ tenant, member, params }) =>
  Response.json(await unarchiveGoal(tenant, member, params.goalId)),
);
