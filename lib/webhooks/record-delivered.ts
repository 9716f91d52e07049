import { db } from '../db/client.ts';

/** One row of the attempt log (WebhookDeliveryAttempt). */
export interface LoggedAttempt {
  id: string;
  tenantId: string;
  deliveryId: string;
  attempt: number;
  manual: boolean;
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  startedAt: Date;
  finishedAt: Date;
}

/**
 * A delivered attempt to a healthy endpoint, the common case, in one statement: the delivery
 * succeeded, its attempt log row, and its send slot freed. Keyed by the claim (the delivery's
 * attempts): a delivery deleted meanwhile, with its endpoint, is left alone and nothing is logged.
 */
export async function recordDelivered(logged: LoggedAttempt): Promise<void> {
  const startedAt = utc(logged.startedAt);
  const finishedAt = utc(logged.finishedAt);
  await db.$executeRaw`
    WITH recorded AS (
      UPDATE "WebhookDelivery"
      SET "status" = 'succeeded', "lastStatusCode" = ${logged.statusCode}::int, "lastError" = NULL,
        "lastDurationMs" = ${logged.durationMs}::int, "lastResponseBody" = ${logged.responseBody ?? ''}, "nextAttemptAt" = NULL,
        "deliveredAt" = ${finishedAt}::timestamp, "updatedAt" = ${finishedAt}::timestamp
      WHERE "id" = ${logged.deliveryId} AND "attempts" = ${logged.attempt}::int
      RETURNING "id"
    ), logged AS (
      INSERT INTO "WebhookDeliveryAttempt" ("id", "tenantId", "deliveryId", "attempt", "manual", "statusCode", "durationMs", "responseBody", "error", "startedAt", "finishedAt")
      SELECT ${logged.id}, ${logged.tenantId}, "id", ${logged.attempt}::int, ${logged.manual}, ${logged.statusCode}::int, ${logged.durationMs}::int, ${logged.responseBody}, NULL, ${startedAt}::timestamp, ${finishedAt}::timestamp
      FROM recorded
      ON CONFLICT DO NOTHING
    )
    DELETE FROM "WebhookSendSlot" WHERE "deliveryId" = ${logged.deliveryId}`;
}

// The delivery's timestamps are UTC without a zone, as Prisma writes them.
function utc(date: Date): string {
  return date.toISOString().replace('Z', '');
}
