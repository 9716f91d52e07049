import { z } from 'zod';

// A calendar connection's settings (IntegrationConnection.settings), shared by Google and
// Outlook: which calendar events go into, and which of the member's goals sync.

export const goalSelectionSchema = z.union([
  z.enum(['all', 'team']),
  z.object({ ids: z.array(z.string().trim().min(1).max(64)).max(500) }),
]);

export const calendarSettingsSchema = z.object({
  /** The provider's calendar id; 'primary' is the account's main calendar at Google, the default one at Outlook. */
  calendarId: z.string().trim().min(1).max(1024).default('primary'),
  /** 'all' of the member's goals, their 'team' goals only, or a list of goal ids. */
  goals: goalSelectionSchema.default('all'),
});

export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;
export type GoalSelection = z.infer<typeof goalSelectionSchema>;

/** The stored settings, or the defaults for anything missing or unreadable (a sync never fails on them). */
export function readCalendarSettings(stored: unknown): CalendarSettings {
  const parsed = calendarSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const fallback = calendarSettingsSchema.parse({});
  const partial = (stored ?? {}) as Record<string, unknown>;
  const calendarId = calendarSettingsSchema.shape.calendarId.safeParse(partial.calendarId);
  const goals = goalSelectionSchema.safeParse(partial.goals);
  return { calendarId: calendarId.success ? calendarId.data : fallback.calendarId, goals: goals.success ? goals.data : fallback.goals };
}
