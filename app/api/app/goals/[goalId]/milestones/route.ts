import { getGoal } from '@/lib/goals/goals';
import { addMilestone } from '@/lib/goals/milestones';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

const PRIVATE = { 'cache-control': 'private, no-store' };

/** The goal's milestones in order. */
export const GET = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json({ milestones: (await getGoal(tenant, member, goalId)).milestoneList }, { headers: PRIVATE });
  }),
);

/** { title, dueDate? }: appends a milestone; answers the goal. */
export const POST = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await addMilestone(tenant, member, goalId, await readJson(req)), { status: 201, headers: PRIVATE });
  }),
);
