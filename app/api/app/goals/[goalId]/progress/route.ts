import { goalContributions, setGoalProgress } from '@/lib/goals/goal-progress';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

const PRIVATE = { 'cache-control': 'private, no-store' };

/** Each member's contribution to the goal and their share. */
export const GET = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json({ contributions: await goalContributions(tenant, member, goalId) }, { headers: PRIVATE });
  }),
);

/** { progress: 0-100, note? }: sets the progress; the change is recorded as the caller's contribution. */
export const POST = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await setGoalProgress(tenant, member, goalId, await readJson(req)), { headers: PRIVATE });
  }),
);
