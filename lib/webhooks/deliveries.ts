import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../api/v1/cursor.ts';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Prisma, WebhookDelivery, WebhookDeliveryAttempt } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { newEventId } from '../events/domain-events.ts';
import { EVENT_CATALOG } from '../events/event-catalog.ts';
import { AppError, conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { enqueueAttempt } from './delivery-job.ts';
import type { AttemptView, DeliveryDetail, DeliveryPage, DeliveryView } from './delivery-view.ts';
import { newDeliveryId } from './fan-out.ts';
import { webhookPayload } from './webhook-payload.ts';

// The delivery log of a workspace's endpoints, and the manual actions on it. Admins only
// (integrations.manage), every query scoped by tenant: another workspace's ids are 404.

const EVENT_TYPES = Object.keys(EVENT_CATALOG) as [keyof typeof EVENT_CATALOG, ...(keyof typeof EVENT_CATALOG)[]];
const CURSOR_KIND = 'webhook_deliveries';
/** A delivery's detail shows its newest attempts, up to this many (its schedule has 8; replays add more). */
export const ATTEMPT_LOG_LIMIT = 50;
/** At most this many deliveries per "replay failed since". */
export const REPLAY_BATCH_LIMIT = 1000;

export const deliveryListQuery = z
  .object({
    status: z.enum(['pending', 'succeeded', 'failed'], { message: 'Use pending, succeeded or failed.' }).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int('Use a whole number.').min(1, 'Use 1 to 100.').max(100, 'Use 1 to 100.').default(20),
  })
  .strict();

export const replayFailedSinceInput = z
  .object({
    since: z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time, e.g. 2026-11-21T09:00:00Z.' }),
  })
  .strict();

export const testEventInput = z.object({ eventType: z.enum(EVENT_TYPES, { message: 'Unknown event type.' }).optional() }).strict();

function toView(row: WebhookDelivery): DeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastDurationMs: row.lastDurationMs,
    lastResponseBody: row.lastResponseBody,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function assertEndpoint(tenant: TenantContext, endpointId: string) {
  const endpoint = await tenantDb(tenant.id).webhookEndpoint.findFirst({ where: { id: endpointId }, select: { id: true, eventTypes: true, enabled: true, disabledReason: true } });
  if (!endpoint) throw notFound('No such webhook endpoint.');
  return endpoint;
}

// A replay to a disabled endpoint would be sent anyway (manual attempts skip the check), so
// it is refused up front, saying why; test events stay allowed, to check a receiver before
// enabling it again.
function assertEnabled(endpoint: { enabled: boolean; disabledReason: string | null }): void {
  if (endpoint.enabled) return;
  const why = endpoint.disabledReason ? ` (${endpoint.disabledReason.replace(/\.$/, '')})` : '';
  throw new AppError(409, 'endpoint_disabled', `The endpoint is disabled${why}. Enable it, then replay.`);
}

const actorOf = (member: Member) => ({ id: member.userId, email: member.email });

export async function listDeliveries(tenant: TenantContext, member: Member, endpointId: string, query: unknown): Promise<DeliveryPage> {
  assertCan(member.role, 'integrations.manage');
  const { status, cursor, limit } = parseInput(deliveryListQuery, query);
  await assertEndpoint(tenant, endpointId);
  let after: Prisma.WebhookDeliveryWhereInput = {};
  if (cursor) {
    const [createdAt, id] = decodeCursor(CURSOR_KIND, cursor, z.tuple([z.iso.datetime(), z.string()]));
    after = { OR: [{ createdAt: { lt: new Date(createdAt) } }, { createdAt: new Date(createdAt), id: { lt: id } }] };
  }
  const rows = await tenantDb(tenant.id).webhookDelivery.findMany({
    where: { endpointId, ...(status ? { status } : {}), ...after },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { data: page.map(toView), nextCursor: more && last ? encodeCursor(CURSOR_KIND, [last.createdAt.toISOString(), last.id]) : null };
}

export async function getDelivery(tenant: TenantContext, member: Member, deliveryId: string): Promise<DeliveryDetail> {
  assertCan(member.role, 'integrations.manage');
  const scoped = tenantDb(tenant.id);
  const row = await scoped.webhookDelivery.findFirst({ where: { id: deliveryId } });
  if (!row) throw notFound('No such webhook delivery.');
  const attempts = await scoped.webhookDeliveryAttempt.findMany({ where: { deliveryId }, orderBy: { attempt: 'desc' }, take: ATTEMPT_LOG_LIMIT });
  return { ...toView(row), payload: row.payload, attemptLog: attempts.map(toAttemptView) };
}

function toAttemptView(row: WebhookDeliveryAttempt): AttemptView {
  return {
    attempt: row.attempt,
    manual: row.manual,
    statusCode: row.statusCode,
    durationMs: row.durationMs,
    responseBody: row.responseBody,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
  };
}

/** One more attempt of a delivery, now: a single attempt, not a new schedule. 409 while it is pending. */
export async function replayDelivery(tenant: TenantContext, member: Member, deliveryId: string): Promise<DeliveryView> {
  assertCan(member.role, 'integrations.manage');
  const row = await tenantDb(tenant.id).$transaction(async (tx) => {
    const current = await tx.webhookDelivery.findFirst({ where: { id: deliveryId }, include: { endpoint: { select: { enabled: true, disabledReason: true } } } });
    if (!current) throw notFound('No such webhook delivery.');
    assertEnabled(current.endpoint);
    if (current.status === 'pending') throw conflict('This delivery is still being attempted; replay it once it has succeeded or failed.');
    const updated = await tx.webhookDelivery.updateManyAndReturn({ where: { id: deliveryId, status: current.status, attempts: current.attempts }, data: { status: 'pending', nextAttemptAt: new Date() } });
    if (updated.length === 0) throw conflict('This delivery changed meanwhile; reload and try again.');
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'webhook.delivery_replayed', target: { type: 'webhook_delivery', id: deliveryId }, metadata: { eventId: current.eventId } });
    return updated[0];
  });
  await enqueueAttempt(row.id, row.attempts + 1, { manual: true });
  return toView(row);
}

/** Replays every failed delivery of the endpoint created at or after `since`, up to REPLAY_BATCH_LIMIT. */
export async function replayFailedSince(tenant: TenantContext, member: Member, endpointId: string, input: unknown): Promise<{ replayed: number }> {
  assertCan(member.role, 'integrations.manage');
  const since = new Date(parseInput(replayFailedSinceInput, input).since);
  if (since.getTime() > Date.now()) throw validationFailed({ since: 'Pick a time in the past.' });
  assertEnabled(await assertEndpoint(tenant, endpointId));
  const rows = await tenantDb(tenant.id).$transaction(async (tx) => {
    const failed = await tx.webhookDelivery.findMany({ where: { endpointId, status: 'failed', createdAt: { gte: since } }, orderBy: { createdAt: 'asc' }, take: REPLAY_BATCH_LIMIT, select: { id: true } });
    const updated = await tx.webhookDelivery.updateManyAndReturn({ where: { id: { in: failed.map((row) => row.id) }, status: 'failed' }, data: { status: 'pending', nextAttemptAt: new Date() }, select: { id: true, attempts: true } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'webhook.deliveries_replayed', target: { type: 'webhook_endpoint', id: endpointId }, metadata: { since: since.toISOString(), count: updated.length } });
    return updated;
  });
  for (const row of rows) await enqueueAttempt(row.id, row.attempts + 1, { manual: true });
  return { replayed: rows.length };
}

/** Sends the catalog's example of `eventType` (default: the endpoint's first subscribed type) as a test event, whether or not the endpoint subscribes to it. */
export async function sendTestEvent(tenant: TenantContext, member: Member, endpointId: string, input: unknown): Promise<DeliveryView> {
  assertCan(member.role, 'integrations.manage');
  const { eventType } = parseInput(testEventInput, input ?? {});
  const endpoint = await assertEndpoint(tenant, endpointId);
  const type = eventType ?? (endpoint.eventTypes[0] as keyof typeof EVENT_CATALOG | undefined) ?? 'goal.created';
  const event = { id: newEventId(), type, occurredAt: new Date(), tenantId: tenant.id, payload: EVENT_CATALOG[type].example };
  const row = await tenantDb(tenant.id).webhookDelivery.create({
    data: { id: newDeliveryId(), tenantId: tenant.id, endpointId, eventId: event.id, eventType: type, payload: webhookPayload(event) as unknown as Prisma.InputJsonObject, nextAttemptAt: event.occurredAt },
  });
  await enqueueAttempt(row.id, 1, { manual: true });
  return toView(row);
}
