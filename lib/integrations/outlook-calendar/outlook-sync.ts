import { logger } from '../../observability/logger.ts';
import { readCalendarSettings } from '../calendar/calendar-settings.ts';
import { syncCalendar } from '../calendar/sync-calendar.ts';
import { ProviderError } from '../provider-error.ts';
import type { SyncContext, SyncSummary } from '../types.ts';
import { graphCalendarProvider } from './graph-calendar.ts';
import { ensureSubscription } from './graph-subscriptions.ts';

/** One sync of an Outlook connection: the shared engine, then the change subscription kept alive. */
export async function syncOutlookCalendar(ctx: SyncContext): Promise<SyncSummary> {
  const summary = await syncCalendar(ctx, graphCalendarProvider);
  try {
    await ensureSubscription(ctx.connection, await ctx.accessToken(), readCalendarSettings(ctx.connection.settings).calendarId, ctx.now);
  } catch (error) {
    // Notifications only make syncs sooner; polling still runs, so the sync itself succeeded.
    if (!(error instanceof ProviderError) || error.needsAttention) throw error;
    logger().warn({ err: error, connectionId: ctx.connection.id }, 'outlook-calendar: could not subscribe to calendar changes');
    await ctx.log({ level: 'warning', kind: 'sync', message: `Microsoft Graph did not accept a change subscription (${error.message}); changes made in Outlook are picked up by polling.` });
  }
  return summary;
}
