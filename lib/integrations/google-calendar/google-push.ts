import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { env } from '../../config/env.ts';
import { db } from '../../db/client.ts';
import type { IntegrationConnection } from '../../db/generated/client.ts';
import { logger } from '../../observability/logger.ts';
import { requestSync } from '../sync-runner.ts';
import { calendarApi } from './google-calendar-provider.ts';
import { googleError } from './google-errors.ts';

// Google Calendar push notifications (watch channels): when INTEGRATIONS_PUSH_URL is a public
// https base, each connection watches its calendar and Google POSTs to
// /api/integrations/google-calendar/push on a change; that only asks for a sync (the sync reads
// the changes by sync token). Without it the scheduler polls. The channel's token is a secret
// kept as SHA-256 and compared in constant time.

export const PUSH_PATH = '/api/integrations/google-calendar/push';
/** Google caps channels at about a week; renewed by the sync when less than a day is left. */
const CHANNEL_TTL_SECONDS = 7 * 24 * 3600;
const RENEW_WITHIN_MS = 24 * 3600_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function tokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export function pushAddress(): string | null {
  const base = env().INTEGRATIONS_PUSH_URL;
  return base ? new URL(PUSH_PATH, base).toString() : null;
}

/** Stops the connection's channel at Google (best effort: it expires by itself) and forgets it. */
export async function stopPushChannel(connection: Pick<IntegrationConnection, 'id' | 'pushChannelId' | 'pushResourceId'>, accessToken: string | null): Promise<void> {
  if (!connection.pushChannelId) return;
  if (accessToken && connection.pushResourceId) {
    try {
      await calendarApi(accessToken).channels.stop({ requestBody: { id: connection.pushChannelId, resourceId: connection.pushResourceId } });
    } catch (error) {
      logger().warn({ err: googleError(error, 'Stopping the push channel'), connectionId: connection.id }, 'google-calendar: could not stop a push channel');
    }
  }
  await db.integrationConnection.updateMany({ where: { id: connection.id }, data: { pushChannelId: null, pushChannelTokenHash: null, pushResourceId: null, pushExpiresAt: null } });
}

/**
 * Makes sure the connection has a live channel on its calendar when push is configured (a new
 * one when missing, expiring or watching another calendar), and none when it is not.
 */
export async function ensurePushChannel(connection: IntegrationConnection, accessToken: string, calendarId: string, now: Date): Promise<void> {
  const address = pushAddress();
  const watching = (connection.settings as { pushCalendarId?: unknown } | null)?.pushCalendarId;
  if (!address) {
    if (connection.pushChannelId) await stopPushChannel(connection, accessToken);
    return;
  }
  if (connection.pushChannelId && connection.pushExpiresAt && connection.pushExpiresAt.getTime() - now.getTime() > RENEW_WITHIN_MS && watching === calendarId) return;
  if (connection.pushChannelId) await stopPushChannel(connection, accessToken);
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  let channel;
  try {
    ({ data: channel } = await calendarApi(accessToken).events.watch({
      calendarId,
      requestBody: { id, type: 'web_hook', address, token, params: { ttl: String(CHANNEL_TTL_SECONDS) } },
    }));
  } catch (error) {
    throw googleError(error, 'Watching the calendar');
  }
  await db.integrationConnection.update({
    where: { id: connection.id },
    data: {
      pushChannelId: id,
      pushChannelTokenHash: hashToken(token),
      pushResourceId: channel.resourceId ?? null,
      pushExpiresAt: channel.expiration ? new Date(Number(channel.expiration)) : new Date(now.getTime() + CHANNEL_TTL_SECONDS * 1000),
      settings: { ...((connection.settings as Record<string, unknown> | null) ?? {}), pushCalendarId: calendarId },
    },
  });
}

export type PushOutcome = 'sync_requested' | 'acknowledged' | 'unknown_channel' | 'bad_token';

/**
 * One notification from Google (its X-Goog-* headers). A known channel with its token asks for
 * a sync; Google's first message on a channel ("sync") only confirms it.
 */
export async function receiveGooglePush(headers: Headers): Promise<PushOutcome> {
  const channelId = headers.get('x-goog-channel-id');
  const token = headers.get('x-goog-channel-token') ?? '';
  if (!channelId || channelId.length > 200) return 'unknown_channel';
  const connection = await db.integrationConnection.findUnique({ where: { pushChannelId: channelId }, select: { id: true, status: true, pushChannelTokenHash: true, pushResourceId: true } });
  if (!connection) return 'unknown_channel';
  if (!tokenMatches(token, connection.pushChannelTokenHash)) return 'bad_token';
  const resourceId = headers.get('x-goog-resource-id');
  if (connection.pushResourceId && resourceId && resourceId !== connection.pushResourceId) return 'unknown_channel';
  if (headers.get('x-goog-resource-state') === 'sync' || connection.status !== 'active') return 'acknowledged';
  await requestSync(connection.id, 'push');
  return 'sync_requested';
}
