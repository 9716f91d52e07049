import { id, workspaceRoute } from '@/lib/http/route';
import { snoozeReminder } from '@/lib/notifications/reminders';

/** { minutes? } (default 60): today's reminder comes again in that many minutes. */
export const POST = workspaceRoute({ permission: 'habits.write', params: { habitId: id }, body: 'optional-json' }, async ({ tenant, member, params, body }) =>
  Response.json({ reminder: await snoozeReminder(tenant, member, params.habitId, body) }),
);
