import { randomBytes } from 'node:crypto';
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
import { laneOf, SEND_WAIT_SECONDS, type SendLane } from './send-lane.ts';
import { acquireSendSlot, releaseSendSlot } from './send-slots.ts';
import { signWebhook } from './sign-webhook.ts';
import type { LookupFn } from './ssrf-guard.ts';
import { serializePayload, type WebhookPayload } from './webhook-payload.ts';

// One attempt of one delivery: claim it, sign, POST, record the outcome and schedule the
// next attempt. Jobs run at least once, so the claim is what makes an attempt happen once:
// it moves `attempts` from n-1 to n, and a duplicate job for attempt n finds nothing to claim.

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
}

export async function attemptDelivery(payload: JobPayloads['webhook.deliver'], deps: AttemptDeps = {}): Promise<AttemptOutcome> {
  const { deliveryId, attempt, manual = false, hop = 0 } = payload;
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (!delivery) return { outcome: 'skipped', reason: 'not_found' };
  const claimable = { id: deliveryId, status: 'pending', attempts: attempt - 1 } as const;
  if (delivery.status !== 'pending' || delivery.attempts !== attempt - 1) return { outcome: 'skipped', reason: 'already_done' };
  const { endpoint } = delivery;

  // An uninstalled app's endpoint is switched off with the installation, but still gets the
  // app.uninstalled event that says so (lib/marketplace/installations.ts).
  const farewell = endpoint.appInstallationId !== null && delivery.eventType === 'app.uninstalled';
  if (!endpoint.enabled && !manual && !farewell) {
    await db.webhookDelivery.updateMany({ where: claimable, data: { status: 'failed', lastError: 'Not sent: the endpoint is disabled. Replay it once the endpoint is enabled again.', nextAttemptAt: null } });
    return { outcome: 'skipped', reason: 'endpoint_disabled' };
  }

  // Fairness: the attempt runs in its endpoint's lane, and only with a send slot; otherwise it
  // is sent on as a new job (the next hop) and this worker is free for someone else's.
  const lane = laneOf(endpoint);
  if (lane !== (deps.lane ?? 'fast')) {
    await enqueueAttempt(deliveryId, attempt, { manual, lane, hop: hop + 1 });
    return { outcome: 'moved', reason: 'other_lane', lane };
  }
  if (!(await acquireSendSlot({ deliveryId, tenantId: endpoint.tenantId, endpointId: endpoint.id, lane, leaseMs: ATTEMPT_LEASE_MS }))) {
    await enqueueAttempt(deliveryId, attempt, { manual, lane, hop: hop + 1, delaySeconds: SEND_WAIT_SECONDS[lane] });
    return { outcome: 'moved', reason: 'at_limit', lane };
  }
  try {
    return await sendAttempt(delivery, claimable, payload, deps);
  } finally {
    await releaseSendSlot(deliveryId);
  }
}

type DeliveryWithEndpoint = WebhookDelivery & { endpoint: WebhookEndpoint };

async function sendAttempt(
  delivery: DeliveryWithEndpoint,
  claimable: { id: string; status: 'pending'; attempts: number },
  { deliveryId, attempt, manual = false }: JobPayloads['webhook.deliver'],
  deps: AttemptDeps,
): Promise<AttemptOutcome> {
  const { endpoint } = delivery;
  const claimed = await db.webhookDelivery.updateMany({ where: claimable, data: { attempts: attempt, nextAttemptAt: new Date(Date.now() + ATTEMPT_LEASE_MS) } });
  if (claimed.count === 0) return { outcome: 'skipped', reason: 'already_done' };

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
  const logged = {
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
  let disabled = null;
  if (healthy) {
    // The common case in one round trip. A delivery deleted meanwhile fails the insert (its
    // key is gone), and the job's retry then finds nothing to do.
    await db.$transaction([db.webhookDelivery.updateMany({ where: recorded, data: outcome }), db.webhookDeliveryAttempt.createMany({ data: [logged], skipDuplicates: true })]);
  } else {
    disabled = await db.$transaction(
      async (tx) => {
        const { count } = await tx.webhookDelivery.updateMany({ where: recorded, data: outcome });
        if (count === 0) return null;
        await tx.webhookDeliveryAttempt.createMany({ data: [logged], skipDuplicates: true });
        return recordEndpointHealth(tx, endpoint.id, result, manual, finishedAt);
      },
      // Timeouts end many attempts at once: waiting for a connection is not a failure.
      { maxWait: 10_000 },
    );
  }
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

  return { outcome: result.ok ? 'succeeded' : decision.retry ? 'retrying' : 'failed', status: result.status, nextAttemptInSeconds: decision.retry ? decision.delaySeconds : null };
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
