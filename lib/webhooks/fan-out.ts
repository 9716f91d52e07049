import { randomBytes } from 'node:crypto';
import { can } from '../billing/entitlements.ts';
import { db, type Prisma } from '../db/client.ts';
import { isBillingEventType } from '../events/event-catalog.ts';
import { enqueueMany } from '../jobs/queue.ts';
import { deliveryJobKey } from './delivery-job.ts';
import { LANE_JOBS, laneOf, type SendLane } from './send-lane.ts';
import { webhookPayload } from './webhook-payload.ts';

export function newDeliveryId(): string {
  return `whd_${randomBytes(12).toString('base64url')}`;
}

/**
 * One domain event → one delivery per enabled endpoint of its tenant (if its plan includes
 * webhooks) that subscribes to the event's type and existed when it happened; then the first attempt of each. Safe to run
 * twice: the deliveries are unique per (endpoint, event) and each attempt's job is keyed by
 * delivery and attempt number, so a repeat creates and sends nothing new.
 * Returns null when the event is gone (its tenant was deleted): nothing left to deliver.
 */
export async function fanOutEvent(eventId: string): Promise<{ type: string; deliveries: number } | null> {
  const event = await db.domainEvent.findUnique({ where: { id: eventId } });
  if (!event) return null;
  // Webhooks are a plan feature: a workspace whose plan lacks it gets no deliveries to its own
  // endpoints. Installed marketplace apps' endpoints are the apps' and get theirs on any plan.
  // Billing events are the workspace's own (never an app's) and about the plan itself, so they
  // reach its endpoints whatever the plan is now: the subscription.cancelled that ends a plan
  // with webhooks is still heard.
  const tenant = await db.tenant.findUnique({ where: { id: event.tenantId }, select: { plan: true } });
  if (!tenant) return { type: event.type, deliveries: 0 };
  const billing = isBillingEventType(event.type);
  const whose: Prisma.WebhookEndpointWhereInput = billing ? { appInstallationId: null } : (await can(tenant, 'webhooks')) ? {} : { appInstallationId: { not: null } };
  const endpoints = await db.webhookEndpoint.findMany({
    where: {
      tenantId: event.tenantId,
      enabled: true,
      createdAt: { lte: event.occurredAt },
      OR: [{ eventTypes: { isEmpty: true } }, { eventTypes: { has: event.type } }],
      ...whose,
    },
    select: { id: true, consecutiveTimeouts: true },
    orderBy: { id: 'asc' },
  });
  const lanes = new Map(endpoints.map((endpoint) => [endpoint.id, laneOf(endpoint)]));
  // In chunks, each sent as soon as it is written: the first receivers of a large fan-out get
  // theirs while the rest are still being written.
  const sent = new Set<string>();
  if (endpoints.length > 0) {
    const payload = webhookPayload(event) as unknown as Prisma.InputJsonObject;
    const now = new Date();
    for (let start = 0; start < endpoints.length; ) {
      const end = start + (start === 0 ? FIRST_CHUNK : CHUNK);
      const created = await db.webhookDelivery.createManyAndReturn({
        data: endpoints.slice(start, end).map((endpoint) => ({ id: newDeliveryId(), tenantId: event.tenantId, endpointId: endpoint.id, eventId: event.id, eventType: event.type, payload, nextAttemptAt: now })),
        skipDuplicates: true,
        select: { id: true, endpointId: true },
      });
      await sendFirstAttempts(created.map(({ id, endpointId }) => ({ id, lane: lanes.get(endpointId) ?? 'fast' })));
      for (const { id } of created) sent.add(id);
      start = end;
    }
  }
  // Also re-sends first attempts whose jobs a crash may have lost on an earlier run (and sends
  // those made with the event, such as app.uninstalled's to the app's endpoint it switched off).
  const unsent = await db.webhookDelivery.findMany({ where: { eventId: event.id, status: 'pending', attempts: 0 }, select: { id: true, endpoint: { select: { consecutiveTimeouts: true } } } });
  await sendFirstAttempts(unsent.filter(({ id }) => !sent.has(id)).map(({ id, endpoint }) => ({ id, lane: laneOf(endpoint) })));
  return { type: event.type, deliveries: endpoints.length };
}

/** Deliveries written (and sent) at a time; the first chunk is small, so its receivers get theirs soonest. */
const FIRST_CHUNK = 20;
const CHUNK = 100;

// Each on its endpoint's lane, so a slow endpoint's first attempts never take a fast worker.
async function sendFirstAttempts(deliveries: { id: string; lane: SendLane }[]): Promise<void> {
  for (const lane of ['fast', 'slow'] as const) {
    await enqueueMany(
      LANE_JOBS[lane],
      deliveries.filter((delivery) => delivery.lane === lane).map(({ id }) => ({ payload: { deliveryId: id, attempt: 1 }, singletonKey: deliveryJobKey(id, 1) })),
    );
  }
}
