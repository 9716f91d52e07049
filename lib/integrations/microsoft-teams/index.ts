import { notifyEvent } from '../notifications/route-notification.ts';
import type { IntegrationModule } from '../types.ts';
import { manifest } from './manifest.ts';

// Notifications only: no account to connect (each channel route carries its own webhook URL).
export const integration: IntegrationModule = {
  manifest,
  async onEvent(event, installationId) {
    await notifyEvent(event, installationId);
  },
};
