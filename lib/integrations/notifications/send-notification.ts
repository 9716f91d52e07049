import { db } from '../../db/client.ts';
import { enqueue } from '../../jobs/queue.ts';
import { logIntegration } from '../log.ts';
import { ProviderError } from '../provider-error.ts';
import type { NotificationMessage } from './notification-message.ts';
import { senderFor } from './senders.ts';

// The integrations.notify job: sends one IntegrationMessage through its route's sender.
// A row is claimed (pending → sending) before the call, so two jobs for one message send it
// once. A provider that asks us to wait (429 with Retry-After, 5xx) gets the message back as
// pending and a new job after max(Retry-After, backoff), up to MAX_ATTEMPTS; anything else
// fails the message with its error, which the integration page's log shows.

export const MAX_ATTEMPTS = 5;
const BACKOFF_SECONDS = [30, 120, 600, 1800];

export type NotifyOutcome = 'sent' | 'skipped' | 'retry_scheduled' | 'failed';

async function logEntry(tenantId: string, installationId: string, level: 'info' | 'warning' | 'error', message: string, detail: Record<string, string | number | null>) {
  await logIntegration({ tenantId, installationId, level, kind: 'notification', message, detail });
}

export async function sendNotification(messageId: string): Promise<NotifyOutcome> {
  const claimed = await db.integrationMessage.updateMany({ where: { id: messageId, status: 'pending' }, data: { status: 'sending', attempts: { increment: 1 } } });
  if (claimed.count === 0) return 'skipped';
  const row = await db.integrationMessage.findUniqueOrThrow({ where: { id: messageId } });
  const route = await db.integrationChannelRoute.findFirst({ where: { id: row.routeId, tenantId: row.tenantId }, include: { installation: { select: { provider: true, uninstalledAt: true } } } });
  const sender = route && !route.installation.uninstalledAt ? senderFor(route.installation.provider) : null;
  if (!route || !sender) {
    // The route was removed (or its integration uninstalled) since the message was routed.
    await db.integrationMessage.update({ where: { id: messageId }, data: { status: 'failed', lastError: 'The channel route no longer exists.' } });
    return 'failed';
  }
  const message = row.payload as unknown as NotificationMessage;
  try {
    await sender.send({ route, message });
    await db.integrationMessage.update({ where: { id: messageId }, data: { status: 'sent', sentAt: new Date(), lastError: null } });
    return 'sent';
  } catch (error) {
    const providerError = error instanceof ProviderError ? error : null;
    const reason = error instanceof Error ? error.message : String(error);
    if (providerError?.retryable && row.attempts < MAX_ATTEMPTS) {
      const delay = Math.max(providerError.retryAfterSeconds ?? 0, BACKOFF_SECONDS[Math.min(row.attempts - 1, BACKOFF_SECONDS.length - 1)]);
      await db.integrationMessage.update({ where: { id: messageId }, data: { status: 'pending', lastError: reason } });
      await enqueue('integrations.notify', { messageId }, { startAfterSeconds: delay, singletonKey: `${messageId}:${row.attempts}` });
      await logEntry(row.tenantId, route.installationId, 'warning', `Sending to ${route.channelName} will be retried in ${delay} s: ${reason}`, { messageId, attempt: row.attempts, retryAfterSeconds: delay });
      return 'retry_scheduled';
    }
    if (!providerError) {
      // Not the provider's answer (a bug, the database): back to pending, and the job's own retries run it again.
      await db.integrationMessage.update({ where: { id: messageId }, data: { status: 'pending', lastError: reason } });
      throw error;
    }
    await db.integrationMessage.update({ where: { id: messageId }, data: { status: 'failed', lastError: reason } });
    await logEntry(row.tenantId, route.installationId, 'error', `Could not send “${message.title}” to ${route.channelName}: ${reason}`, { messageId, attempt: row.attempts, kind: providerError.kind });
    return 'failed';
  }
}
