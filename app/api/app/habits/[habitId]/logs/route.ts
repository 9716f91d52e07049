import { logHabitSchema, unlogHabitSchema } from '@/lib/habits/habit-schema';
import { logHabit, unlogHabit } from '@/lib/habits/habit-logs';
import { id, workspaceRoute } from '@/lib/http/route';

// Logs of one of the member's own habits, by the workspace's calendar date.
const params = { habitId: id };

/** Body { date?: 'YYYY-MM-DD' (default today), note?: string }: 201 with the new streak. */
export const POST = workspaceRoute({ permission: 'habits.write', params, body: logHabitSchema }, async ({ tenant, member, params, body }) =>
  Response.json(await logHabit(tenant, member, params.habitId, body), { status: 201 }),
);

/** ?date=YYYY-MM-DD (default today): takes that day's log back, answers the new streak. */
export const DELETE = workspaceRoute({ permission: 'habits.write', params, query: unlogHabitSchema }, async ({ tenant, member, params, query }) =>
  Response.json({ habit: await unlogHabit(tenant, member, params.habitId, query.date) }),
);
