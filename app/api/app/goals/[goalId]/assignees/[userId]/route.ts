import { changeAssigneeRole, removeAssignee } from '@/lib/goals/goal-assignees';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

type Context = Params<'goalId' | 'userId'>;
const PRIVATE = { 'cache-control': 'private, no-store' };

/** { role: "lead" | "contributor" }; answers the goal. */
export const PATCH = withErrors<Context>(
  withMember<Context>('goals.write', async (req, { tenant, member, params }) => {
    const { goalId, userId } = await params;
    return Response.json(await changeAssigneeRole(tenant, member, goalId, userId, await readJson(req)), { headers: PRIVATE });
  }),
);

/** Unassigns (editors, or the assignee themselves); answers the goal. */
export const DELETE = withErrors<Context>(
  withMember<Context>('goals.write', async (_req, { tenant, member, params }) => {
    const { goalId, userId } = await params;
    return Response.json(await removeAssignee(tenant, member, goalId, userId), { headers: PRIVATE });
  }),
);
