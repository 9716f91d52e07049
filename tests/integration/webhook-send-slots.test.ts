import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { newEventId } from '../../lib/events/domain-events.ts';
import { newDeliveryId } from '../../lib/webhooks/fan-out.ts';
import { SEND_LIMITS, SLOW_LANE_AFTER_TIMEOUTS } from '../../lib/webhooks/send-lane.ts';
import { claimAttempt, releaseSendSlot, waitForSlot, type ClaimResult } from '../../lib/webhooks/send-slots.ts';
import { encryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { generateWebhookSecret } from '../../lib/webhooks/sign-webhook.ts';
import { uniqueSlug } from '../support/factories.ts';
import { workspace } from '../support/workspace.ts';

// The claim of an attempt (waypoint_claim_webhook_attempts, a batch per statement): its send
// slot under the tenant's and the endpoint's limits, taken by many workers at once on real
// PostgreSQL, in batches and apart.

const LEASE_MS = 60_000;

async function endpointsOf(tenantId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `whk_${uniqueSlug()}`);
  await db.webhookEndpoint.createMany({ data: ids.map((id) => ({ id, tenantId, url: `https://example.com/${id}`, secretEncrypted: encryptSecret(generateWebhookSecret()) })) });
  return ids;
}

/** `perEndpoint` pending deliveries of one event to each endpoint. */
async function deliveriesTo(tenantId: string, endpointIds: string[], perEndpoint: number): Promise<{ id: string; endpointId: string }[]> {
  const rows = [];
  for (let i = 0; i < perEndpoint; i++) {
    const eventId = newEventId();
    for (const endpointId of endpointIds) rows.push({ id: newDeliveryId(), tenantId, endpointId, eventId, eventType: 'goal.created', payload: {} });
  }
  await db.webhookDelivery.createMany({ data: rows });
  return rows.map(({ id, endpointId }) => ({ id, endpointId }));
}

const claim = (tenantId: string, delivery: { id: string; endpointId: string }, attempt = 1) =>
  claimAttempt({ deliveryId: delivery.id, attempt, tenantId, endpointId: delivery.endpointId, lane: 'fast', leaseMs: LEASE_MS });

/**
 * Claims made in one turn of the event loop go to PostgreSQL as one batch; claims started in
 * turns of their own are separate transactions at once, as from many workers.
 */
const claimAll = (tenantId: string, deliveries: { id: string; endpointId: string }[], mode: 'batched' | 'apart') =>
  Promise.all(deliveries.map(async (delivery, i) => {
    if (mode === 'apart') await new Promise((resolve) => setTimeout(resolve, i % 4));
    return claim(tenantId, delivery);
  }));

function tally(results: ClaimResult[]): Partial<Record<ClaimResult, number>> {
  const counts: Partial<Record<ClaimResult, number>> = {};
  for (const result of results) counts[result] = (counts[result] ?? 0) + 1;
  return counts;
}

