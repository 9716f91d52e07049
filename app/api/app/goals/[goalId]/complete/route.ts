import { completeGoal } from '@/lib/goals/goal-status';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** Status completed, progress 100 (the rest of the way counts as the caller's contribution). */
export const POST = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (_req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await completeGoal(tenant, member, goalId), { headers: { 'cache-control': 'private, no-store' } });
  }),
);
