import { syncCalendarsForEvent } from '../calendar/calendar-events.ts';
import { calendarSettingsSchema } from '../calendar/calendar-settings.ts';
import type { IntegrationModule } from '../types.ts';
import { deleteSubscription } from './graph-subscriptions.ts';
import { manifest } from './manifest.ts';
import { outlookOAuth } from './oauth.ts';
import { syncOutlookCalendar } from './outlook-sync.ts';

// Changes made in Outlook arrive through Graph change notifications when INTEGRATIONS_PUSH_URL
// is set, and by polling the delta link otherwise (the scheduler's real-time poll, hourly/daily syncs).
export const integration: IntegrationModule = {
  manifest,
  oauth: outlookOAuth,
  connectionSettings: calendarSettingsSchema,
  sync: syncOutlookCalendar,
  onEvent: syncCalendarsForEvent,
  async onDisconnect(connection, accessToken) {
    await deleteSubscription(connection, accessToken);
  },
};
