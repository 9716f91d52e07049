import { archiveGoal } from '@/lib/goals/goal-status';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** Hides the goal from active lists; archived goals are read-only. */
export const POST = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (_req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await archiveGoal(tenant, member, goalId), { headers: { 'cache-control': 'private, no-store' } });
  }),
);
