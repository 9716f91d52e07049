import { db } from '../db/client.ts';
import { enqueue } from './queue.ts';

/**
 * Turns unpublished DomainEvent rows into `event.dispatch` jobs and marks them published.
 *
 * The rows are locked FOR UPDATE SKIP LOCKED for the whole transaction, so relays running
 * at once (several instances, the cron and the outbox listener) each take different rows. publishedAt
 * is set in the same transaction after the jobs are sent: a crash in between leaves the rows
 * unpublished and the next relay sends them again (at least once); the singletonKey (the
 * event id) turns that second send into a no-op. Consumers are idempotent themselves (webhook
 * deliveries are unique per endpoint and event), since a dispatch job can run more than once.
 */
export async function relayOutbox({ batchSize = 100 }: { batchSize?: number } = {}): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "DomainEvent"
        WHERE "publishedAt" IS NULL
        ORDER BY "occurredAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      for (const { id } of rows) await enqueue('event.dispatch', { eventId: id }, { singletonKey: id });
      const ids = rows.map((row) => row.id);
      await tx.domainEvent.updateMany({ where: { id: { in: ids } }, data: { publishedAt: new Date() } });
      return rows.length;
    },
    // Sending a batch to Inngest is an HTTP call per event; the default 5 s is too short.
    { timeout: 60_000 },
  );
}
