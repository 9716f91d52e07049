import { createHabitSchema, type HabitList } from '@/lib/habits/habit-schema';
import { createHabit, listHabits } from '@/lib/habits/habits';
import { workspaceRoute } from '@/lib/http/route';

// The signed-in member's own habits on this workspace. Personal data: never cached (the builder's default).

export const GET = workspaceRoute({ permission: 'workspace.read' }, async ({ tenant, member }) => {
  const body: HabitList = { habits: await listHabits(tenant, member) };
  return Response.json(body);
});

export const POST = workspaceRoute({ permission: 'habits.write', body: createHabitSchema }, async ({ tenant, member, body }) =>
  Response.json(await createHabit(tenant, member, body), { status: 201 }),
);
