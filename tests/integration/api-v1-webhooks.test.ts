import { beforeAll, describe, expect, it } from 'vitest';
import * as eventTypesRoute from '../../app/api/v1/event-types/route.ts';
import * as webhookRoute from '../../app/api/v1/webhooks/[id]/route.ts';
import * as rotateRoute from '../../app/api/v1/webhooks/[id]/rotate-secret/route.ts';
import * as webhooksRoute from '../../app/api/v1/webhooks/route.ts';
import { decryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import { EVENT_CATALOG } from '../../lib/events/event-catalog.ts';
import { createEndpoint } from '../../lib/webhooks/endpoints.ts';
import { apiWorkspace, expectProblem, type ApiWorkspace, type CallOptions, type V1Answer } from '../support/api-v1-client.ts';

// The public API's webhook endpoints: a key with webhooks:manage, acting as a workspace admin.
// URLs are public addresses written as literals: the SSRF guard resolves host names, and the
// test machine has no DNS.

const PUBLIC_URL = 'https://93.184.216.34/hooks/waypoint';
const webhookPath = (id: string) => `/api/v1/webhooks/${id}`;
const SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

/** An admin's workspace whose default key (ws.secret) can manage webhooks; ws.newKey() still makes member-scoped keys. */
async function adminWorkspace(): Promise<ApiWorkspace> {
  const ws = await apiWorkspace('admin');
  const { secret, keyId } = await ws.newKey({ scopes: ['webhooks:manage'] });
  return { ...ws, secret, keyId, call: (handler, path, params, options = {}) => ws.call(handler, path, params, { secret, ...options }) };
}

const create = (ws: ApiWorkspace, body: unknown, options: CallOptions = {}) => ws.call(webhooksRoute.POST, '/api/v1/webhooks', {}, { method: 'POST', body, ...options });

function expectNoSecret(answer: V1Answer, secret: string): void {
  expect(answer.text).not.toContain(secret);
  expect(answer.text).not.toContain('whsec_');
  expect(answer.body).not.toHaveProperty('secret');
}

describe('webhook endpoints in the public API', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  let othersEndpointId: string;

  beforeAll(async () => {
    [ws, other] = await Promise.all([adminWorkspace(), adminWorkspace()]);
    othersEndpointId = (await createEndpoint(other.tenant, other.member, { url: PUBLIC_URL, description: 'Theirs' })).endpoint.id;
  });

  it('creates an endpoint with its whsec_ secret once, then reads, changes, rotates and deletes it', async () => {
    const created = await create(ws, { url: PUBLIC_URL, description: 'CRM sync', eventTypes: ['goal.created', 'goal.completed'], headers: { 'X-Team': 'growth' } });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('cache-control')).toBe('private, no-store');
    expect(created.body).toMatchObject({
      url: PUBLIC_URL,
      description: 'CRM sync',
      eventTypes: ['goal.created', 'goal.completed'],
      enabled: true,
      headers: { 'X-Team': 'growth' },
      disabledReason: null,
      previousSecretValidUntil: null,
    });
    const id = created.body.id as string;
    const secret = created.body.secret as string;
    expect(id).toMatch(/^whk_/);
    expect(secret).toMatch(SECRET);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(row.tenantId).toBe(ws.tenant.id);
    expect(row.createdById).toBe(ws.member.userId);
    expect(decryptSecret(row.secretEncrypted)).toBe(secret);

    const list = await ws.call(webhooksRoute.GET, '/api/v1/webhooks', {});
    expect(list.status, list.text).toBe(200);
    expect(list.body.next_cursor).toBeNull();
    expect((list.body.data ?? []).map((e) => e.id)).toEqual([id]);
    expectNoSecret(list, secret);

    const read = await ws.call(webhookRoute.GET, webhookPath(id), { id });
    expect(read.status).toBe(200);
    expectNoSecret(read, secret);
    expect(read.body).toEqual(Object.fromEntries(Object.entries(created.body).filter(([key]) => key !== 'secret')));
    const etag = read.headers.get('etag') ?? '';
    expect((await ws.call(webhookRoute.GET, webhookPath(id), { id }, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const patched = await ws.call(webhookRoute.PATCH, webhookPath(id), { id }, { method: 'PATCH', body: { enabled: false, eventTypes: [], description: null } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ id, enabled: false, eventTypes: [], description: null });
    expectNoSecret(patched, secret);

    const rotated = await ws.call(rotateRoute.POST, `${webhookPath(id)}/rotate-secret`, { id }, { method: 'POST', body: { graceHours: 2 } });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('private, no-store');
    expect(rotated.body.secret).toMatch(SECRET);
    expect(rotated.body.secret).not.toBe(secret);
    const until = Date.parse(rotated.body.previousSecretValidUntil as string);
    expect(until - Date.now()).toBeGreaterThan(1.9 * 3_600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);

    // No body: the default grace period (24 hours).
    const again = await ws.call(rotateRoute.POST, `${webhookPath(id)}/rotate-secret`, { id }, { method: 'POST' });
    expect(again.status, again.text).toBe(200);
    expect(Date.parse(again.body.previousSecretValidUntil as string) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expectNoSecret(await ws.call(webhookRoute.GET, webhookPath(id), { id }), again.body.secret as string);

    const deleted = await ws.call(webhookRoute.DELETE, webhookPath(id), { id }, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectProblem(await ws.call(webhookRoute.GET, webhookPath(id), { id }), 404, 'not_found');
    const audited = await db.auditLog.findMany({ where: { tenantId: ws.tenant.id, targetId: id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
    expect(audited.map((entry) => entry.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.secret_rotated', 'webhook.secret_rotated', 'webhook.deleted']);
    expect(audited.every((entry) => entry.actorId === ws.member.userId)).toBe(true);
  });

  it('replays a create with the same Idempotency-Key, secret included, keeping the stored answer encrypted', async () => {
    const body = { url: `${PUBLIC_URL}/idempotent` };
    const first = await create(ws, body, { headers: { 'idempotency-key': 'create-webhook-1' } });
    expect(first.status, first.text).toBe(201);
    const replay = await create(ws, body, { headers: { 'idempotency-key': 'create-webhook-1' } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await db.webhookEndpoint.count({ where: { tenantId: ws.tenant.id, url: body.url } })).toBe(1);
    const stored = await db.idempotencyKey.findFirstOrThrow({ where: { tenantId: ws.tenant.id, key: 'create-webhook-1' } });
    expect(stored.body).not.toContain(first.body.secret as string);
    expect(stored.body).not.toContain('whsec_');

    expectProblem(await create(ws, { url: `${PUBLIC_URL}/other` }, { headers: { 'idempotency-key': 'create-webhook-1' } }), 409, 'idempotency_key_reused');
  });

  it('is 403 for a key without webhooks:manage', async () => {
    const { secret: goalsOnly } = await ws.newKey({ scopes: ['read:goals', 'write:goals'] });
    const refused = await create(ws, { url: PUBLIC_URL }, { secret: goalsOnly });
    expectProblem(refused, 403, 'insufficient_scope');
    expect(refused.headers.get('www-authenticate')).toContain('scope="webhooks:manage"');
    expectProblem(await ws.call(webhooksRoute.GET, '/api/v1/webhooks', {}, { secret: goalsOnly }), 403, 'insufficient_scope');
    expectProblem(await ws.call(eventTypesRoute.GET, '/api/v1/event-types', {}, { secret: goalsOnly }), 403, 'insufficient_scope');
  });

  it('is 403 for a key whose creator is (now) a plain member, and creates nothing', async () => {
    const demoted = await adminWorkspace();
    await db.membership.update({ where: { id: demoted.member.membershipId }, data: { role: 'member' } });
    const refused = await create(demoted, { url: PUBLIC_URL });
    expect(refused.status, refused.text).toBe(403);
    expect(['insufficient_scope', 'forbidden']).toContain(refused.body.code);
    expect((await demoted.call(webhooksRoute.GET, '/api/v1/webhooks', {})).status).toBe(403);
    expect(await db.webhookEndpoint.count({ where: { tenantId: demoted.tenant.id } })).toBe(0);
  });

  it('is 404 for another workspace’s endpoint, which stays as it was', async () => {
    const id = othersEndpointId;
    expectProblem(await ws.call(webhookRoute.GET, webhookPath(id), { id }), 404, 'not_found');
    expectProblem(await ws.call(webhookRoute.PATCH, webhookPath(id), { id }, { method: 'PATCH', body: { description: 'hijacked' } }), 404, 'not_found');
    expectProblem(await ws.call(rotateRoute.POST, `${webhookPath(id)}/rotate-secret`, { id }, { method: 'POST', body: {} }), 404, 'not_found');
    expectProblem(await ws.call(webhookRoute.DELETE, webhookPath(id), { id }, { method: 'DELETE' }), 404, 'not_found');
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ description: 'Theirs', previousSecretEncrypted: null });
    expect(((await ws.call(webhooksRoute.GET, '/api/v1/webhooks', {})).body.data ?? []).map((e) => e.id)).not.toContain(id);
    // The other workspace's own key on this workspace's host is refused before any lookup.
    expectProblem(await other.call(webhookRoute.GET, webhookPath(id), { id }, { hostTenantId: ws.tenant.id }), 401, 'wrong_workspace');
  });

  // Loopback is let through only in development (WEBHOOKS_ALLOW_LOCALHOST=true).
  const refusedUrls = ['https://10.1.2.3/hook', 'https://192.168.0.10/hook', 'https://169.254.169.254/latest/meta-data', 'https://[fd00::1]/hook', 'http://93.184.216.34/hook'];
  if (process.env.WEBHOOKS_ALLOW_LOCALHOST !== 'true') refusedUrls.push('https://127.0.0.1/hook', 'https://[::1]/hook');

  it.each(refusedUrls)('is 422 naming url for %s (private, loopback, metadata or plain http)', async (url) => {
    const refused = await create(ws, { url });
    expectProblem(refused, 422, 'validation_failed');
    expect(Object.keys(refused.body.errors ?? {})).toEqual(['url']);
  });

  it('is 422 when a change points an endpoint at a private address', async () => {
    const { endpoint } = await createEndpoint(ws.tenant, ws.member, { url: PUBLIC_URL });
    const refused = await ws.call(webhookRoute.PATCH, webhookPath(endpoint.id), { id: endpoint.id }, { method: 'PATCH', body: { url: 'https://10.0.0.1/internal' } });
    expectProblem(refused, 422, 'validation_failed');
    expect(Object.keys(refused.body.errors ?? {})).toEqual(['url']);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).url).toBe(PUBLIC_URL);
  });

  it('is 422 for an unknown event type, a reserved header or an unknown field, naming it', async () => {
    const unknownType = await create(ws, { url: PUBLIC_URL, eventTypes: ['goal.created', 'goal.exploded'] });
    expectProblem(unknownType, 422, 'validation_failed');
    expect(Object.keys(unknownType.body.errors ?? {}).every((key) => key.startsWith('eventTypes'))).toBe(true);
    expect(Object.values(unknownType.body.errors ?? {})).toContain('Unknown event type.');

    const reserved = await create(ws, { url: PUBLIC_URL, headers: { Authorization: 'Bearer x' } });
    expectProblem(reserved, 422, 'validation_failed');
    expect(Object.keys(reserved.body.errors ?? {}).every((key) => key.startsWith('headers'))).toBe(true);

    const typo = await create(ws, { url: PUBLIC_URL, evenTypes: ['goal.created'] });
    expectProblem(typo, 422, 'validation_failed');
    expect(Object.keys(typo.body.errors ?? {})).toEqual(['evenTypes']);
    expect(typo.body.detail).toContain('evenTypes');

    const grace = await ws.call(rotateRoute.POST, `${webhookPath(othersEndpointId)}/rotate-secret`, { id: othersEndpointId }, { method: 'POST', body: { graceHours: 500 } });
    expectProblem(grace, 422, 'validation_failed');
    expect(Object.keys(grace.body.errors ?? {})).toEqual(['graceHours']);
    expect(await db.webhookEndpoint.count({ where: { tenantId: ws.tenant.id, url: PUBLIC_URL, eventTypes: { has: 'goal.exploded' } } })).toBe(0);
  });

  it('is 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    expectProblem(await create(ws, '{"url": '), 400, 'bad_request');
    expectProblem(await create(ws, ''), 400, 'bad_request');
    expectProblem(await ws.call(webhooksRoute.POST, '/api/v1/webhooks', {}, { method: 'POST', body: `url=${PUBLIC_URL}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
    const { endpoint } = await createEndpoint(ws.tenant, ws.member, { url: PUBLIC_URL });
    expectProblem(await ws.call(rotateRoute.POST, `${webhookPath(endpoint.id)}/rotate-secret`, { id: endpoint.id }, { method: 'POST', body: '{' }), 400, 'bad_request');
  });
});

describe('GET /api/v1/event-types', () => {
  it('lists the catalog: type, description, JSON Schema of the data and an example', async () => {
    const ws = await adminWorkspace();
    const answer = await ws.call(eventTypesRoute.GET, '/api/v1/event-types', {});
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.next_cursor).toBeNull();
    const data = answer.body.data ?? [];
    expect(data.map((entry) => entry.type)).toEqual(Object.keys(EVENT_CATALOG));
    const created = data.find((entry) => entry.type === 'goal.created');
    expect(created).toEqual({
      type: 'goal.created',
      description: EVENT_CATALOG['goal.created'].description,
      schema: expect.objectContaining({ type: 'object', required: expect.arrayContaining(['goalId', 'title', 'ownerId', 'teamId']) }),
      example: EVENT_CATALOG['goal.created'].example,
    });
    expect((created?.schema as Record<string, unknown>).$schema).toBeUndefined();
  });
});
