import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as deliveryRoute from '../../app/api/v1/webhook-deliveries/[id]/route.ts';
import * as replayDeliveryRoute from '../../app/api/v1/webhook-deliveries/[id]/replay/route.ts';
import * as deliveriesRoute from '../../app/api/v1/webhooks/[id]/deliveries/route.ts';
import * as replayRoute from '../../app/api/v1/webhooks/[id]/replay/route.ts';
import * as testRoute from '../../app/api/v1/webhooks/[id]/test/route.ts';
import { buildOpenApiDocument } from '../../lib/api/v1/openapi.ts';
import { operations, type ApiOperation } from '../../lib/api/v1/operations.ts';
import { db } from '../../lib/db/client.ts';
import type { WebhookDeliveryStatus } from '../../lib/db/generated/enums.ts';
import { EVENT_CATALOG } from '../../lib/events/event-catalog.ts';
import { startJobs, stopJobs } from '../../lib/jobs/queue.ts';
import { createEndpoint } from '../../lib/webhooks/endpoints.ts';
import { apiWorkspace, expectProblem, walk, type ApiWorkspace, type V1Answer } from '../support/api-v1-client.ts';

// The delivery log in the public API: listing, reading, replaying and test events, checked
// against the OpenAPI document too. Replays and test events enqueue webhook.deliver jobs: the
// queue runs in a schema of its own with no workers, so jobs are queued and never run here
// (webhooks-pipeline.test.ts runs the real workers).
const QUEUE_SCHEMA = 'pgboss_api_v1_deliveries';

const PUBLIC_URL = 'https://93.184.216.34/hooks/waypoint';

async function adminWorkspace(): Promise<ApiWorkspace> {
  const ws = await apiWorkspace('admin');
  const { secret, keyId } = await ws.newKey({ scopes: ['webhooks:manage'] });
  return { ...ws, secret, keyId, call: (handler, path, params, options = {}) => ws.call(handler, path, params, { secret, ...options }) };
}

/** A delivery row as the engine would leave it, `minutesAgo` old. */
async function delivery(ws: ApiWorkspace, endpointId: string, status: WebhookDeliveryStatus, minutesAgo: number) {
  const createdAt = new Date(Date.now() - minutesAgo * 60_000);
  const eventId = `evt_${randomBytes(12).toString('base64url')}`;
  const failed = status === 'failed';
  return db.webhookDelivery.create({
    data: {
      id: `whd_${randomBytes(12).toString('base64url')}`,
      tenantId: ws.tenant.id,
      endpointId,
      eventId,
      eventType: 'goal.created',
      payload: { id: eventId, type: 'goal.created', created_at: createdAt.toISOString(), tenant_id: ws.tenant.id, data: EVENT_CATALOG['goal.created'].example, api_version: 'v1' },
      status,
      attempts: status === 'pending' ? 0 : failed ? 8 : 1,
      lastStatusCode: status === 'pending' ? null : failed ? 500 : 200,
      lastError: failed ? 'The receiver answered 500.' : null,
      lastDurationMs: status === 'pending' ? null : 42,
      lastResponseBody: failed ? '<h1>Internal error</h1>' : status === 'succeeded' ? 'ok' : null,
      nextAttemptAt: status === 'pending' ? new Date(Date.now() + 60_000) : null,
      deliveredAt: status === 'succeeded' ? createdAt : null,
      createdAt,
    },
  });
}

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
type Responses = Record<string, { content?: Record<string, { schema: object }> }>;
let resolved: { paths: Record<string, Record<string, { responses: Responses }>> };

/** The answer is one the document describes, body and all. */
function expectDocumented(op: ApiOperation, answer: V1Answer): void {
  const response = resolved.paths[op.path][op.method].responses[String(answer.status)];
  expect(response, `${op.operationId} does not document ${answer.status}: ${answer.text}`).toBeDefined();
  const schema = response.content?.[answer.headers.get('content-type') ?? '']?.schema;
  expect(schema, `${op.operationId} ${answer.status}: undocumented content type`).toBeDefined();
  const validate = ajv.compile(schema ?? {});
  expect(validate(answer.body), `${op.operationId} ${answer.status}: ${ajv.errorsText(validate.errors)}\n${answer.text}`).toBe(true);
}

