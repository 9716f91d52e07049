import { updateHabitSchema } from '@/lib/habits/habit-schema';
import { deleteHabit, getHabit, updateHabit } from '@/lib/habits/habits';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

// One of the member's own habits; anyone else's is a 404 (see lib/habits/owned-habit.ts).
const PRIVATE = { 'cache-control': 'private, no-store' };

export const GET = withErrors<Params<'habitId'>>(
  withMember<Params<'habitId'>>('workspace.read', async (_req, { tenant, member, params }) => {
    const { habitId } = await params;
    return Response.json(await getHabit(tenant, member, habitId), { headers: PRIVATE });
  }),
);

/** Name, description, schedule; { archived: true | false } archives or restores. */
export const PATCH = withErrors<Params<'habitId'>>(
  withMember<Params<'habitId'>>('habits.write', async (req, { tenant, member, params }) => {
    const { habitId } = await params;
    const input = updateHabitSchema.parse(await readJson(req));
    return Response.json(await updateHabit(tenant, member, habitId, input), { headers: PRIVATE });
  }),
);

export const DELETE = withErrors<Params<'habitId'>>(
  withMember<Params<'habitId'>>('habits.write', async (_req, { tenant, member, params }) => {
    const { habitId } = await params;
    await deleteHabit(tenant, member, habitId);
    return new Response(null, { status: 204 });
  }),
);
