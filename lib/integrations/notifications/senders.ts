import { teamsSender } from '../microsoft-teams/teams-sender.ts';
import { slackSender } from '../slack/slack-sender.ts';
import type { IntegrationId } from '../types.ts';
import type { NotificationSender } from './notification-message.ts';

// Which sender delivers a route's messages, by the installation's provider. A new channel
// integration adds one line.
const SENDERS: Partial<Record<IntegrationId, NotificationSender>> = {
  slack: slackSender,
  'microsoft-teams': teamsSender,
};

export function senderFor(provider: string): NotificationSender | null {
  return SENDERS[provider as IntegrationId] ?? null;
}
