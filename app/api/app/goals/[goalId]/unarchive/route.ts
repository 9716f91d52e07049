import { unarchiveGoal } from '@/lib/goals/goal-status';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** Back to completed if it was completed before archiving, else active. */
export const POST = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (_req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await unarchiveGoal(tenant, member, goalId), { headers: { 'cache-control': 'private, no-store' } });
  }),
);
