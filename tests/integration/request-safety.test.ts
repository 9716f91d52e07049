import { beforeAll, describe, expect, it } from 'vitest';
import * as appArchiveRoute from '../../app/api/app/goals/[goalId]/archive/route.ts';
import * as appGoalRoute from '../../app/api/app/goals/[goalId]/route.ts';
import * as appHabitRoute from '../../app/api/app/habits/[habitId]/route.ts';
import * as appBrandImageRoute from '../../app/api/app/settings/branding/[kind]/route.ts';
import * as v1DeliveryRoute from '../../app/api/v1/webhook-deliveries/[id]/route.ts';
import * as v1GoalRoute from '../../app/api/v1/goals/[id]/route.ts';
import * as v1HabitRoute from '../../app/api/v1/habits/[id]/route.ts';
import * as v1WebhookRoute from '../../app/api/v1/webhooks/[id]/route.ts';
import { db } from '../../lib/db/client.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { createHabitSchema } from '../../lib/habits/habit-schema.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { callRoute, type RouteHandlerFn } from '../support/app-client.ts';
import { apiWorkspace, MEMBER_SCOPES, type ApiWorkspace } from '../support/api-v1-client.ts';
import { scimWorkspace, type ScimWorkspace } from '../support/scim-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// Findings 5 and 6 of issue 13, in process: cross-site writes with the victim's cookie, ids
// with a NUL byte, and concurrent deletes of one row.

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'.padEnd(140, '0'), 'hex');
const route = (module: Record<string, unknown>, method: string) => module[method] as RouteHandlerFn;

describe('state-changing requests from another origin', () => {
  let ws: ApiWorkspace;
  let cookie: string;
  let host: string;

  beforeAll(async () => {
    ws = await apiWorkspace('owner');
    cookie = await sessionCookie(ws.member.userId, ws.tenant.id);
    host = `${ws.tenant.slug}.localhost:3100`;
  });

  const goal = async () => (await createGoal(ws.tenant, ws.member, { title: 'Target' })).id;

  it('are refused with 403 cross_site_request, and change nothing', async () => {
    const goalId = await goal();
    const evil = { tenantId: ws.tenant.id, host, cookie, origin: 'http://evil.test' };
    const archive = await callRoute(route(appArchiveRoute, 'POST'), { ...evil, method: 'POST', path: `/api/app/goals/${goalId}/archive`, params: { goalId } });
    expect(archive.status, archive.text).toBe(403);
    expect(archive.body).toMatchObject({ code: 'cross_site_request' });
    const remove = await callRoute(route(appGoalRoute, 'DELETE'), { ...evil, method: 'DELETE', path: `/api/app/goals/${goalId}`, params: { goalId } });
    expect(remove.status).toBe(403);
    // Another workspace's subdomain is the same *site*, but not the same origin.
    const sibling = await callRoute(route(appGoalRoute, 'DELETE'), { ...evil, origin: 'http://globex.localhost:3100', method: 'DELETE', path: `/api/app/goals/${goalId}`, params: { goalId } });
    expect(sibling.status).toBe(403);
    // No Origin and no Sec-Fetch-Site: not a browser page of ours either.
    const bare = await callRoute(route(appGoalRoute, 'DELETE'), { ...evil, origin: null, method: 'DELETE', path: `/api/app/goals/${goalId}`, params: { goalId } });
    expect(bare.status).toBe(403);
    const upload = await callRoute(route(appBrandImageRoute, 'POST'), { ...evil, method: 'POST', path: '/api/app/settings/branding/logo', params: { kind: 'logo' }, body: PNG, contentType: 'text/plain' });
    expect(upload.status).toBe(403);

    const stored = await db.goal.findUnique({ where: { id: goalId } });
    expect(stored).toMatchObject({ id: goalId, status: 'active' });
  });

  it('pass from the workspace’s own pages (Origin, or Sec-Fetch-Site: same-origin)', async () => {
    const goalId = await goal();
    const own = { tenantId: ws.tenant.id, host, cookie };
    const archive = await callRoute(route(appArchiveRoute, 'POST'), { ...own, method: 'POST', path: `/api/app/goals/${goalId}/archive`, params: { goalId } });
    expect(archive.status, archive.text).toBe(200);
    const remove = await callRoute(route(appGoalRoute, 'DELETE'), { ...own, origin: null, headers: { 'sec-fetch-site': 'same-origin' }, method: 'DELETE', path: `/api/app/goals/${goalId}`, params: { goalId } });
    expect(remove.status, remove.text).toBe(204);
  });

  it('an upload is judged by its media type and its bytes: text/plain (what a cross-site form can send) is 415', async () => {
    const own = { tenantId: ws.tenant.id, host, cookie, method: 'POST', path: '/api/app/settings/branding/logo', params: { kind: 'logo' } };
    const plain = await callRoute(route(appBrandImageRoute, 'POST'), { ...own, body: PNG, contentType: 'text/plain' });
    expect(plain.status, plain.text).toBe(415);
    const lying = await callRoute(route(appBrandImageRoute, 'POST'), { ...own, body: Buffer.from('<html><script>alert(1)</script></html>'), contentType: 'image/png' });
    expect(lying.status, lying.text).toBe(415);
  });
});

