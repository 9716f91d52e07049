import { beforeAll, describe, expect, it } from 'vitest';
import * as analyticsRoute from '../../app/api/v1/analytics/overview/route.ts';
import * as goalRoute from '../../app/api/v1/goals/[id]/route.ts';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import * as logsRoute from '../../app/api/v1/habits/[id]/logs/route.ts';
import * as habitRoute from '../../app/api/v1/habits/[id]/route.ts';
import * as habitsRoute from '../../app/api/v1/habits/route.ts';
import * as meRoute from '../../app/api/v1/users/me/route.ts';
import { revokeApiKey } from '../../lib/api-keys/api-keys.ts';
import { flushRequestLog, monthOf } from '../../lib/api/request-log.ts';
import { operations, type ApiOperation } from '../../lib/api/v1/operations.ts';
import { db } from '../../lib/db/client.ts';
import { archiveGoal, completeGoal } from '../../lib/goals/goal-status.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { logHabit } from '../../lib/habits/habit-logs.ts';
import { createHabitSchema } from '../../lib/habits/habit-schema.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { addDays, localDateIn } from '../../lib/habits/local-date.ts';
import { apiWorkspace, callV1, unknownSecret, type ApiWorkspace, type CallOptions, type V1Answer, type V1Handler } from '../support/api-v1-client.ts';
import { memberIn } from '../support/workspace.ts';

type Endpoint = { op: ApiOperation; handler: V1Handler<{ id: string }>; body?: unknown };

// Every operation with a body that would succeed, so what is refused is the key, not the input.
const ENDPOINTS: Endpoint[] = [
  { op: operations.getMe, handler: meRoute.GET },
  { op: operations.listGoals, handler: goalsRoute.GET },
  { op: operations.createGoal, handler: goalsRoute.POST, body: { title: 'Matrix goal' } },
  { op: operations.getGoal, handler: goalRoute.GET },
  { op: operations.updateGoal, handler: goalRoute.PATCH, body: { title: 'Renamed' } },
  { op: operations.deleteGoal, handler: goalRoute.DELETE },
  { op: operations.listHabits, handler: habitsRoute.GET },
  { op: operations.createHabit, handler: habitsRoute.POST, body: { name: 'Matrix habit' } },
  { op: operations.getHabit, handler: habitRoute.GET },
  { op: operations.updateHabit, handler: habitRoute.PATCH, body: { name: 'Renamed' } },
  { op: operations.deleteHabit, handler: habitRoute.DELETE },
  { op: operations.listHabitLogs, handler: logsRoute.GET },
  { op: operations.logHabit, handler: logsRoute.POST, body: {} },
  { op: operations.getAnalyticsOverview, handler: analyticsRoute.GET },
];

function expectProblem(answer: V1Answer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.body).toMatchObject({ status, code });
  expect(typeof answer.body.detail).toBe('string');
}

const ids = (answer: V1Answer) => (answer.body.data ?? []).map((item) => item.id as string);
const goalPath = (id: string) => `/api/v1/goals/${id}`;
const habitPath = (id: string) => `/api/v1/habits/${id}`;
const logsPath = (id: string) => `/api/v1/habits/${id}/logs`;
const OVER_ONE_MB = JSON.stringify({ title: 'x'.repeat(1024 * 1024) });

