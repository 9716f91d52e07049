import { calendarConnectionsForEvent } from '../calendar/calendar-events.ts';
import { calendarSettingsSchema } from '../calendar/calendar-settings.ts';
import { requestSync } from '../sync-runner.ts';
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
  async onEvent(event, installationId) {
    for (const connectionId of await calendarConnectionsForEvent(event, installationId)) await requestSync(connectionId, 'change');
  },
  async onDisconnect(connection, accessToken) {
    await stopPushChannel(connection, accessToken);
  },
};
