import { createHabitSchema, type HabitList } from '@/lib/habits/habit-schema';
import { createHabit, listHabits } from '@/lib/habits/habits';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

// The signed-in member's own habits on this workspace. Personal data: never cached.
const PRIVATE = { 'cache-control': 'private, no-store' };

export const GET = withErrors(
  withMember('workspace.read', async (_req, { tenant, member }) => {
    const body: HabitList = { habits: await listHabits(tenant, member) };
    return Response.json(body, { headers: PRIVATE });
  }),
);

export const POST = withErrors(
  withMember('habits.write', async (req, { tenant, member }) => {
    const input = createHabitSchema.parse(await readJson(req));
    return Response.json(await createHabit(tenant, member, input), { status: 201, headers: PRIVATE });
  }),
);
