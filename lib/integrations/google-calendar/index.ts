import { syncCalendarsForEvent } from '../calendar/calendar-events.ts';
import { calendarSettingsSchema } from '../calendar/calendar-settings.ts';
import type { IntegrationModule } from '../types.ts';
import { googleOAuth } from './google-oauth.ts';
import { stopPushChannel } from './google-push.ts';
import { syncGoogleCalendar } from './google-sync.ts';
import { manifest } from './manifest.ts';

export const integration: IntegrationModule = {
  manifest,
  oauth: googleOAuth,
  connectionSettings: calendarSettingsSchema,
  sync: syncGoogleCalendar,
  onEvent: syncCalendarsForEvent,
  async onDisconnect(connection, accessToken) {
    await stopPushChannel(connection, accessToken);
  },
};
