import { db } from '../db/client.ts';
import { ATTEMPT_LEASE_MS } from './attempt-delivery.ts';
import { enqueueAttempt } from './delivery-job.ts';
import { deleteExpiredSendSlots } from './send-slots.ts';

/**
 * Sends the next attempt of every pending delivery whose attempt is overdue by more than a
 * lease: its job was lost (a crash between recording an outcome and sending the retry) or its
 * worker died mid-attempt. Where the job still exists, the send is a no-op (same key), so the
 * sweep never doubles an attempt. Runs every minute (JOBS['webhooks.sweep'].cron).
 */
export async function sweepDeliveries({ batchSize = 500, now = new Date() }: { batchSize?: number; now?: Date } = {}): Promise<number> {
  const overdue = await db.webhookDelivery.findMany({
    where: { status: 'pending', nextAttemptAt: { lt: new Date(now.getTime() - ATTEMPT_LEASE_MS) } },
    orderBy: { nextAttemptAt: 'asc' },
    take: batchSize,
    select: { id: true, attempts: true },
  });
  // Sent to the fast lane: a worker there moves it on if its endpoint is in the slow one.
  for (const { id, attempts } of overdue) await enqueueAttempt(id, attempts + 1);
  await deleteExpiredSendSlots();
  return overdue.length;
}
