import { deleteGoal, getGoal, updateGoal } from '@/lib/goals/goals';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

// One goal. Personal goals of others and goals of other workspaces are 404 (lib/goals/goal-access.ts).
const PRIVATE = { 'cache-control': 'private, no-store' };

export const GET = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await getGoal(tenant, member, goalId), { headers: PRIVATE });
  }),
);

/** { title?, description?, targetDate? }; status changes have their own routes (complete, reopen, archive, unarchive). */
export const PATCH = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (req, { tenant, member, params }) => {
    const { goalId } = await params;
    return Response.json(await updateGoal(tenant, member, goalId, await readJson(req)), { headers: PRIVATE });
  }),
);

export const DELETE = withErrors<Params<'goalId'>>(
  withMember<Params<'goalId'>>('goals.write', async (_req, { tenant, member, params }) => {
    const { goalId } = await params;
    await deleteGoal(tenant, member, goalId);
    return new Response(null, { status: 204 });
  }),
);