describe('claiming a webhook attempt', () => {
  it.each(['batched', 'apart'] as const)("takes no more of an endpoint's slots than its limit, however many claim at once (%s)", async (mode) => {
    const tenant = await workspace();
    const [endpointId] = await endpointsOf(tenant.id, 1);
    const deliveries = await deliveriesTo(tenant.id, [endpointId], 20);
    const results = await claimAll(tenant.id, deliveries, mode);
    expect(tally(results)).toEqual({ claimed: SEND_LIMITS.endpoint.fast, endpoint_limit: 20 - SEND_LIMITS.endpoint.fast });
    // The claimed attempts, and only those, moved to attempt 1 with a lease.
    const claimed = await db.webhookDelivery.findMany({ where: { endpointId, attempts: 1 }, select: { nextAttemptAt: true } });
    expect(claimed).toHaveLength(SEND_LIMITS.endpoint.fast);
    for (const { nextAttemptAt } of claimed) expect(nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + LEASE_MS - 10_000);
  });

  it.each(['batched', 'apart'] as const)("takes no more of a tenant's slots than its limit, and leaves other tenants' alone (%s)", async (mode) => {
    const [busy, other] = [await workspace(), await workspace()];
    // Three deliveries per endpoint, under its limit: only the tenant's can bind.
    const endpoints = await endpointsOf(busy.id, Math.ceil((SEND_LIMITS.tenant + 20) / 3));
    const deliveries = await deliveriesTo(busy.id, endpoints, 3);
    const [otherEndpoint] = await endpointsOf(other.id, 1);
    const [otherDelivery] = await deliveriesTo(other.id, [otherEndpoint], 1);
    const results = await claimAll(busy.id, deliveries, mode);
    expect(tally(results)).toEqual({ claimed: SEND_LIMITS.tenant, tenant_limit: deliveries.length - SEND_LIMITS.tenant });
    expect(await claim(other.id, otherDelivery)).toBe('claimed');
  });

  it('claims an attempt once: a duplicate job finds it in flight, and once it is recorded, done', async () => {
    const tenant = await workspace();
    const [endpointId] = await endpointsOf(tenant.id, 1);
    const [delivery] = await deliveriesTo(tenant.id, [endpointId], 1);
    expect(await claim(tenant.id, delivery)).toBe('claimed');
    expect(await claim(tenant.id, delivery)).toBe('in_flight');
    await releaseSendSlot({ deliveryId: delivery.id, tenantId: tenant.id, endpointId });
    expect(await claim(tenant.id, delivery)).toBe('already_done');
    // The next attempt is the next claim.
    expect(await claim(tenant.id, delivery, 2)).toBe('claimed');
  });

  it("sends an attempt on in its endpoint's lane when the endpoint changed lanes while it waited", async () => {
    const tenant = await workspace();
    const [endpointId] = await endpointsOf(tenant.id, 1);
    const [first, second] = await deliveriesTo(tenant.id, [endpointId], 2);
    await db.webhookEndpoint.update({ where: { id: endpointId }, data: { consecutiveTimeouts: SLOW_LANE_AFTER_TIMEOUTS } });
    expect(await claim(tenant.id, first)).toBe('other_lane');
    expect(await claimAttempt({ deliveryId: first.id, attempt: 1, tenantId: tenant.id, endpointId, lane: 'slow', leaseMs: LEASE_MS })).toBe('claimed');
    // Answered again: back to the fast lane.
    await db.webhookEndpoint.update({ where: { id: endpointId }, data: { consecutiveTimeouts: 0 } });
    expect(await claimAttempt({ deliveryId: second.id, attempt: 1, tenantId: tenant.id, endpointId, lane: 'slow', leaseMs: LEASE_MS })).toBe('other_lane');
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ attempts: 0 });
  });

  it('does not count slots whose worker died (expired leases)', async () => {
    const tenant = await workspace();
    const [endpointId] = await endpointsOf(tenant.id, 1);
    const deliveries = await deliveriesTo(tenant.id, [endpointId], SEND_LIMITS.endpoint.fast + 1);
    for (const delivery of deliveries.slice(0, SEND_LIMITS.endpoint.fast)) expect(await claim(tenant.id, delivery)).toBe('claimed');
    await db.webhookSendSlot.updateMany({ where: { endpointId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await claim(tenant.id, deliveries[SEND_LIMITS.endpoint.fast])).toBe('claimed');
  });

  it('wakes an attempt waiting for a slot as soon as this process frees one of its endpoint', async () => {
    const tenant = await workspace();
    const [endpointId] = await endpointsOf(tenant.id, 1);
    const deliveries = await deliveriesTo(tenant.id, [endpointId], SEND_LIMITS.endpoint.fast + 1);
    for (const delivery of deliveries.slice(0, SEND_LIMITS.endpoint.fast)) await claim(tenant.id, delivery);
    const waiting = deliveries[SEND_LIMITS.endpoint.fast];
    expect(await claim(tenant.id, waiting)).toBe('endpoint_limit');
    const started = Date.now();
    const woken = waitForSlot('endpoint_limit', { tenantId: tenant.id, endpointId });
    await releaseSendSlot({ deliveryId: deliveries[0].id, tenantId: tenant.id, endpointId });
    await woken;
    // Well before the recheck that covers slots freed by other processes.
    expect(Date.now() - started).toBeLessThan(600);
    expect(await claim(tenant.id, waiting)).toBe('claimed');
  });
});