describe('ids that are not ids', () => {
  let ws: ApiWorkspace;
  let scim: ScimWorkspace;
  let cookie: string;
  let secret: string;

  beforeAll(async () => {
    [ws, scim] = await Promise.all([apiWorkspace('owner'), scimWorkspace()]);
    cookie = await sessionCookie(ws.member.userId, ws.tenant.id);
    secret = (await ws.newKey({ scopes: [...MEMBER_SCOPES, 'webhooks:manage'] })).secret;
  });

  for (const bad of ['a\u0000b', '%00', 'x'.repeat(5000), '../goals', 'ü']) {
    it(`are 404, never 500: ${JSON.stringify(bad.slice(0, 12))}`, async () => {
      for (const [name, handler, path] of [
        ['v1 goal', route(v1GoalRoute, 'GET'), '/api/v1/goals/x'],
        ['v1 habit', route(v1HabitRoute, 'DELETE'), '/api/v1/habits/x'],
        ['v1 webhook', route(v1WebhookRoute, 'GET'), '/api/v1/webhooks/x'],
        ['v1 delivery', route(v1DeliveryRoute, 'GET'), '/api/v1/webhook-deliveries/x'],
      ] as const) {
        const answer = await ws.call(handler as never, path, { id: bad }, { secret, method: name === 'v1 habit' ? 'DELETE' : 'GET' });
        expect(answer.status, `${name}: ${answer.text}`).toBe(404);
      }
      const app = await callRoute(route(appGoalRoute, 'GET'), { tenantId: ws.tenant.id, host: `${ws.tenant.slug}.localhost:3100`, cookie, path: '/api/app/goals/x', params: { goalId: bad } });
      expect(app.status, app.text).toBe(404);
      const user = await scim.scim('GET', `/Users/${encodeURIComponent(bad)}`);
      expect(user.status, JSON.stringify(user.body)).toBe(404);
    });
  }
});

describe('concurrent deletes of one row', () => {
  let ws: ApiWorkspace;

  beforeAll(async () => {
    ws = await apiWorkspace('owner');
  });

  const fiveTimes = async (send: () => Promise<{ status: number; text: string }>) => {
    const answers = await Promise.all(Array.from({ length: 5 }, send));
    return answers.map((answer) => answer.status).sort();
  };

  it('answer one 204 and 404s (public API)', async () => {
    const { id } = await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Gone soon' }));
    expect(await fiveTimes(() => ws.call(route(v1HabitRoute, 'DELETE') as never, `/api/v1/habits/${id}`, { id }, { method: 'DELETE' }))).toEqual([204, 404, 404, 404, 404]);
  });

  it('answer one 204 and 404s (workspace app)', async () => {
    const { id } = await createHabit(ws.tenant, ws.member, createHabitSchema.parse({ name: 'Gone soon' }));
    const cookie = await sessionCookie(ws.member.userId, ws.tenant.id);
    const host = `${ws.tenant.slug}.localhost:3100`;
    expect(await fiveTimes(() => callRoute(route(appHabitRoute, 'DELETE'), { tenantId: ws.tenant.id, host, cookie, method: 'DELETE', path: `/api/app/habits/${id}`, params: { habitId: id } }))).toEqual([204, 404, 404, 404, 404]);
    const goalId = (await createGoal(ws.tenant, ws.member, { title: 'Gone soon' })).id;
    expect(await fiveTimes(() => callRoute(route(appGoalRoute, 'DELETE'), { tenantId: ws.tenant.id, host, cookie, method: 'DELETE', path: `/api/app/goals/${goalId}`, params: { goalId } }))).toEqual([204, 404, 404, 404, 404]);
  });
});
