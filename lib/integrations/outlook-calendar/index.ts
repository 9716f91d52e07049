import { calendarConnectionsForEvent } from '../calendar/calendar-events.ts';
import { calendarSettingsSchema } from '../calendar/calendar-settings.ts';
import { syncCalendar } from '../calendar/sync-calendar.ts';
import { requestSync } from '../sync-runner.ts';
import type { IntegrationModule } from '../types.ts';
import { graphCalendarProvider } from './graph-calendar.ts';
import { manifest } from './manifest.ts';
import { outlookOAuth } from './oauth.ts';

// Changes made in Outlook arrive by polling the delta link (the scheduler's real-time poll, and
// hourly/daily syncs); Graph change-notification subscriptions are not used yet.
export const integration: IntegrationModule = {
  manifest,
  oauth: outlookOAuth,
  connectionSettings: calendarSettingsSchema,
  sync: (context) => syncCalendar(context, graphCalendarProvider),
  async onEvent(event, installationId) {
    for (const connectionId of await calendarConnectionsForEvent(event, installationId)) await requestSync(connectionId, 'change');
  },
};