/** Follows next_cursor from the first page to the last; the ids of every page, in order. */
async function walk(ws: ApiWorkspace, handler: V1Handler<{ id: string }>, path: string, query: string, params: { id: string } = { id: '' }): Promise<{ pages: string[][]; keys: string[] }> {
  const pages: string[][] = [];
  const keys: string[] = [];
  let cursor: string | null = null;
  do {
    const answer: V1Answer = await ws.call(handler, `${path}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, params);
    expect(answer.status, answer.text).toBe(200);
    const page = (answer.body.data ?? []).map((item) => String(item.id ?? item.date));
    pages.push(page);
    keys.push(...page);
    cursor = answer.body.next_cursor ?? null;
  } while (cursor && pages.length < 50);
  return { pages, keys };
}

describe('the key: authentication, workspace, scopes, IP allowlist and rate limits, on every endpoint', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  let revoked: string;
  let expired: string;
  let readUsersOnly: string;
  let readGoalsOnly: string;
  let allowlisted: string;

  beforeAll(async () => {
    [ws, other] = await Promise.all([apiWorkspace(), apiWorkspace()]);
    const toRevoke = await ws.newKey();
    await revokeApiKey(ws.tenant, ws.member, toRevoke.keyId);
    revoked = toRevoke.secret;
    const toExpire = await ws.newKey();
    await db.apiKey.update({ where: { id: toExpire.keyId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expired = toExpire.secret;
    readUsersOnly = (await ws.newKey({ scopes: ['read:users'] })).secret;
    readGoalsOnly = (await ws.newKey({ scopes: ['read:goals'] })).secret;
    allowlisted = (await ws.newKey({ ipAllowlist: ['203.0.113.0/24'] })).secret;
  });

  describe.each(ENDPOINTS)('$op.method $op.path', ({ op, handler, body }) => {
    const method = op.method.toUpperCase() as CallOptions['method'];
    const call = (options: CallOptions) => callV1(handler, op.path.replace('{id}', 'no-such-id'), { id: 'no-such-id' }, { method, body, hostTenantId: ws.tenant.id, ...options });

    it('is 401 without a key and with a malformed, unknown, revoked or expired one', async () => {
      const cases: [string | null, string][] = [
        [null, 'unauthorized'],
        ['Basic dXNlcjpwYXNz', 'unauthorized'],
        ['Bearer wp_live_short', 'invalid_api_key'],
        [`Bearer ${unknownSecret()}`, 'invalid_api_key'],
        [`Bearer ${revoked}`, 'api_key_revoked'],
        [`Bearer ${expired}`, 'api_key_expired'],
      ];
      for (const [authorization, code] of cases) {
        const answer = await call({ authorization });
        expectProblem(answer, 401, code);
        expect(answer.headers.get('www-authenticate')).toContain('Bearer');
      }
    });

    it("is 401 wrong_workspace on another workspace's host", async () => {
      expectProblem(await call({ secret: ws.secret, hostTenantId: other.tenant.id }), 401, 'wrong_workspace');
    });

    it('is 403 without its scope, and the problem names the scope', async () => {
      const answer = await call({ secret: op.scope === 'read:users' ? readGoalsOnly : readUsersOnly });
      expectProblem(answer, 403, 'insufficient_scope');
      expect(answer.body.detail).toContain(op.scope);
      expect(answer.headers.get('www-authenticate')).toContain(`scope="${op.scope}"`);
    });

    it('is 403 from an address outside the key’s IP allowlist, and passes from inside it', async () => {
      expectProblem(await call({ secret: allowlisted, headers: { 'x-forwarded-for': '198.51.100.7' } }), 403, 'ip_not_allowed');
      const inside = await call({ secret: allowlisted, headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' } });
      expect([401, 403]).not.toContain(inside.status);
    });

    it('is 429 once a free key has used its burst of 10', async () => {
      const { secret } = await ws.newKey({ tier: 'free' });
      const answers: V1Answer[] = [];
      for (let i = 0; i < 11; i++) answers.push(await call({ secret }));
      for (const answer of answers.slice(0, 10)) {
        expect(answer.status, answer.text).not.toBe(429);
        expect(answer.headers.get('ratelimit-limit')).toBe('10');
      }
      const limited = answers[10];
      expectProblem(limited, 429, 'rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    });
  });

  it('answers on the root domain too (no tenant header): the key names the workspace', async () => {
    const answer = await callV1(meRoute.GET, '/api/v1/users/me', {}, { secret: ws.secret, hostTenantId: null });
    expect(answer.status).toBe(200);
    expect(answer.body.workspace).toEqual({ slug: ws.tenant.slug, name: ws.tenant.name });
  });
});

describe('GET /api/v1/users/me', () => {
  it('is the key’s creator and workspace', async () => {
    const ws = await apiWorkspace();
    const answer = await ws.call(meRoute.GET, '/api/v1/users/me', {});
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: ws.member.userId, email: ws.member.email, name: ws.member.name, role: 'member', workspace: { slug: ws.tenant.slug, name: ws.tenant.name } });
    expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(answer.text)));
    expect(answer.headers.get('ratelimit-remaining')).not.toBeNull();
  });
});

describe('goals', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  let othersGoalId: string;

  beforeAll(async () => {
    [ws, other] = await Promise.all([apiWorkspace(), apiWorkspace()]);
    othersGoalId = (await createGoal(other.tenant, other.member, { title: 'Not yours' })).id;
  });

  it('creates, reads (with an ETag), changes and deletes a goal', async () => {
    const created = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Run a 10k', targetDate: '2030-05-01', description: 'Spring' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ title: 'Run a 10k', targetDate: '2030-05-01', description: 'Spring', status: 'active', progress: 0, teamId: null, ownerId: ws.member.userId });
    const id = created.body.id as string;

    const read = await ws.call(goalRoute.GET, goalPath(id), { id });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const etag = read.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);

    const unchanged = await ws.call(goalRoute.GET, goalPath(id), { id }, { headers: { 'if-none-match': etag ?? '' } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect((await ws.call(goalRoute.GET, goalPath(id), { id }, { headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);

    const patched = await ws.call(goalRoute.PATCH, goalPath(id), { id }, { method: 'PATCH', body: { title: 'Run a half marathon', description: '' } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ id, title: 'Run a half marathon', description: null });

    const changed = await ws.call(goalRoute.GET, goalPath(id), { id }, { headers: { 'if-none-match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);

    const deleted = await ws.call(goalRoute.DELETE, goalPath(id), { id }, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectProblem(await ws.call(goalRoute.GET, goalPath(id), { id }), 404, 'not_found');
  });

  it('pages through every visible goal exactly once, newest first', async () => {
    const paging = await apiWorkspace();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await createGoal(paging.tenant, paging.member, { title: `Goal ${i}` })).id);
    const colleague = await memberIn(paging.tenant);
    await createGoal(paging.tenant, colleague, { title: 'Someone else’s personal goal' });

    const { pages, keys } = await walk(paging, goalsRoute.GET, '/api/v1/goals', 'limit=3');
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(new Set(keys).size).toBe(7);
    expect([...keys].sort()).toEqual([...made].sort());
    expect(keys).toEqual([...made].reverse());

    const first = await paging.call(goalsRoute.GET, '/api/v1/goals', {});
    expect(first.body.data).toHaveLength(7);
    expect(first.body.next_cursor).toBeNull();
  });

  it('filters by status and by creation date (UTC days, both ends inclusive)', async () => {
    const filtering = await apiWorkspace();
    const [a, b, c] = [await createGoal(filtering.tenant, filtering.member, { title: 'A' }), await createGoal(filtering.tenant, filtering.member, { title: 'B' }), await createGoal(filtering.tenant, filtering.member, { title: 'C' })];
    await archiveGoal(filtering.tenant, filtering.member, a.id);
    await completeGoal(filtering.tenant, filtering.member, b.id);
    await db.goal.update({ where: { id: c.id }, data: { createdAt: new Date('2024-01-31T23:59:59.999Z') } });

    const list = (query: string) => filtering.call(goalsRoute.GET, `/api/v1/goals?${query}`, {});
    expect(ids(await list('status=archived'))).toEqual([a.id]);
    expect(ids(await list('status=completed'))).toEqual([b.id]);
    expect(ids(await list('from=2024-01-31&to=2024-01-31'))).toEqual([c.id]);
    expect(ids(await list('to=2024-01-30'))).toEqual([]);
    expect(ids(await list('from=2024-02-01')).sort()).toEqual([a.id, b.id].sort());
  });

  it('is 422 naming the query parameter', async () => {
    const habitCursor = (await ws.call(habitsRoute.GET, '/api/v1/habits?limit=1', {})).body.next_cursor;
    const cases: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['status=done', 'status'],
      ['from=2024-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2024-03-01&to=2024-02-01', 'to'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('["habits","2024-01-01T00:00:00.000Z","x"]').toString('base64url')}`, 'cursor'],
    ];
    if (habitCursor) cases.push([`cursor=${habitCursor}`, 'cursor']);
    for (const [query, field] of cases) {
      const answer = await ws.call(goalsRoute.GET, `/api/v1/goals?${query}`, {});
      expectProblem(answer, 422, 'validation_failed');
      expect(Object.keys(answer.body.errors ?? {}), query).toEqual([field]);
      expect(answer.body.detail).toContain(field);
    }
  });

  it('is 422 for an invalid or unknown body field, naming it', async () => {
    const post = (body: unknown) => ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body });
    const invalid = await post({ title: '' });
    expectProblem(invalid, 422, 'validation_failed');
    expect(invalid.body.errors).toEqual({ title: 'Enter a title.' });
    const unknown = await post({ title: 'Fine', titel: 'typo', progress: 50 });
    expectProblem(unknown, 422, 'validation_failed');
    expect(Object.keys(unknown.body.errors ?? {}).sort()).toEqual(['progress', 'titel']);
    expect(unknown.body.detail).toContain('titel');
    expectProblem(await post(['not', 'an', 'object']), 422, 'validation_failed');

    const id = (await createGoal(ws.tenant, ws.member, { title: 'Patch me' })).id;
    const patch = (body: unknown) => ws.call(goalRoute.PATCH, goalPath(id), { id }, { method: 'PATCH', body });
    expect((await patch({ status: 'completed' })).body.errors).toHaveProperty('status');
    expect((await patch({ targetDate: '2030-02-30' })).body.errors).toHaveProperty('targetDate');
    expectProblem(await patch({}), 422, 'validation_failed');
    expect((await ws.call(goalRoute.GET, goalPath(id), { id })).body.title).toBe('Patch me');
  });

  it('is 400 for malformed JSON, 415 for another media type and 413 over 1 MB', async () => {
    const id = (await createGoal(ws.tenant, ws.member, { title: 'Body limits' })).id;
    const requests: [V1Handler<{ id: string }>, string, 'POST' | 'PATCH'][] = [
      [goalsRoute.POST, '/api/v1/goals', 'POST'],
      [goalRoute.PATCH, goalPath(id), 'PATCH'],
    ];
    for (const [handler, path, method] of requests) {
      expectProblem(await ws.call(handler, path, { id }, { method, body: '{"title":' }), 400, 'bad_request');
      expectProblem(await ws.call(handler, path, { id }, { method, body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
      expectProblem(await ws.call(handler, path, { id }, { method, body: OVER_ONE_MB }), 413, 'payload_too_large');
    }
    expectProblem(await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: OVER_ONE_MB, headers: { 'idempotency-key': 'big-body' } }), 413, 'payload_too_large');
    const justUnder = JSON.stringify({ title: 'Just under', description: 'x'.repeat(4000) });
    expect((await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: justUnder })).status).toBe(201);
  });

  it("is 404 for unknown ids, other people's personal goals and other workspaces' goals, which stay as they were", async () => {
    const colleague = await memberIn(ws.tenant);
    const colleaguesGoal = await createGoal(ws.tenant, colleague, { title: 'Private' });
    for (const id of ['no-such-goal', othersGoalId, colleaguesGoal.id]) {
      expectProblem(await ws.call(goalRoute.GET, goalPath(id), { id }), 404, 'not_found');
      expectProblem(await ws.call(goalRoute.PATCH, goalPath(id), { id }, { method: 'PATCH', body: { title: 'Hijacked' } }), 404, 'not_found');
      expectProblem(await ws.call(goalRoute.DELETE, goalPath(id), { id }, { method: 'DELETE' }), 404, 'not_found');
    }
    expect(await db.goal.findUnique({ where: { id: othersGoalId }, select: { title: true, tenantId: true } })).toEqual({ title: 'Not yours', tenantId: other.tenant.id });
    expect((await db.goal.findUniqueOrThrow({ where: { id: colleaguesGoal.id } })).title).toBe('Private');
  });

  it('is 409 when changing an archived goal', async () => {
    const goal = await createGoal(ws.tenant, ws.member, { title: 'Shelved' });
    await archiveGoal(ws.tenant, ws.member, goal.id);
    expectProblem(await ws.call(goalRoute.PATCH, goalPath(goal.id), { id: goal.id }, { method: 'PATCH', body: { title: 'New' } }), 409, 'conflict');
  });

  it('replays a create with the same Idempotency-Key and body, and refuses the key with another body', async () => {
    const post = (body: unknown, key: string) => ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body, headers: { 'idempotency-key': key } });
    const key = `goal-${Date.now()}`;
    const first = await post({ title: 'Exactly once' }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post({ title: 'Exactly once' }, key);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await db.goal.count({ where: { tenantId: ws.tenant.id, title: 'Exactly once' } })).toBe(1);

    expectProblem(await post({ title: 'Something else' }, key), 409, 'idempotency_key_reused');
    expectProblem(await post({ title: 'Exactly once', description: 'x' }, key), 409, 'idempotency_key_reused');
    // The key belongs to the key holder: another key may use the same string.
    const { secret } = await ws.newKey();
    expect((await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', secret, body: { title: 'Exactly once' }, headers: { 'idempotency-key': key } })).headers.get('idempotent-replayed')).toBeNull();
  });

  it('is 422 for a malformed Idempotency-Key, and releases a key whose request failed', async () => {
    for (const key of ['', 'has space', 'ü', 'k'.repeat(256)]) {
      const answer = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Keyed' }, headers: { 'idempotency-key': key } });
      expectProblem(answer, 422, 'validation_failed');
      expect(Object.keys(answer.body.errors ?? {})).toEqual(['Idempotency-Key']);
    }
    expect((await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Max key' }, headers: { 'idempotency-key': 'k'.repeat(255) } })).status).toBe(201);

    const key = `retry-${Date.now()}`;
    expectProblem(await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: '' }, headers: { 'idempotency-key': key } }), 422, 'validation_failed');
    const fixed = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title: 'Fixed' }, headers: { 'idempotency-key': key } });
    expect(fixed.status).toBe(201);
    const stored = await db.idempotencyKey.findUniqueOrThrow({ where: { apiKeyId_key: { apiKeyId: ws.keyId, key } } });
    expect(stored).toMatchObject({ tenantId: ws.tenant.id, method: 'POST', path: '/api/v1/goals', status: 201, body: fixed.text });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
  });

  it('runs two concurrent creates with one Idempotency-Key once', async () => {
    const key = `race-${Date.now()}`;
    const title = `Raced ${key}`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title }, headers: { 'idempotency-key': key } })),
    );
    expect(await db.goal.count({ where: { tenantId: ws.tenant.id, title } })).toBe(1);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.text)).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) expectProblem(answer, 409, 'idempotency_key_in_progress');
    // Once it finished, everyone gets the replay.
    const later = await ws.call(goalsRoute.POST, '/api/v1/goals', {}, { method: 'POST', body: { title }, headers: { 'idempotency-key': key } });
    expect(later.text).toBe(created[0].text);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('habits and their logs', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  let othersHabitId: string;
  let today: string;

  beforeAll(async () => {
    [ws, other] = await Promise.all([apiWorkspace(), apiWorkspace()]);
    othersHabitId = (await createHabit(other.tenant, other.member, createHabitSchema.parse({ name: 'Not yours' }))).id;
    await logHabit(other.tenant, other.member, othersHabitId, {});
    today = localDateIn(ws.tenant.timeZone);
  });

  it('creates, reads (with an ETag), changes and deletes a habit', async () => {
    const created = await ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body: { name: 'Stretch', schedule: 'weekly_days', scheduleDays: [5, 1, 3] } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: 'Stretch', schedule: 'weekly_days', scheduleDays: [1, 3, 5], timesPerWeek: null, archived: false, streak: { current: 0, longest: 0, unit: 'occurrences' } });
    const id = created.body.id as string;

    const read = await ws.call(habitRoute.GET, habitPath(id), { id });
    expect(read.body).toEqual(created.body);
    const etag = read.headers.get('etag') ?? '';
    expect((await ws.call(habitRoute.GET, habitPath(id), { id }, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const archived = await ws.call(habitRoute.PATCH, habitPath(id), { id }, { method: 'PATCH', body: { archived: true, name: 'Stretch more' } });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.body).toMatchObject({ name: 'Stretch more', archived: true });
    expect((await ws.call(habitRoute.GET, habitPath(id), { id }, { headers: { 'if-none-match': etag } })).status).toBe(200);

    expect((await ws.call(habitRoute.DELETE, habitPath(id), { id }, { method: 'DELETE' })).status).toBe(204);
    expectProblem(await ws.call(habitRoute.GET, habitPath(id), { id }), 404, 'not_found');
  });

  it('pages through every habit exactly once and filters archived ones', async () => {
    const paging = await apiWorkspace();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await createHabit(paging.tenant, paging.member, createHabitSchema.parse({ name: `Habit ${i}` }))).id);
    await createHabit(paging.tenant, await memberIn(paging.tenant), createHabitSchema.parse({ name: 'A colleague’s' }));
    await paging.call(habitRoute.PATCH, habitPath(made[0]), { id: made[0] }, { method: 'PATCH', body: { archived: true } });

    const { pages, keys } = await walk(paging, habitsRoute.GET, '/api/v1/habits', 'limit=2');
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(keys).toEqual([...made].reverse());
    expect(ids(await paging.call(habitsRoute.GET, '/api/v1/habits?archived=true', {}))).toEqual([made[0]]);
    expect(ids(await paging.call(habitsRoute.GET, '/api/v1/habits?archived=false', {}))).toEqual(made.slice(1).reverse());
    const invalid = await paging.call(habitsRoute.GET, '/api/v1/habits?archived=yes', {});
    expectProblem(invalid, 422, 'validation_failed');
    expect(invalid.body.errors).toHaveProperty('archived');
  });

  it('is 422 for invalid and unknown fields, 413 over 1 MB, 400 for malformed JSON', async () => {
    const post = (body: unknown) => ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body });
    const noDays = await post({ name: 'Gym', schedule: 'weekly_days' });
    expectProblem(noDays, 422, 'validation_failed');
    expect(noDays.body.errors).toEqual({ scheduleDays: 'Pick at least one day.' });
    const unknown = await post({ name: 'Gym', colour: 'red' });
    expect(Object.keys(unknown.body.errors ?? {})).toEqual(['colour']);
    expectProblem(await post(OVER_ONE_MB), 413, 'payload_too_large');
    expectProblem(await post('{'), 400, 'bad_request');

    const id = (await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Edit me' }))).id;
    const patch = (body: unknown) => ws.call(habitRoute.PATCH, habitPath(id), { id }, { method: 'PATCH', body });
    expect((await patch({ schedule: 'times_per_week' })).body.errors).toEqual({ timesPerWeek: 'Enter how many times a week, 1 to 7.' });
    expect(Object.keys((await patch({ archived: true, deleted: true })).body.errors ?? {})).toEqual(['deleted']);
    expectProblem(await patch(OVER_ONE_MB), 413, 'payload_too_large');
    expect((await ws.call(habitRoute.GET, habitPath(id), { id })).body).toMatchObject({ name: 'Edit me', archived: false });
  });

  it("is 404 for unknown ids, a colleague's habits and other workspaces' habits, which stay as they were", async () => {
    const colleague = await memberIn(ws.tenant);
    const colleaguesHabit = await createHabit(ws.tenant, colleague, createHabitSchema.parse({ name: 'Private' }));
    for (const id of ['no-such-habit', othersHabitId, colleaguesHabit.id]) {
      expectProblem(await ws.call(habitRoute.GET, habitPath(id), { id }), 404, 'not_found');
      expectProblem(await ws.call(habitRoute.PATCH, habitPath(id), { id }, { method: 'PATCH', body: { name: 'Hijacked' } }), 404, 'not_found');
      expectProblem(await ws.call(habitRoute.DELETE, habitPath(id), { id }, { method: 'DELETE' }), 404, 'not_found');
      expectProblem(await ws.call(logsRoute.GET, logsPath(id), { id }), 404, 'not_found');
      expectProblem(await ws.call(logsRoute.POST, logsPath(id), { id }, { method: 'POST', body: {} }), 404, 'not_found');
    }
    expect(await db.habit.findUnique({ where: { id: othersHabitId }, select: { name: true, tenantId: true, archivedAt: true } })).toEqual({ name: 'Not yours', tenantId: other.tenant.id, archivedAt: null });
    expect(await db.habitLog.count({ where: { habitId: othersHabitId } })).toBe(1);
    expect((await db.habit.findUniqueOrThrow({ where: { id: colleaguesHabit.id } })).name).toBe('Private');
  });

  it('logs a day (201), refuses the same day twice (409), and replays a retried log', async () => {
    const id = (await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Meditate' }))).id;
    const log = (body: unknown, headers: Record<string, string> = {}) => ws.call(logsRoute.POST, logsPath(id), { id }, { method: 'POST', body, headers });

    const first = await log({ note: 'calm' }, { 'idempotency-key': `log-${id}` });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ log: { habitId: id, date: today, note: 'calm' }, habit: { id, streak: { current: 1 }, today: { done: true } }, milestonesReached: [] });

    const replay = await log({ note: 'calm' }, { 'idempotency-key': `log-${id}` });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const twice = await log({ note: 'calm' });
    expectProblem(twice, 409, 'conflict');
    expect(twice.body.errors).toHaveProperty('date');
    expectProblem(await log({ note: 'other' }, { 'idempotency-key': `log-${id}` }), 409, 'idempotency_key_reused');
    expect(await db.habitLog.count({ where: { habitId: id } })).toBe(1);

    const future = await log({ date: addDays(today, 1) });
    expectProblem(future, 422, 'validation_failed');
    expect(future.body.errors).toHaveProperty('date');
    expect(Object.keys((await log({ day: today })).body.errors ?? {})).toEqual(['day']);
    expectProblem(await log(OVER_ONE_MB), 413, 'payload_too_large');
  });

  it('pages logs by date, latest first, with from/to filters', async () => {
    const id = (await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Walk' }))).id;
    const days = Array.from({ length: 7 }, (_, i) => addDays(today, -i));
    for (const date of days) await logHabit(ws.tenant, ws.member, id, { date, note: `on ${date}` });

    const { pages, keys } = await walk(ws, logsRoute.GET, logsPath(id), 'limit=3', { id });
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(keys).toEqual(days);

    const page = await ws.call(logsRoute.GET, `${logsPath(id)}?from=${days[4]}&to=${days[1]}`, { id });
    expect(page.body.data).toEqual(days.slice(1, 5).map((date) => ({ habitId: id, date, note: `on ${date}` })));
    expect(page.body.next_cursor).toBeNull();

    for (const [query, field] of [['from=15-01-2026', 'from'], [`from=${today}&to=${days[3]}`, 'to'], ['limit=-1', 'limit'], ['cursor=WyJnb2FscyJd', 'cursor']]) {
      const answer = await ws.call(logsRoute.GET, `${logsPath(id)}?${query}`, { id });
      expectProblem(answer, 422, 'validation_failed');
      expect(Object.keys(answer.body.errors ?? {})).toEqual([field]);
    }
  });

  it('creates a habit once for concurrent requests with one Idempotency-Key', async () => {
    const key = `habit-race-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body: { name: key }, headers: { 'idempotency-key': key } })),
    );
    expect(await db.habit.count({ where: { tenantId: ws.tenant.id, name: key } })).toBe(1);
    expect(answers.some((answer) => answer.status === 201)).toBe(true);
    for (const answer of answers.filter((a) => a.status !== 201)) expectProblem(answer, 409, 'idempotency_key_in_progress');
    expectProblem(await ws.call(habitsRoute.POST, '/api/v1/habits', {}, { method: 'POST', body: { name: 'different' }, headers: { 'idempotency-key': key } }), 409, 'idempotency_key_reused');
  });
});

describe('GET /api/v1/analytics/overview', () => {
  it("counts the key creator's goals and habits", async () => {
    const ws = await apiWorkspace();
    const [a, b] = [await createGoal(ws.tenant, ws.member, { title: 'A' }), await createGoal(ws.tenant, ws.member, { title: 'B' })];
    await createGoal(ws.tenant, ws.member, { title: 'C' });
    await completeGoal(ws.tenant, ws.member, a.id);
    await archiveGoal(ws.tenant, ws.member, b.id);
    await createGoal(ws.tenant, await memberIn(ws.tenant), { title: 'Not counted' });
    const habit = await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Read' }));
    const today = localDateIn(ws.tenant.timeZone);
    for (const days of [0, 1, 2, 6]) await logHabit(ws.tenant, ws.member, habit.id, { date: addDays(today, -days) });

    const answer = await ws.call(analyticsRoute.GET, '/api/v1/analytics/overview', {});
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.goals).toMatchObject({ total: 3, byStatus: { active: 1, completed: 1, archived: 1 }, averageProgress: 0 });
    expect(answer.body.habits).toMatchObject({ total: 1, active: 1, archived: 0, logsLast7Days: 4, logsLast30Days: 4, currentStreaks: [{ habitId: habit.id, name: 'Read', current: 3, unit: 'days' }] });
    const goals = answer.body.goals as { completedByWeek: { count: number }[] };
    const habits = answer.body.habits as { completedByWeek: { count: number }[] };
    expect(goals.completedByWeek).toHaveLength(12);
    expect(goals.completedByWeek.at(-1)?.count).toBe(1);
    expect(habits.completedByWeek.reduce((sum, week) => sum + week.count, 0)).toBe(4);
  });
});

describe('the request log', () => {
  it('records each request with its route pattern, status and size, and counts it for the tenant', async () => {
    const ws = await apiWorkspace();
    const goal = await createGoal(ws.tenant, ws.member, { title: 'Logged' });
    const read = await ws.call(goalRoute.GET, goalPath(goal.id), { id: goal.id });
    await ws.call(goalRoute.GET, goalPath('missing'), { id: 'missing' });
    await flushRequestLog();

    const rows = await db.apiRequestLog.findMany({ where: { tenantId: ws.tenant.id }, orderBy: { status: 'asc' } });
    expect(rows.map((row) => [row.method, row.route, row.status, row.apiKeyId])).toEqual([
      ['GET', '/api/v1/goals/{id}', 200, ws.keyId],
      ['GET', '/api/v1/goals/{id}', 404, ws.keyId],
    ]);
    expect(rows[0].bytes).toBe(Buffer.byteLength(read.text));
    const counter = await db.usageCounter.findUniqueOrThrow({ where: { tenantId_metric_period: { tenantId: ws.tenant.id, metric: 'api_requests', period: monthOf(new Date()) } } });
    expect(counter.value).toBe(2);
  });
});
