import { id, workspaceRoute } from '@/lib/http/route';
import { deleteReminder, getReminder, setReminder } from '@/lib/notifications/reminders';

// The reminder of one of the member's own habits (anyone else's habit: 404).
const params = { habitId: id };

/** { reminder: { time, enabled, nextAt, snoozedUntil, timeZone } | null }. */
export const GET = workspaceRoute({ permission: 'workspace.read', params }, async ({ tenant, member, params }) => Response.json({ reminder: await getReminder(tenant, member, params.habitId) }));

/** { time: 'HH:MM', enabled? }: in the member's time zone, on the habit's scheduled days. */
export const PUT = workspaceRoute({ permission: 'habits.write', params, body: 'json' }, async ({ tenant, member, params, body }) =>
  Response.json({ reminder: await setReminder(tenant, member, params.habitId, body) }),
);

export const DELETE = workspaceRoute({ permission: 'habits.write', params }, async ({ tenant, member, params }) => {
  await deleteReminder(tenant, member, params.habitId);
  return new Response(null, { status: 204 });
});
