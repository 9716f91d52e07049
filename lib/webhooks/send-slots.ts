import { db } from '../db/client.ts';
import { SEND_LIMITS, type SendLane } from './send-lane.ts';

// Send slots: one WebhookSendSlot row per attempt in flight, shared by every worker process
// through PostgreSQL, so the per-tenant and per-endpoint limits hold however many processes
// run deliveries. A slot lives as long as an attempt's lease: a worker that dies holding one
// frees it by expiry.

// The first key of the two-key advisory lock, so these locks never meet another feature's.
const LOCK_CLASS = 0x77686b73; // "whks"

export interface SlotRequest {
  deliveryId: string;
  tenantId: string;
  endpointId: string;
  lane: SendLane;
  /** How long the slot holds without a release: the attempt's lease. */
  leaseMs: number;
}

/**
 * Takes a send slot for this attempt if its tenant and endpoint are under their limits.
 * False: at a limit, or the delivery already holds a live slot (a duplicate job).
 */
export async function acquireSendSlot({ deliveryId, tenantId, endpointId, lane, leaseMs }: SlotRequest): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      // One acquisition per tenant at a time, so two workers cannot both take the last slot.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${tenantId}))`;
      const [counts] = await tx.$queryRaw<{ tenant: number; endpoint: number }[]>`
        SELECT count(*)::int AS tenant, (count(*) FILTER (WHERE "endpointId" = ${endpointId}))::int AS endpoint
        FROM "WebhookSendSlot" WHERE "tenantId" = ${tenantId} AND "expiresAt" > now()`;
      if (counts.tenant >= SEND_LIMITS.tenant || counts.endpoint >= SEND_LIMITS.endpoint[lane]) return false;
      const taken = await tx.$executeRaw`
        INSERT INTO "WebhookSendSlot" ("deliveryId", "tenantId", "endpointId", "expiresAt")
        VALUES (${deliveryId}, ${tenantId}, ${endpointId}, now() + ${leaseMs} * interval '1 millisecond')
        ON CONFLICT ("deliveryId") DO UPDATE SET "tenantId" = EXCLUDED."tenantId", "endpointId" = EXCLUDED."endpointId", "expiresAt" = EXCLUDED."expiresAt"
        WHERE "WebhookSendSlot"."expiresAt" <= now()`;
      return taken === 1;
    },
    // Many workers may finish and start at once: waiting for a connection is not a failure.
    { maxWait: 10_000 },
  );
}

export async function releaseSendSlot(deliveryId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "WebhookSendSlot" WHERE "deliveryId" = ${deliveryId}`;
}

/** Slots whose worker died mid-attempt; they no longer count, this only tidies them away. */
export async function deleteExpiredSendSlots(): Promise<number> {
  return db.$executeRaw`DELETE FROM "WebhookSendSlot" WHERE "expiresAt" <= now()`;
}
