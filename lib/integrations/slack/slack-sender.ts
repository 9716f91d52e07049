import { accessTokenFor, connectionFor, recordProviderFailure, recordProviderSuccess } from '../connections.ts';
import type { NotificationSender } from '../notifications/notification-message.ts';
import { ProviderError } from '../provider-error.ts';
import { slackPost } from './slack-blocks.ts';
import { slackCall, slackClient } from './slack-client.ts';

// Slack's NotificationSender: chat.postMessage with the workspace connection's bot token to
// the route's channel. A refused token marks the connection "needs attention" (its installer
// is emailed); the caller decides about retries from the ProviderError.

export const slackSender: NotificationSender = {
  async send({ route, message }) {
    if (!route.channelId) throw new ProviderError('invalid', 'This route has no Slack channel.');
    const connection = await connectionFor(route.tenantId, 'slack', null);
    if (!connection) throw new ProviderError('invalid', 'Slack is not connected in this workspace: an admin connects it.');
    const token = await accessTokenFor(connection);
    try {
      const result = await slackCall('chat.postMessage', () => slackClient(token).chat.postMessage(slackPost(route.channelId!, message)));
      await recordProviderSuccess(connection.id);
      return { externalId: result.ts ?? null };
    } catch (error) {
      if (error instanceof ProviderError && error.needsAttention) await recordProviderFailure(connection.id, error, 'sync');
      throw error;
    }
  },
};
