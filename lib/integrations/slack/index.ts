import { notifyEvent } from '../notifications/route-notification.ts';
import type { IntegrationModule } from '../types.ts';
import { manifest } from './manifest.ts';
import { slackOAuth } from './slack-oauth.ts';

export const integration: IntegrationModule = {
  manifest,
  oauth: slackOAuth,
  async onEvent(event, installationId) {
    await notifyEvent(event, installationId);
  },
};
