import DataLoader from 'dataloader';
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

/** Attempts delivered within this long of each other are recorded in one statement. */
const GATHER_MS = 2;

/**
 * A delivered attempt to a healthy endpoint, the common case: the delivery succeeded, its
 * attempt log row, and its send slot freed, in one statement with the others delivered at
 * about the same time. Keyed by the claim (the delivery's attempts): a delivery deleted
 * meanwhile, with its endpoint, is left alone and nothing is logged.
 */
export async function recordDelivered(logged: LoggedAttempt): Promise<void> {
  await recorder.load(logged);
}

const recorder = new DataLoader<LoggedAttempt, void>(
  async (attempts) => {
    // The delivery's timestamps are UTC without a zone, as Prisma writes them.
    const utc = (date: Date) => date.toISOString().replace('Z', '');
    const rows = attempts.map((attempt) => ({ ...attempt, startedAt: utc(attempt.startedAt), finishedAt: utc(attempt.finishedAt) }));
    await db.$executeRaw`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS i(
          "id" text, "tenantId" text, "deliveryId" text, "attempt" integer, "manual" boolean, "statusCode" integer,
          "durationMs" integer, "responseBody" text, "startedAt" timestamp, "finishedAt" timestamp)
      ), recorded AS (
        UPDATE "WebhookDelivery" d
        SET "status" = 'succeeded', "lastStatusCode" = i."statusCode", "lastError" = NULL, "lastDurationMs" = i."durationMs",
          "lastResponseBody" = coalesce(i."responseBody", ''), "nextAttemptAt" = NULL, "deliveredAt" = i."finishedAt", "updatedAt" = i."finishedAt"
        FROM input i
        WHERE d."id" = i."deliveryId" AND d."attempts" = i."attempt"
        RETURNING i.*
      ), logged AS (
        INSERT INTO "WebhookDeliveryAttempt" ("id", "tenantId", "deliveryId", "attempt", "manual", "statusCode", "durationMs", "responseBody", "error", "startedAt", "finishedAt")
        SELECT "id", "tenantId", "deliveryId", "attempt", "manual", "statusCode", "durationMs", "responseBody", NULL, "startedAt", "finishedAt" FROM recorded
        ON CONFLICT DO NOTHING
      )
      DELETE FROM "WebhookSendSlot" WHERE "deliveryId" IN (SELECT "deliveryId" FROM input)`;
    return attempts.map(() => undefined);
  },
  { cache: false, maxBatchSize: 200, batchScheduleFn: (flush) => setTimeout(flush, GATHER_MS) },
);
