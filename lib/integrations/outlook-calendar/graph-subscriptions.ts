import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { env } from '../../config/env.ts';
import { db } from '../../db/client.ts';
import type { IntegrationConnection } from '../../db/generated/client.ts';
import { logger } from '../../observability/logger.ts';
import { ProviderError } from '../provider-error.ts';
import { requestSync } from '../sync-runner.ts';
import { graphCall, graphClient } from './graph-client.ts';

// Microsoft Graph change notifications: when INTEGRATIONS_PUSH_URL is a public https base, each
// connection subscribes to its calendar's events and Graph POSTs to
// /api/integrations/outlook-calendar/push on a change; that only asks for a sync (the sync reads
// the changes through the delta link). Without it the scheduler polls. The subscription's
// clientState is a secret kept as SHA-256 and compared in constant time.

export const PUSH_PATH = '/api/integrations/outlook-calendar/push';
/** Under Graph's limit for Outlook event subscriptions; the sync renews it when less than a day is left. */
const SUBSCRIPTION_TTL_MS = 4200 * 60_000;
const RENEW_WITHIN_MS = 24 * 3600_000;

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function secretMatches(secret: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export function pushAddress(): string | null {
  const base = env().INTEGRATIONS_PUSH_URL;
  return base ? new URL(PUSH_PATH, base).toString() : null;
}

/** The Graph resource of a calendar's events ('primary': the default calendar). */
function eventsResource(calendarId: string): string {
  return !calendarId || calendarId === 'primary' ? 'me/events' : `me/calendars/${encodeURIComponent(calendarId)}/events`;
}

const forget = { pushChannelId: null, pushChannelTokenHash: null, pushResourceId: null, pushExpiresAt: null };

/** Deletes the connection's subscription at Graph (best effort: it expires by itself) and forgets it. */
export async function deleteSubscription(connection: Pick<IntegrationConnection, 'id' | 'pushChannelId'>, accessToken: string | null): Promise<void> {
  if (!connection.pushChannelId) return;
  if (accessToken) {
    try {
      await graphCall('deleting the change subscription', () => graphClient(accessToken).api(`/subscriptions/${encodeURIComponent(connection.pushChannelId!)}`).delete() as Promise<unknown>);
    } catch (error) {
      logger().warn({ err: error, connectionId: connection.id }, 'outlook-calendar: could not delete a change subscription');
    }
  }
  await db.integrationConnection.updateMany({ where: { id: connection.id }, data: forget });
}

interface GraphSubscription {
  id: string;
  expirationDateTime?: string;
}

/**
 * Makes sure the connection has a live subscription to its calendar when push is configured
 * (renewed when it runs out within a day, a new one when missing or on another calendar), and
 * none when it is not.
 */
export async function ensureSubscription(connection: IntegrationConnection, accessToken: string, calendarId: string, now: Date): Promise<void> {
  const address = pushAddress();
  const resource = eventsResource(calendarId);
  if (!address) {
    if (connection.pushChannelId) await deleteSubscription(connection, accessToken);
    return;
  }
  const expiration = new Date(now.getTime() + SUBSCRIPTION_TTL_MS);
  const client = graphClient(accessToken);
  if (connection.pushChannelId && connection.pushResourceId === resource) {
    if (connection.pushExpiresAt && connection.pushExpiresAt.getTime() - now.getTime() > RENEW_WITHIN_MS) return;
    try {
      const renewed = (await graphCall('renewing the change subscription', () =>
        client.api(`/subscriptions/${encodeURIComponent(connection.pushChannelId!)}`).patch({ expirationDateTime: expiration.toISOString() }),
      )) as GraphSubscription;
      await db.integrationConnection.update({ where: { id: connection.id }, data: { pushExpiresAt: renewed.expirationDateTime ? new Date(renewed.expirationDateTime) : expiration } });
      return;
    } catch (error) {
      // Expired or removed at Graph: subscribe again below.
      if (!(error instanceof ProviderError && error.kind === 'not_found')) throw error;
      await db.integrationConnection.update({ where: { id: connection.id }, data: forget });
    }
  } else if (connection.pushChannelId) {
    await deleteSubscription(connection, accessToken);
  }
  const clientState = randomBytes(32).toString('base64url');
  // Graph first POSTs a validationToken to the address and only subscribes when it is echoed.
  const subscription = (await graphCall('subscribing to calendar changes', () =>
    client.api('/subscriptions').post({ changeType: 'created,updated,deleted', notificationUrl: address, resource, expirationDateTime: expiration.toISOString(), clientState }),
  )) as GraphSubscription;
  await db.integrationConnection.update({
    where: { id: connection.id },
    data: {
      pushChannelId: subscription.id,
      pushChannelTokenHash: hashSecret(clientState),
      pushResourceId: resource,
      pushExpiresAt: subscription.expirationDateTime ? new Date(subscription.expirationDateTime) : expiration,
    },
  });
}

const notificationsSchema = z.object({
  value: z
    .array(z.object({ subscriptionId: z.string().min(1).max(200), clientState: z.string().max(256).nullish() }).passthrough())
    .min(1)
    .max(1000),
});

export type NotificationsInput = z.infer<typeof notificationsSchema>;

export function parseNotifications(body: unknown): NotificationsInput | null {
  const parsed = notificationsSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/**
 * A batch of change notifications. Each one naming a subscription we hold, with its clientState,
 * asks for one sync of that connection; the others are counted and dropped.
 */
export async function receiveGraphNotifications(input: NotificationsInput): Promise<{ syncRequested: number; unknown: number; badClientState: number }> {
  const result = { syncRequested: 0, unknown: 0, badClientState: 0 };
  const requested = new Set<string>();
  for (const notification of input.value) {
    const connection = await db.integrationConnection.findUnique({ where: { pushChannelId: notification.subscriptionId }, select: { id: true, status: true, pushChannelTokenHash: true } });
    if (!connection) {
      result.unknown++;
      continue;
    }
    if (!secretMatches(notification.clientState ?? '', connection.pushChannelTokenHash)) {
      result.badClientState++;
      continue;
    }
    if (connection.status !== 'active' || requested.has(connection.id)) continue;
    requested.add(connection.id);
    await requestSync(connection.id, 'push');
    result.syncRequested++;
  }
  return result;
}
