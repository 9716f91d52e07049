import { AppError } from '../../http/problem.ts';
import { accessTokenFor, recordProviderFailure, requireConnection } from '../connections.ts';
import { ProviderError } from '../provider-error.ts';
import { slackCall, slackClient } from './slack-client.ts';

// The Slack channels an admin can map notifications to: public channels (the bot posts there
// with chat:write.public without joining) and the private ones the bot was invited to.

export interface SlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
}

const PAGE_SIZE = 200;
const MAX_PAGES = 10;

/** A provider failure as the answer an admin sees (never a 500). */
export async function providerProblem(error: unknown, connectionId: string): Promise<never> {
  if (!(error instanceof ProviderError)) throw error;
  if (error.needsAttention) {
    await recordProviderFailure(connectionId, error, 'sync');
    throw new AppError(409, 'integration_not_connected', 'Slack no longer accepts this connection (it was removed or revoked in Slack): reconnect Slack.');
  }
  if (error.kind === 'rate_limited') throw new AppError(503, 'service_unavailable', `Slack asks us to wait${error.retryAfterSeconds ? ` ${error.retryAfterSeconds} s` : ''}: try again shortly.`);
  throw new AppError(503, 'service_unavailable', `Slack did not answer as expected (${error.message}): try again in a minute.`);
}

/** The workspace's Slack channels (up to 2,000), by name. */
export async function listSlackChannels(tenantId: string): Promise<SlackChannel[]> {
  const connection = await requireConnection(tenantId, 'slack', null);
  try {
    const client = slackClient(await accessTokenFor(connection));
    const channels: SlackChannel[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await slackCall('conversations.list', () => client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: PAGE_SIZE, cursor }));
      for (const channel of result.channels ?? []) {
        if (channel.id && channel.name && !channel.is_archived) channels.push({ id: channel.id, name: channel.name, isPrivate: Boolean(channel.is_private) });
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return channels.sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    return providerProblem(error, connection.id);
  }
}
