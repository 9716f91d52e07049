import { createHabitSchema, habitSearchSchema } from '@/lib/habits/habit-schema';
import { createHabit, searchHabits } from '@/lib/habits/habits';
import { workspaceRoute } from '@/lib/http/route';

// The signed-in member's own habits on this workspace. Personal data: never cached (the builder's default).

/** One page: ?q, ?status=active|archived|all, ?today=due|done, ?schedule, ?sort=created|name|streak, ?page, ?pageSize. Bad values: 400. */
export const GET = workspaceRoute({ permission: 'workspace.read', query: habitSearchSchema }, async ({ tenant, member, query }) =>
  Response.json(await searchHabits(tenant, member, query)),
);

export const POST = workspaceRoute({ permission: 'habits.write', body: createHabitSchema }, async ({ tenant, member, body }) =>
  Response.json(await createHabit(tenant, member, body), { status: 201 }),
);
