import { beforeAll, describe, expect, it } from 'vitest';
import * as analyticsRoute from '../../app/api/v1/analytics/overview/route.ts';
import * as goalRoute from '../../app/api/v1/goals/[id]/route.ts';
import * as goalsRoute from '../../app/api/v1/goals/route.ts';
import * as logsRoute from '../../app/api/v1/habits/[id]/logs/route.ts';
import * as measurementsRoute from '../../app/api/v1/goals/[id]/measurements/route.ts';
import * as metricsRoute from '../../app/api/v1/metrics/route.ts';
import * as habitRoute from '../../app/api/v1/habits/[id]/route.ts';
import * as habitsRoute from '../../app/api/v1/habits/route.ts';
import * as meRoute from '../../app/api/v1/users/me/route.ts';
import * as eventTypesRoute from '../../app/api/v1/event-types/route.ts';
import * as installedAppsRoute from '../../app/api/v1/apps/installed/route.ts';
import * as coachMessagesRoute from '../../app/api/v1/coach/messages/route.ts';
import * as deliveryRoute from '../../app/api/v1/webhook-deliveries/[id]/route.ts';
import * as deliveryReplayRoute from '../../app/api/v1/webhook-deliveries/[id]/replay/route.ts';
import * as webhookRoute from '../../app/api/v1/webhooks/[id]/route.ts';
import * as webhookDeliveriesRoute from '../../app/api/v1/webhooks/[id]/deliveries/route.ts';
import * as webhookReplayRoute from '../../app/api/v1/webhooks/[id]/replay/route.ts';
import * as webhookRotateRoute from '../../app/api/v1/webhooks/[id]/rotate-secret/route.ts';
import * as insightsRoute from '../../app/api/v1/insights/route.ts';
import * as webhookTestRoute from '../../app/api/v1/webhooks/[id]/test/route.ts';
import * as webhooksRoute from '../../app/api/v1/webhooks/route.ts';
import { revokeApiKey } from '../../lib/api-keys/api-keys.ts';
import { operations, type ApiOperation } from '../../lib/api/v1/operations.ts';
import { db } from '../../lib/db/client.ts';
import type { Scope } from '../../lib/api-keys/scopes.ts';
import { apiWorkspace, callV1, MEMBER_SCOPES, unknownSecret, type ApiWorkspace, type CallOptions, type V1Answer, type V1Handler, expectProblem } from '../support/api-v1-client.ts';

type Endpoint = { op: ApiOperation; handler: V1Handler<{ id: string }>; body?: unknown };

// admin:all: listing installed apps is workspace configuration, for an admin's admin:all key.
const EVERY_SCOPE: Scope[] = [...MEMBER_SCOPES, 'write:analytics', 'webhooks:manage', 'admin:all', 'ai:coach'];

// Every operation with a body that would succeed, so what is refused is the key, not the input.
const ENDPOINTS: Endpoint[] = [
  { op: operations.getMe, handler: meRoute.GET },
  { op: operations.listGoals, handler: goalsRoute.GET },
  { op: operations.createGoal, handler: goalsRoute.POST, body: { title: 'Matrix goal' } },
  { op: operations.getGoal, handler: goalRoute.GET },
  { op: operations.updateGoal, handler: goalRoute.PATCH, body: { title: 'Renamed' } },
  { op: operations.deleteGoal, handler: goalRoute.DELETE },
  { op: operations.recordMetric, handler: metricsRoute.POST, body: { goalId: 'no-such-id', value: 1, clientId: 'matrix' } },
  { op: operations.listGoalMeasurements, handler: measurementsRoute.GET },
  { op: operations.listHabits, handler: habitsRoute.GET },
  { op: operations.createHabit, handler: habitsRoute.POST, body: { name: 'Matrix habit' } },
  { op: operations.getHabit, handler: habitRoute.GET },
  { op: operations.updateHabit, handler: habitRoute.PATCH, body: { name: 'Renamed' } },
  { op: operations.deleteHabit, handler: habitRoute.DELETE },
  { op: operations.listHabitLogs, handler: logsRoute.GET },
  { op: operations.logHabit, handler: logsRoute.POST, body: {} },
  { op: operations.getAnalyticsOverview, handler: analyticsRoute.GET },
  { op: operations.listWebhooks, handler: webhooksRoute.GET },
  { op: operations.createWebhook, handler: webhooksRoute.POST, body: { url: 'https://93.184.216.34/matrix', enabled: false } },
  { op: operations.getWebhook, handler: webhookRoute.GET },
  { op: operations.updateWebhook, handler: webhookRoute.PATCH, body: { description: 'Renamed' } },
  { op: operations.deleteWebhook, handler: webhookRoute.DELETE },
  { op: operations.rotateWebhookSecret, handler: webhookRotateRoute.POST, body: { graceHours: 1 } },
  { op: operations.listWebhookDeliveries, handler: webhookDeliveriesRoute.GET },
  { op: operations.sendWebhookTest, handler: webhookTestRoute.POST, body: {} },
  { op: operations.replayWebhookDeliveries, handler: webhookReplayRoute.POST, body: { since: '2026-01-01T00:00:00Z' } },
  { op: operations.getWebhookDelivery, handler: deliveryRoute.GET },
  { op: operations.replayWebhookDelivery, handler: deliveryReplayRoute.POST },
  { op: operations.listEventTypes, handler: eventTypesRoute.GET },
  { op: operations.listInstalledApps, handler: installedAppsRoute.GET },
  { op: operations.listInsights, handler: insightsRoute.GET },
  { op: operations.createCoachMessage, handler: coachMessagesRoute.POST, body: { message: 'Matrix question' } },
];

describe('the key: authentication, workspace, scopes, IP allowlist and rate limits, on every endpoint', () => {
  let ws: ApiWorkspace;
  let other: ApiWorkspace;
  let revoked: string;
  let expired: string;
  let readUsersOnly: string;
  let readGoalsOnly: string;
  let allowlisted: string;

  beforeAll(async () => {
    // An admin's workspace, so keys can hold webhooks:manage as well as the member scopes.
    [ws, other] = await Promise.all([apiWorkspace('admin'), apiWorkspace()]);
    const toRevoke = await ws.newKey();
    await revokeApiKey(ws.tenant, ws.member, toRevoke.keyId);
    revoked = toRevoke.secret;
    const toExpire = await ws.newKey();
    await db.apiKey.update({ where: { id: toExpire.keyId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expired = toExpire.secret;
    readUsersOnly = (await ws.newKey({ scopes: ['read:users'] })).secret;
    readGoalsOnly = (await ws.newKey({ scopes: ['read:goals'] })).secret;
    allowlisted = (await ws.newKey({ ipAllowlist: ['203.0.113.0/24'], scopes: EVERY_SCOPE })).secret;
  });

  it('covers every operation of the public API', () => {
    expect(ENDPOINTS.map(({ op }) => op.operationId).sort()).toEqual(Object.values(operations).map((op) => op.operationId).sort());
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
      expectProblem(await call({ secret: allowlisted, clientIp: '198.51.100.7' }), 403, 'ip_not_allowed');
      // The client's own X-Forwarded-For names an allowed address: it is not believed.
      expectProblem(await call({ secret: allowlisted, clientIp: '198.51.100.7', headers: { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' } }), 403, 'ip_not_allowed');
      const inside = await call({ secret: allowlisted, clientIp: '203.0.113.9' });
      expect([401, 403]).not.toContain(inside.status);
    });

    it('is 429 once a free key has used its burst of 10', async () => {
      const { secret } = await ws.newKey({ tier: 'free', scopes: EVERY_SCOPE });
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
