import { updateHabitSchema } from '@/lib/habits/habit-schema';
import { deleteHabit, getHabit, updateHabit } from '@/lib/habits/habits';
import { id, workspaceRoute } from '@/lib/http/route';

// One of the member's own habits; anyone else's is a 404 (see lib/habits/owned-habit.ts).
const params = { habitId: id };

export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) => Response.json(await getHabit(tenant, member, params.habitId)));

/** Name, description, schedule; { archived: true | false } archives or restores. */
export const PATCH = workspaceRoute({ permission: 'habits.write', params, body: updateHabitSchema }, async ({ tenant, member, params, body }) =>
  Response.json(await updateHabit(tenant, member, params.habitId, body)),
);

export const DELETE = workspaceRoute({ permission: 'habits.write', params }, async ({ tenant, member, params }) => {
  await deleteHabit(tenant, member, params.habitId);
  return new Response(null, { status: 204 });
});