describe('webhook deliveries in the public API', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  let endpointId: string;
  let othersEndpointId: string;
  const path = (id: string, rest: string) => `/api/v1/webhooks/${id}/${rest}`;

  beforeAll(async () => {
    expect(await startJobs({ schema: QUEUE_SCHEMA })).toBe('pg-boss');
    resolved = (await SwaggerParser.dereference(structuredClone(buildOpenApiDocument()) as never)) as unknown as typeof resolved;
    [ws, other] = await Promise.all([adminWorkspace(), adminWorkspace()]);
    endpointId = (await createEndpoint(ws.tenant, ws.member, { url: PUBLIC_URL })).endpoint.id;
    othersEndpointId = (await createEndpoint(other.tenant, other.member, { url: PUBLIC_URL })).endpoint.id;
  });

  afterAll(() => stopJobs());

  it('refuses a key without webhooks:manage, and bad query parameters and bodies, before reaching the log', async () => {
    const { secret: goalsOnly } = await ws.newKey({ scopes: ['read:goals'] });
    expectProblem(await ws.call(deliveriesRoute.GET, path(endpointId, 'deliveries'), { id: endpointId }, { secret: goalsOnly }), 403, 'insufficient_scope');
    expectProblem(await ws.call(testRoute.POST, path(endpointId, 'test'), { id: endpointId }, { method: 'POST', secret: goalsOnly }), 403, 'insufficient_scope');
    expectProblem(await ws.call(replayDeliveryRoute.POST, '/api/v1/webhook-deliveries/x/replay', { id: 'x' }, { method: 'POST', secret: goalsOnly }), 403, 'insufficient_scope');

    for (const [query, field] of [
      ['status=delivered', 'status'],
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
    ]) {
      const answer = await ws.call(deliveriesRoute.GET, `${path(endpointId, 'deliveries')}?${query}`, { id: endpointId });
      expectProblem(answer, 422, 'validation_failed');
      expect(Object.keys(answer.body.errors ?? {}), query).toEqual([field]);
    }
    const unknownType = await ws.call(testRoute.POST, path(endpointId, 'test'), { id: endpointId }, { method: 'POST', body: { eventType: 'goal.exploded' } });
    expectProblem(unknownType, 422, 'validation_failed');
    expect(Object.keys(unknownType.body.errors ?? {})).toEqual(['eventType']);
    const badSince = await ws.call(replayRoute.POST, path(endpointId, 'replay'), { id: endpointId }, { method: 'POST', body: { since: 'last tuesday' } });
    expectProblem(badSince, 422, 'validation_failed');
    expect(Object.keys(badSince.body.errors ?? {})).toEqual(['since']);
    expectProblem(await ws.call(replayRoute.POST, path(endpointId, 'replay'), { id: endpointId }, { method: 'POST', body: '' }), 400, 'bad_request');
    expectProblem(await ws.call(testRoute.POST, path(endpointId, 'test'), { id: endpointId }, { method: 'POST', body: '{"eventType"' }), 400, 'bad_request');
  });

  it('lists an endpoint’s deliveries newest first, a page at a time, filtered by status', async () => {
    const paging = await adminWorkspace();
    const { endpoint } = await createEndpoint(paging.tenant, paging.member, { url: PUBLIC_URL });
    const made = [];
    for (const [i, status] of (['succeeded', 'failed', 'succeeded', 'pending', 'failed'] as const).entries()) made.push(await delivery(paging, endpoint.id, status, 50 - i));

    const { pages, keys } = await walk(paging, deliveriesRoute.GET, path(endpoint.id, 'deliveries'), 'limit=2', { id: endpoint.id });
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(keys).toEqual(made.map((d) => d.id).reverse());

    const first = await paging.call(deliveriesRoute.GET, path(endpoint.id, 'deliveries'), { id: endpoint.id });
    expectDocumented(operations.listWebhookDeliveries, first);
    expect(first.body.data?.[0]).toMatchObject({ id: made[4].id, endpointId: endpoint.id, eventType: 'goal.created', status: 'failed', attempts: 8, lastStatusCode: 500, lastResponseBody: '<h1>Internal error</h1>' });
    expect(first.body.data?.[0]).not.toHaveProperty('payload');

    const failed = await paging.call(deliveriesRoute.GET, `${path(endpoint.id, 'deliveries')}?status=failed`, { id: endpoint.id });
    expect((failed.body.data ?? []).map((d) => d.id)).toEqual([made[4].id, made[1].id]);
  });

  it('reads one delivery with its payload; another workspace’s deliveries and endpoints are 404', async () => {
    const row = await delivery(ws, endpointId, 'failed', 5);
    const read = await ws.call(deliveryRoute.GET, `/api/v1/webhook-deliveries/${row.id}`, { id: row.id });
    expect(read.status, read.text).toBe(200);
    expectDocumented(operations.getWebhookDelivery, read);
    expect(read.body).toMatchObject({ id: row.id, eventId: row.eventId, status: 'failed', payload: row.payload });

    expectProblem(await other.call(deliveryRoute.GET, `/api/v1/webhook-deliveries/${row.id}`, { id: row.id }), 404, 'not_found');
    expectProblem(await other.call(replayDeliveryRoute.POST, `/api/v1/webhook-deliveries/${row.id}/replay`, { id: row.id }, { method: 'POST' }), 404, 'not_found');
    expectProblem(await ws.call(deliveriesRoute.GET, path(othersEndpointId, 'deliveries'), { id: othersEndpointId }), 404, 'not_found');
    expectProblem(await ws.call(testRoute.POST, path(othersEndpointId, 'test'), { id: othersEndpointId }, { method: 'POST' }), 404, 'not_found');
    expectProblem(await ws.call(replayRoute.POST, path(othersEndpointId, 'replay'), { id: othersEndpointId }, { method: 'POST', body: { since: '2020-01-01T00:00:00Z' } }), 404, 'not_found');
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(8);
  });

  it('replays a finished delivery (202), but not one that is still pending (409)', async () => {
    const failed = await delivery(ws, endpointId, 'failed', 3);
    const replayed = await ws.call(replayDeliveryRoute.POST, `/api/v1/webhook-deliveries/${failed.id}/replay`, { id: failed.id }, { method: 'POST' });
    expect(replayed.status, replayed.text).toBe(202);
    expectDocumented(operations.replayWebhookDelivery, replayed);
    expect(replayed.body).toMatchObject({ id: failed.id, eventId: failed.eventId });

    const pending = await delivery(ws, endpointId, 'pending', 1);
    const refused = await ws.call(replayDeliveryRoute.POST, `/api/v1/webhook-deliveries/${pending.id}/replay`, { id: pending.id }, { method: 'POST' });
    expectProblem(refused, 409, 'conflict');
    expectDocumented(operations.replayWebhookDelivery, refused);
  });

  it('refuses to replay to a disabled endpoint (409 endpoint_disabled, saying so), one delivery or all failed since', async () => {
    const disabling = await adminWorkspace();
    const { endpoint } = await createEndpoint(disabling.tenant, disabling.member, { url: PUBLIC_URL });
    const failed = await delivery(disabling, endpoint.id, 'failed', 3);
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: 'The receiver answered 410 Gone.' } });

    const one = await disabling.call(replayDeliveryRoute.POST, `/api/v1/webhook-deliveries/${failed.id}/replay`, { id: failed.id }, { method: 'POST' });
    expectProblem(one, 409, 'endpoint_disabled');
    expectDocumented(operations.replayWebhookDelivery, one);
    expect(one.body.detail).toMatch(/endpoint is disabled.*410 Gone.*enable it/i);
    const all = await disabling.call(replayRoute.POST, path(endpoint.id, 'replay'), { id: endpoint.id }, { method: 'POST', body: { since: '2020-01-01T00:00:00Z' } });
    expectProblem(all, 409, 'endpoint_disabled');
    expectDocumented(operations.replayWebhookDeliveries, all);
    // Nothing changed, nothing queued.
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'failed', attempts: 8 });

    // Enabled again, the same replay goes through.
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true, disabledReason: null } });
    const replayed = await disabling.call(replayDeliveryRoute.POST, `/api/v1/webhook-deliveries/${failed.id}/replay`, { id: failed.id }, { method: 'POST' });
    expect(replayed.status, replayed.text).toBe(202);
  });

  it('replays the failed deliveries since a moment, and only those', async () => {
    const replaying = await adminWorkspace();
    const { endpoint } = await createEndpoint(replaying.tenant, replaying.member, { url: PUBLIC_URL });
    await delivery(replaying, endpoint.id, 'failed', 120);
    await delivery(replaying, endpoint.id, 'failed', 30);
    await delivery(replaying, endpoint.id, 'failed', 10);
    await delivery(replaying, endpoint.id, 'succeeded', 10);
    const since = new Date(Date.now() - 60 * 60_000).toISOString();
    const answer = await replaying.call(replayRoute.POST, path(endpoint.id, 'replay'), { id: endpoint.id }, { method: 'POST', body: { since } });
    expect(answer.status, answer.text).toBe(200);
    expectDocumented(operations.replayWebhookDeliveries, answer);
    expect(answer.body).toEqual({ replayed: 2 });
  });

  it('sends a test event: the catalog’s example, in the envelope, to this endpoint', async () => {
    const answer = await ws.call(testRoute.POST, path(endpointId, 'test'), { id: endpointId }, { method: 'POST', body: { eventType: 'habit.logged' } });
    expect(answer.status, answer.text).toBe(202);
    expectDocumented(operations.sendWebhookTest, answer);
    expect(answer.body).toMatchObject({ endpointId, eventType: 'habit.logged' });
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: answer.body.id as string } });
    expect(row.tenantId).toBe(ws.tenant.id);
    expect(row.payload).toMatchObject({ type: 'habit.logged', data: EVENT_CATALOG['habit.logged'].example, api_version: 'v1' });

    // No body: the endpoint's first subscribed type (here: all types, so any catalog type).
    const bare = await ws.call(testRoute.POST, path(endpointId, 'test'), { id: endpointId }, { method: 'POST' });
    expect(bare.status, bare.text).toBe(202);
    expect(Object.keys(EVENT_CATALOG)).toContain(bare.body.eventType);
  });
});
