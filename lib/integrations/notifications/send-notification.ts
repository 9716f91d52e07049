import { db } from '../../db/client.ts';
import { enqueue } from '../../jobs/queue.ts';
import { logIntegration } from '../log.ts';
import { ProviderError } from '../provider-error.ts';
import type { NotificationMessage } from './notification-message.ts';
import { senderFor } from './senders.ts';

// The integrations.notify job: sends one IntegrationMessage through its route's sender.
// The send happens inside a transaction holding an advisory lock on the message, so two jobs
// for one message send it once, and a worker that dies mid-send leaves it pending (its lock
// gone with its connection) rather than stuck. A provider that asks us to wait (429 with
// Retry-After, 5xx) gets a new job after max(Retry-After, backoff), up to MAX_ATTEMPTS;
// any other provider answer fails the message with its error, shown in the integration's log.

export const MAX_ATTEMPTS = 5;
const BACKOFF_SECONDS = [30, 120, 600, 1800];

export type NotifyOutcome = 'sent' | 'skipped' | 'retry_scheduled' | 'failed';

async function logEntry(tenantId: string, installationId: string, level: 'info' | 'warning' | 'error', message: string, detail: Record<string, string | number | null>) {
  await logIntegration({ tenantId, installationId, level, kind: 'notification', message, detail });
}

interface Attempt {
  outcome: NotifyOutcome;
  attempts?: number;
  retryInSeconds?: number;
  log?: { tenantId: string; installationId: string; level: 'warning' | 'error'; message: string; detail: Record<string, string | number | null> };
}

/** Seconds the send holds its transaction at most: the sender's own timeout is 10 s. */
const SEND_TRANSACTION_MS = 60_000;

export async function sendNotification(messageId: string): Promise<NotifyOutcome> {
  const attempt = await db.$transaction(
    async (tx): Promise<Attempt> => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`integration-message:${messageId}`})) AS locked`;
      if (!locked) return { outcome: 'skipped' };
      const row = await tx.integrationMessage.findUnique({ where: { id: messageId } });
      if (!row || row.status !== 'pending') return { outcome: 'skipped' };
      const attempts = row.attempts + 1;
      const route = await tx.integrationChannelRoute.findFirst({ where: { id: row.routeId, tenantId: row.tenantId }, include: { installation: { select: { provider: true, uninstalledAt: true } } } });
      const sender = route && !route.installation.uninstalledAt ? senderFor(route.installation.provider) : null;
      if (!route || !sender) {
        // The route was removed (or its integration uninstalled) since the message was routed.
        await tx.integrationMessage.update({ where: { id: messageId }, data: { status: 'failed', attempts, lastError: 'The channel route no longer exists.' } });
        return { outcome: 'failed' };
      }
      const message = row.payload as unknown as NotificationMessage;
      try {
        await sender.send({ route, message });
        await tx.integrationMessage.update({ where: { id: messageId }, data: { status: 'sent', attempts, sentAt: new Date(), lastError: null } });
        return { outcome: 'sent' };
      } catch (error) {
        // Not the provider's answer (a bug, the database): rolled back, still pending, and the job's own retries run it again.
        if (!(error instanceof ProviderError)) throw error;
        const where = { tenantId: row.tenantId, installationId: route.installationId };
        if (error.retryable && attempts < MAX_ATTEMPTS) {
          const delay = Math.max(error.retryAfterSeconds ?? 0, BACKOFF_SECONDS[Math.min(attempts - 1, BACKOFF_SECONDS.length - 1)]);
          await tx.integrationMessage.update({ where: { id: messageId }, data: { attempts, lastError: error.message } });
          return { outcome: 'retry_scheduled', attempts, retryInSeconds: delay, log: { ...where, level: 'warning', message: `Sending to ${route.channelName} will be retried in ${delay} s: ${error.message}`, detail: { messageId, attempt: attempts, retryAfterSeconds: delay } } };
        }
        await tx.integrationMessage.update({ where: { id: messageId }, data: { status: 'failed', attempts, lastError: error.message } });
        return { outcome: 'failed', log: { ...where, level: 'error', message: `Could not send “${message.title}” to ${route.channelName}: ${error.message}`, detail: { messageId, attempt: attempts, kind: error.kind } } };
      }
    },
    { timeout: SEND_TRANSACTION_MS, maxWait: 10_000 },
  );
  // After the commit, so the next attempt never finds the message still locked.
  if (attempt.retryInSeconds !== undefined) await enqueue('integrations.notify', { messageId }, { startAfterSeconds: attempt.retryInSeconds, singletonKey: `${messageId}:retry:${attempt.attempts}` });
  if (attempt.log) await logEntry(attempt.log.tenantId, attempt.log.installationId, attempt.log.level, attempt.log.message, attempt.log.detail);
  return attempt.outcome;
}
