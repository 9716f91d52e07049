import DataLoader from 'dataloader';
import { db } from '../db/client.ts';
import { SEND_LIMITS, SLOW_LANE_AFTER_TIMEOUTS, type SendLane } from './send-lane.ts';

// Send slots: one WebhookSendSlot row per attempt in flight, shared by every worker process
// through PostgreSQL, so the per-tenant and per-endpoint limits hold however many processes
// run deliveries. A slot lives as long as an attempt's lease: a worker that dies holding one
// frees it by expiry.

export interface ClaimRequest {
  deliveryId: string;
  /** The attempt to claim: the delivery's attempts move from attempt - 1 to attempt. */
  attempt: number;
  tenantId: string;
  endpointId: string;
  lane: SendLane;
  /** How long the slot and the claim hold without a release: the attempt's lease. */
  leaseMs: number;
}

/**
 * claimed: this job sends the attempt, holding a slot. already_done: another job claimed it,
 * or the delivery is no longer pending. in_flight: a duplicate job of an attempt being sent.
 * other_lane: the endpoint is now in the other lane (send-lane.ts). The limits: the tenant or
 * the endpoint has as many attempts in flight as it may.
 */
export type ClaimResult = 'claimed' | 'already_done' | 'in_flight' | 'other_lane' | 'tenant_limit' | 'endpoint_limit';

/**
 * Takes a send slot and claims the attempt. Claims made together (the attempts of a fetched
 * batch of jobs) go to PostgreSQL as one batch: one round trip and one transaction
 * (the migration waypoint_claim_webhook_attempts).
 */
export function claimAttempt(request: ClaimRequest): Promise<ClaimResult> {
  return claims.load(request);
}

const claims = new DataLoader<ClaimRequest, ClaimResult>(
  async (requests) => {
    const batch = requests.map(({ deliveryId, attempt, tenantId, endpointId, lane }) => ({ deliveryId, attempt, tenantId, endpointId, lane, endpointLimit: SEND_LIMITS.endpoint[lane] }));
    // One lease for the batch: the longest asked for (every attempt asks for ATTEMPT_LEASE_MS).
    const leaseMs = Math.max(...requests.map((request) => request.leaseMs));
    const rows = await db.$queryRaw<{ result: ClaimResult }[]>`
      SELECT "result" FROM "waypoint_claim_webhook_attempts"(${JSON.stringify(batch)}::jsonb, ${SEND_LIMITS.tenant}::int, ${leaseMs}::int, ${SLOW_LANE_AFTER_TIMEOUTS}::int) ORDER BY "position"`;
    // One row per request, in the batch's order (a delivery may appear twice: a duplicate job).
    return rows.map((row) => row.result);
  },
  { cache: false, maxBatchSize: 200 },
);

/** Frees the slot of an attempt whose outcome was recorded without it (attempt-delivery.ts frees it in the same statement otherwise). */
export async function releaseSendSlot(slot: { deliveryId: string; tenantId: string; endpointId: string }): Promise<void> {
  await db.$executeRaw`DELETE FROM "WebhookSendSlot" WHERE "deliveryId" = ${slot.deliveryId}`;
  slotFreed(slot);
}

/** Slots whose worker died mid-attempt; they no longer count, this only tidies them away. */
export async function deleteExpiredSendSlots(): Promise<number> {
  return db.$executeRaw`DELETE FROM "WebhookSendSlot" WHERE "expiresAt" <= now()`;
}

// Waiting for a slot in this process. An attempt that found its tenant or endpoint at its
// limit waits here for a slot this process frees, first come first served, rather than going
// back to the queue for a second: a burst of one workspace's deliveries then goes out as
// fast as its slots turn over. One freed slot wakes one waiter (per key), so waiters do not
// all rush the tenant's lock at once. Slots freed by another process are not announced here, so a
// waiter also tries again after SLOT_RECHECK_MS.

const SLOT_RECHECK_MS = 1000;

type Wake = () => void;
const waiting = new Map<string, Wake[]>();

const tenantKey = (tenantId: string) => `t:${tenantId}`;
const endpointKey = (endpointId: string) => `e:${endpointId}`;

/** Resolves when a slot of the tenant (or of the endpoint, for an endpoint at its limit) is freed here, or after SLOT_RECHECK_MS. */
export function waitForSlot(limit: 'tenant_limit' | 'endpoint_limit', slot: { tenantId: string; endpointId: string }): Promise<void> {
  const key = limit === 'tenant_limit' ? tenantKey(slot.tenantId) : endpointKey(slot.endpointId);
  return new Promise((resolve) => {
    const queue = waiting.get(key) ?? [];
    waiting.set(key, queue);
    const wake = () => {
      clearTimeout(timer);
      const index = queue.indexOf(wake);
      if (index >= 0) queue.splice(index, 1);
      if (queue.length === 0 && waiting.get(key) === queue) waiting.delete(key);
      resolve();
    };
    const timer = setTimeout(wake, SLOT_RECHECK_MS);
    queue.push(wake);
  });
}

/** One freed slot wakes the first attempt waiting for its endpoint and the first waiting for its tenant. */
export function slotFreed(slot: { tenantId: string; endpointId: string }): void {
  waiting.get(endpointKey(slot.endpointId))?.[0]?.();
  waiting.get(tenantKey(slot.tenantId))?.[0]?.();
}
