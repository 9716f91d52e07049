import { randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import { decryptSecret } from '../crypto/encrypt-secret.ts';
import { db } from '../db/client.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../db/generated/client.ts';
import type { JobPayloads } from '../jobs/job-types.ts';
import { logger } from '../observability/logger.ts';
import { deliverWebhook, type DeliveryAttempt } from './deliver-webhook.ts';
import { enqueueAttempt } from './delivery-job.ts';
import { notifyEndpointDisabled, recordEndpointHealth } from './endpoint-health.ts';
import { allowLocalhost } from './endpoints.ts';
import { nextAttemptDelay, type RetryDecision } from './retry-schedule.ts';
import { laneOf, MAX_WAITING_PER_TENANT, SEND_WAIT_SECONDS, SLOT_WAIT_MS, type SendLane } from './send-lane.ts';
import { recordDelivered, type LoggedAttempt } from './record-delivered.ts';
import { claimAttempt, releaseSendSlot, slotFreed, waitForSlot, type ClaimRequest, type ClaimResult } from './send-slots.ts';
import { signWebhook } from './sign-webhook.ts';
import type { LookupFn } from './ssrf-guard.ts';
import { serializePayload, type WebhookPayload } from './webhook-payload.ts';

// One attempt of one delivery: claim it, sign, POST, record the outcome and schedule the
// next attempt. Jobs run at least once, so the claim is what makes an attempt happen once:
// it moves `attempts` from n-1 to n, and a duplicate job for attempt n finds nothing to claim.
// A healthy delivery costs two statements: the claim (with its send slot) and the record.

/** While an attempt runs, its delivery's nextAttemptAt is this far ahead; the sweep re-sends attempts overdue past it (a crashed worker). */
export const ATTEMPT_LEASE_MS = 60_000;

export type AttemptOutcome =
  | { outcome: 'skipped'; reason: 'not_found' | 'already_done' | 'endpoint_disabled' }
  /** Not this job's to send now: moved to the endpoint's lane, or waiting for a send slot. */
  | { outcome: 'moved'; reason: 'other_lane' | 'at_limit'; lane: SendLane }
  | { outcome: 'succeeded' | 'retrying' | 'failed'; status: number | null; nextAttemptInSeconds: number | null };

export interface AttemptDeps {
  /** Tests resolve hostnames through their own DNS. */
  lookup?: LookupFn;
  /** The lane whose worker runs this job (default fast). */
  lane?: SendLane;
  /** Waits for a send slot without holding a worker (the pg-boss runner's; see JobContext). */
  aside?: <R>(promise: Promise<R>) => Promise<R>;
}

export async function attemptDelivery(payload: JobPayloads['webhook.deliver'], deps: AttemptDeps = {}): Promise<AttemptOutcome> {
  const { deliveryId, attempt, manual = false, hop = 0 } = payload;
  const delivery = await deliveries.load(deliveryId);
  if (!delivery) return { outcome: 'skipped', reason: 'not_found' };
  if (delivery.status !== 'pending' || delivery.attempts !== attempt - 1) return { outcome: 'skipped', reason: 'already_done' };
  const { endpoint } = delivery;

  // An uninstalled app's endpoint is switched off with the installation, but still gets the
  // app.uninstalled event that says so (lib/marketplace/installations.ts).
  const farewell = endpoint.appInstallationId !== null && delivery.eventType === 'app.uninstalled';
  if (!endpoint.enabled && !manual && !farewell) {
    await db.webhookDelivery.updateMany({ where: { id: deliveryId, status: 'pending', attempts: attempt - 1 }, data: { status: 'failed', lastError: 'Not sent: the endpoint is disabled. Replay it once the endpoint is enabled again.', nextAttemptAt: null } });
    return { outcome: 'skipped', reason: 'endpoint_disabled' };
  }

  // Fairness: the attempt runs in its endpoint's lane, and only with a send slot; otherwise it
  // is sent on as a new job (the next hop) and this worker is free for someone else's.
  const lane = laneOf(endpoint);
  if (lane !== (deps.lane ?? 'fast')) {
    await enqueueAttempt(deliveryId, attempt, { manual, lane, hop: hop + 1 });
    return { outcome: 'moved', reason: 'other_lane', lane };
  }
  const slot = { deliveryId, tenantId: endpoint.tenantId, endpointId: endpoint.id };
  const claim = await claimWhenFree({ ...slot, attempt, lane, leaseMs: ATTEMPT_LEASE_MS }, deps.aside);
  if (claim === 'already_done') return { outcome: 'skipped', reason: 'already_done' };
  if (claim === 'other_lane') {
    const now = lane === 'fast' ? 'slow' : 'fast';
    await enqueueAttempt(deliveryId, attempt, { manual, lane: now, hop: hop + 1 });
    return { outcome: 'moved', reason: 'other_lane', lane: now };
  }
  if (claim !== 'claimed') {
    await enqueueAttempt(deliveryId, attempt, { manual, lane, hop: hop + 1, delaySeconds: SEND_WAIT_SECONDS[lane] });
    return { outcome: 'moved', reason: 'at_limit', lane };
  }
  let released = false;
  try {
    const sent = await sendAttempt(delivery, payload, deps);
    released = sent.released;
    return sent.outcome;
  } finally {
    if (!released) await releaseSendSlot(slot);
  }
}

// Attempts that start together (a fetched batch of jobs) read their deliveries in one query.
const deliveries = new DataLoader<string, DeliveryWithEndpoint | null>(
  async (ids) => {
    const rows = await db.webhookDelivery.findMany({ where: { id: { in: [...ids] } }, include: { endpoint: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  },
  // Never cached: each attempt must see the delivery as it is now.
  { cache: false, maxBatchSize: 200 },
);

/** A tenant's attempts waiting for a send slot in this process. */
const waitingPerTenant = new Map<string, number>();

/**
 * Claims the attempt; in the fast lane, waiting here (up to SLOT_WAIT_MS) while its tenant or
 * endpoint is at its limit, so a burst goes out as fast as its slots turn over instead of
 * going back to the queue. The wait is set aside (`aside`): it holds no worker, so another
 * tenant's attempts run meanwhile. Past MAX_WAITING_PER_TENANT, attempts go back to the queue
 * for a while instead, which bounds the memory one tenant's backlog takes. The slow lane's
 * attempts never wait: its endpoints hold their slots for seconds.
 */
async function claimWhenFree(request: ClaimRequest, aside: AttemptDeps['aside'] = (promise) => promise): Promise<ClaimResult> {
  const until = Date.now() + SLOT_WAIT_MS;
  for (;;) {
    const result = await claimAttempt(request);
    if ((result !== 'tenant_limit' && result !== 'endpoint_limit') || request.lane === 'slow' || Date.now() >= until) return result;
    const waiting = waitingPerTenant.get(request.tenantId) ?? 0;
    if (waiting >= MAX_WAITING_PER_TENANT) return result;
    waitingPerTenant.set(request.tenantId, waiting + 1);
    try {
      await aside(waitForSlot(result, request));
    } finally {
      const left = (waitingPerTenant.get(request.tenantId) ?? 1) - 1;
      if (left > 0) waitingPerTenant.set(request.tenantId, left);
      else waitingPerTenant.delete(request.tenantId);
    }
  }
}

type DeliveryWithEndpoint = WebhookDelivery & { endpoint: WebhookEndpoint };

/** Sends a claimed attempt and records its outcome; `released`: the record freed the send slot too. */
async function sendAttempt(
  delivery: DeliveryWithEndpoint,
  { deliveryId, attempt, manual = false }: JobPayloads['webhook.deliver'],
  deps: AttemptDeps,
): Promise<{ outcome: AttemptOutcome; released: boolean }> {
  const { endpoint } = delivery;
  const now = new Date();
  const startedAt = now;
  const body = serializePayload(delivery.payload as unknown as WebhookPayload);
  const secrets = [decryptSecret(endpoint.secretEncrypted)];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) secrets.push(decryptSecret(endpoint.previousSecretEncrypted));
  const signed = signWebhook({ id: delivery.eventId, timestamp: Math.floor(now.getTime() / 1000), body, secrets });
  const local = allowLocalhost();
  const result = await deliverWebhook({
    url: endpoint.url,
    // Custom headers first: the signature headers always win.
    headers: { ...(endpoint.headers as Record<string, string>), ...signed },
    body,
    allowLocalhost: local,
    requireHttps: !local,
    lookup: deps.lookup,
  });

  const decision = decide(attempt, result, manual);
  const finishedAt = new Date();
  const outcome = {
    status: result.ok ? 'succeeded' : decision.retry ? 'pending' : 'failed',
    lastStatusCode: result.status,
    lastError: result.ok ? null : clean(result.error ?? `The receiver answered ${result.status}.`),
    lastDurationMs: result.durationMs,
    lastResponseBody: clean(result.responseBody),
    nextAttemptAt: decision.retry ? new Date(finishedAt.getTime() + decision.delaySeconds * 1000) : null,
    ...(result.ok ? { deliveredAt: finishedAt } : {}),
  } as const;
  // Keyed by the claim: a delivery deleted meanwhile (with its endpoint) is left alone.
  const recorded = { id: deliveryId, attempts: attempt };
  const logged: LoggedAttempt & { error: string | null } = {
    id: `wha_${randomBytes(12).toString('base64url')}`,
    tenantId: endpoint.tenantId,
    deliveryId,
    attempt,
    manual,
    statusCode: result.status,
    durationMs: result.durationMs,
    responseBody: outcome.lastResponseBody || null,
    error: outcome.lastError,
    startedAt,
    finishedAt,
  };
  // A healthy endpoint (the common case) has no streak to reset.
  const healthy = result.ok && endpoint.consecutiveFailures === 0 && endpoint.failingSince === null && endpoint.consecutiveTimeouts === 0;
  if (healthy) {
    await recordDelivered(logged);
    slotFreed({ tenantId: endpoint.tenantId, endpointId: endpoint.id });
    return { outcome: { outcome: 'succeeded', status: result.status, nextAttemptInSeconds: null }, released: true };
  }
  const disabled = await db.$transaction(
    async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({ where: recorded, data: outcome });
      if (count === 0) return null;
      await tx.webhookDeliveryAttempt.createMany({ data: [logged], skipDuplicates: true });
      return recordEndpointHealth(tx, endpoint.id, result, manual, finishedAt);
    },
    // Timeouts end many attempts at once: waiting for a connection is not a failure.
    { maxWait: 10_000 },
  );
  if (!result.ok) {
    const fields = { tenantId: endpoint.tenantId, endpointId: endpoint.id, eventId: delivery.eventId, deliveryId, attempt, status: result.status, error: result.error ?? undefined, durationMs: result.durationMs };
    logger().warn({ ...fields, retryInSeconds: decision.retry ? decision.delaySeconds : undefined }, decision.retry ? 'webhooks: delivery attempt failed; retrying' : 'webhooks: delivery failed');
  }
  if (disabled) {
    logger().warn({ tenantId: disabled.tenantId, endpointId: disabled.endpointId, reason: disabled.reason }, 'webhooks: endpoint disabled');
    await notifyEndpointDisabled(disabled);
  }
  // If this send is lost, the sweep finds the overdue delivery and sends it. The lane follows
  // this attempt's outcome: a timeout may have just moved the endpoint to the slow lane.
  const consecutiveTimeouts = result.timedOut ? endpoint.consecutiveTimeouts + 1 : 0;
  if (decision.retry) await enqueueAttempt(deliveryId, attempt + 1, { delaySeconds: decision.delaySeconds, lane: laneOf({ consecutiveTimeouts }) });

  return { outcome: { outcome: result.ok ? 'succeeded' : decision.retry ? 'retrying' : 'failed', status: result.status, nextAttemptInSeconds: decision.retry ? decision.delaySeconds : null }, released: false };
}

// A replay or a test is one attempt: it does not start a new schedule.
function decide(attempt: number, result: DeliveryAttempt, manual: boolean): RetryDecision {
  if (!manual) return nextAttemptDelay(attempt, result);
  if (result.ok) return { retry: false, reason: 'delivered' };
  return { retry: false, reason: result.gone ? 'gone' : 'exhausted' };
}

// PostgreSQL text cannot hold NUL, and a receiver's answer may contain anything.
function clean(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}
