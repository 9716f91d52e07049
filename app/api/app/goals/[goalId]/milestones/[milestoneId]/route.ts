import { removeMilestone, updateMilestone } from '@/lib/goals/milestones';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

type Context = Params<'goalId' | 'milestoneId'>;
const PRIVATE = { 'cache-control': 'private, no-store' };

/** { title?, dueDate?, completed? }; answers the goal. */
export const PATCH = withErrors<Context>(
  withMember<Context>('goals.write', async (req, { tenant, member, params }) => {
    const { goalId, milestoneId } = await params;
    return Response.json(await updateMilestone(tenant, member, goalId, milestoneId, await readJson(req)), { headers: PRIVATE });
  }),
);

/** Answers the goal without the milestone. */
export const DELETE = withErrors<Context>(
  withMember<Context>('goals.write', async (_req, { tenant, member, params }) => {
    const { goalId, milestoneId } = await params;
    return Response.json(await removeMilestone(tenant, member, goalId, milestoneId), { headers: PRIVATE });
  }),
);
