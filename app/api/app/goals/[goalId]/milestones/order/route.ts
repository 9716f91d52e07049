import { reorderMilestones } from '@/lib/goals/milestones';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** { ids: [...] }: every milestone of the goal, once each, in the new order; answers the goal. */
export const PUT = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await reorderMilestones(tenant, member, goalId, await readJson(req)), { headers: { 'cache-control': 'private, no-store' } });
  }),
);
