import { goalContributions, setGoalProgress } from '@/lib/goals/goal-progress';
import { id, workspaceRoute } from '@/lib/http/route';

const params = { goalId: id };

/** Each member's contribution to the goal and their share. */
export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) =>
  Response.json({ contributions: await goalContributions(tenant, member, params.goalId) }),
);

/** { progress: 0-100, note? }: sets the progress; the change is recorded as the caller's contribution. */
export const POST = workspaceRoute({ permission: 'goals.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json(await setGoalProgress(tenant, member, params.goalId, body)),
);
