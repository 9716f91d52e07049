import { createGoal, listGoals } from '@/lib/goals/goals';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

const PRIVATE = { 'cache-control': 'private, no-store' };

/** The member's goals and their teams' goals; ?status=active|completed|archived, ?teamId=…, ?scope=all|personal|team. */
export const GET = withErrors(
  withMember('workspace.read', async (req, { tenant, member }) => {
    const goals = await listGoals(tenant, member, Object.fromEntries(req.nextUrl.searchParams));
    return Response.json({ goals }, { headers: PRIVATE });
  }),
);

/** { title, description?, targetDate?: "YYYY-MM-DD", teamId? } — without teamId, a personal goal. */
export const POST = withErrors(
  withMember('goals.write', async (req, { tenant, member }) => {
    return Response.json(await createGoal(tenant, member, await readJson(req)), { status: 201, headers: PRIVATE });
  }),
);
