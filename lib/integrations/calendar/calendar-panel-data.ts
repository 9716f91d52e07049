import type { Member } from '../../auth/session.ts';
import { tenantDb } from '../../db/tenant-db.ts';
import { formatDateOnly } from '../../goals/dates.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { accessTokenFor, connectionFor } from '../connections.ts';
import { ProviderError } from '../provider-error.ts';
import type { IntegrationId } from '../types.ts';
import type { CalendarProvider, CalendarSummary } from './calendar-provider.ts';
import { readCalendarSettings, type CalendarSettings } from './calendar-settings.ts';
import { selectedGoalsWhere } from './calendar-subjects.ts';

// What a calendar integration's settings panel shows the member: their settings, the
// calendars of their account (read live; the panel still works when the provider does not
// answer) and the goals they may pick from.

export interface CalendarPanelData {
  settings: CalendarSettings;
  /** Calendars events can go into; null when the provider could not be asked. */
  calendars: CalendarSummary[] | null;
  calendarsError: string | null;
  goals: { id: string; title: string; targetDate: string | null; team: boolean }[];
}

/** Null when the member has not connected this calendar. */
export async function calendarPanelData(tenant: TenantContext, member: Member, id: IntegrationId, provider: CalendarProvider): Promise<CalendarPanelData | null> {
  const connection = await connectionFor(tenant.id, id, member.userId);
  if (!connection) return null;
  let calendars: CalendarSummary[] | null = null;
  let calendarsError: string | null = null;
  try {
    if (connection.status !== 'active') throw new ProviderError('auth', 'Reconnect to pick a calendar.');
    calendars = (await provider.listCalendars(await accessTokenFor(connection))).filter((calendar) => calendar.canWrite);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    calendarsError = error.needsAttention ? 'Reconnect to pick a calendar.' : 'The calendars could not be read just now; try again later.';
  }
  const goals = await tenantDb(tenant.id).goal.findMany({
    where: selectedGoalsWhere(member, 'all'),
    select: { id: true, title: true, targetDate: true, teamId: true },
    orderBy: [{ targetDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    take: 500,
  });
  return {
    settings: readCalendarSettings(connection.settings),
    calendars,
    calendarsError,
    goals: goals.map((goal) => ({ id: goal.id, title: goal.title, targetDate: goal.targetDate ? formatDateOnly(goal.targetDate) : null, team: goal.teamId !== null })),
  };
}
