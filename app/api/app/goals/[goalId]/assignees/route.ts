import { addAssignee } from '@/lib/goals/goal-assignees';
import { getGoal } from '@/lib/goals/goals';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

const PRIVATE = { 'cache-control': 'private, no-store' };

/** Who works on the goal, with their roles (lead or contributor). */
export const GET = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json({ assignees: (await getGoal(tenant, member, goalId)).assignees }, { headers: PRIVATE });
  }),
);

/** { userId, role?: "lead" | "contributor" }: assigns a member of the goal's team; answers the goal. */
export const POST = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await addAssignee(tenant, member, goalId, await readJson(req)), { status: 201, headers: PRIVATE });
  }),
);
