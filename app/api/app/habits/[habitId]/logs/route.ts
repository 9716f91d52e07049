import { logHabitSchema, unlogHabitSchema } from '@/lib/habits/habit-schema';
import { logHabit, unlogHabit } from '@/lib/habits/habit-logs';
import { readJson } from '@/lib/http/read-json';
import type { Params } from '@/lib/http/route-params';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

// Logs of one of the member's own habits, by the workspace's calendar date.
const PRIVATE = { 'cache-control': 'private, no-store' };

/** Body { date?: 'YYYY-MM-DD' (default today), note?: string }: 201 with the new streak. */
export const POST = withErrors<Params<'habitId'>>(
  withMember<Params<'habitId'>>('habits.write', async (req, { tenant, member, params }) => {
    const { habitId } = await params;
    const input = logHabitSchema.parse(await readJson(req));
    return Response.json(await logHabit(tenant, member, habitId, input), { status: 201, headers: PRIVATE });
  }),
);

/** ?date=YYYY-MM-DD (default today): takes that day's log back, answers the new streak. */
export const DELETE = withErrors<Params<'habitId'>>(
  withMember<Params<'habitId'>>('habits.write', async (req, { tenant, member, params }) => {
    const { habitId } = await params;
    const { date } = unlogHabitSchema.parse({ date: req.nextUrl.searchParams.get('date') ?? undefined });
    return Response.json({ habit: await unlogHabit(tenant, member, habitId, date) }, { headers: PRIVATE });
  }),
);
