import { logger } from '../../observability/logger.ts';
import { readCalendarSettings } from '../calendar/calendar-settings.ts';
import { syncCalendar } from '../calendar/sync-calendar.ts';
import { ProviderError } from '../provider-error.ts';
import type { SyncContext, SyncSummary } from '../types.ts';
import { googleCalendarProvider } from './google-calendar-provider.ts';
import { ensurePushChannel } from './google-push.ts';

/** One sync of a Google Calendar connection: the shared engine, then the push channel kept alive. */
export async function syncGoogleCalendar(ctx: SyncContext): Promise<SyncSummary> {
  const summary = await syncCalendar(ctx, googleCalendarProvider);
  try {
    await ensurePushChannel(ctx.connection, await ctx.accessToken(), readCalendarSettings(ctx.connection.settings).calendarId, ctx.now);
  } catch (error) {
    // Push only makes syncs sooner; polling still runs, so the sync itself succeeded.
    if (!(error instanceof ProviderError) || error.needsAttention) throw error;
    logger().warn({ err: error, connectionId: ctx.connection.id }, 'google-calendar: could not watch the calendar');
    await ctx.log({ level: 'warning', kind: 'sync', message: `Google did not accept push notifications (${error.message}); changes made in Google Calendar are picked up by polling.` });
  }
  return summary;
}
