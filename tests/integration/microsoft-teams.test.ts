import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as removeRoute } from '../../app/api/app/integrations/microsoft-teams/routes/[routeId]/route.ts';
import { POST as testRoute } from '../../app/api/app/integrations/microsoft-teams/routes/[routeId]/test/route.ts';
import { GET as listRoutes, POST as addChannel } from '../../app/api/app/integrations/microsoft-teams/routes/route.ts';
import { decryptSecret, encryptSecret } from '../../lib/crypto/encrypt-secret.ts';
import { db } from '../../lib/db/client.ts';
import { installIntegration } from '../../lib/integrations/installations.ts';
import { teamsSender } from '../../lib/integrations/microsoft-teams/teams-sender.ts';
import type { NotificationMessage } from '../../lib/integrations/notifications/notification-message.ts';
import { ProviderError } from '../../lib/integrations/provider-error.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute } from '../support/app-client.ts';
import { createMember, memberOf } from '../support/factories.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { workspace } from '../support/workspace.ts';

// Teams channels through the admin routes API, and the sender against a local receiver
// standing in for a Workflows webhook (loopback over http is let through only with
// WEBHOOKS_ALLOW_LOCALHOST, a development setting).

process.env.WEBHOOKS_ALLOW_LOCALHOST = 'true';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

const message: NotificationMessage = {
  event: 'goal_completed',
  teamId: null,
  title: 'Goal completed: Ship the beta',
  text: 'Goal completed: Ship the beta (by Ada)',
  fields: [{ label: 'Completed by', value: 'Ada' }],
  items: [],
  link: { label: 'Open the goal', url: 'http://acme.localhost:3100/goals/g1' },
  brand: { name: 'Acme', accentColor: '#0055ff' },
};

async function setup() {
  const tenant = await workspace();
  const admin = await createMember(tenant.id, 'admin');
  const member = await createMember(tenant.id, 'member');
  await installIntegration(tenant, await memberOf(tenant.id, admin.id), 'microsoft-teams');
  const host = `${tenant.slug}.localhost:3100`;
  const as = async (userId: string) => ({ tenantId: tenant.id, host, cookie: await sessionCookie(userId, tenant.id) });
  return { tenant, admin: await as(admin.id), member: await as(member.id) };
}

type Caller = { tenantId: string; host: string; cookie: string };

function add(caller: Caller, json: unknown) {
  return callRoute(addChannel, { method: 'POST', path: '/api/app/integrations/microsoft-teams/routes', json, ...caller });
}

async function routeRow(tenant: TenantContext, channelName: string) {
  return db.integrationChannelRoute.findFirstOrThrow({ where: { tenantId: tenant.id, channelName } });
}

describe('Microsoft Teams channels', () => {
  it('are added by admins, one route per notification, the webhook URL encrypted and never shown back', async () => {
    const w = await setup();
    const url = receiver.url('/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SECRET-SIGNATURE-1234');
    const team = await db.team.create({ data: { tenantId: w.tenant.id, name: 'Platform' } });
    const answer = await add(w.admin, { channelName: 'Wins', webhookUrl: url, events: ['goal_completed', 'weekly_digest'], teamId: team.id });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.text).not.toContain('SECRET-SIGNATURE');
    const routes = answer.body.routes as { event: string; teamName: string; webhookHint: string }[];
    expect(routes.map((route) => route.event).sort()).toEqual(['goal_completed', 'weekly_digest']);
    expect(routes[0]).toMatchObject({ teamName: 'Platform', webhookHint: expect.stringMatching(/^127\.0\.0\.1:\d+ …1234$/) });

    const rows = await db.integrationChannelRoute.findMany({ where: { tenantId: w.tenant.id } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.webhookUrlEncrypted).not.toContain('SECRET');
      expect(decryptSecret(row.webhookUrlEncrypted!)).toBe(url);
      expect(row.channelId).toBeNull();
    }
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId: w.tenant.id, action: 'integration.channel_added' } });
    expect(JSON.stringify(audit)).not.toContain('SECRET');

    const listed = await callRoute(listRoutes, { path: '/api/app/integrations/microsoft-teams/routes', ...w.admin });
    expect((listed.body.routes as unknown[]).length).toBe(2);
    expect(listed.text).not.toContain('SECRET');
    expect((await callRoute(listRoutes, { path: '/api/app/integrations/microsoft-teams/routes', ...w.member })).status).toBe(403);
    expect((await add(w.member, { channelName: 'x', webhookUrl: url, events: ['goal_completed'] })).status).toBe(403);
  });

  it('refuse URLs the SSRF guard refuses, unknown teams and empty choices with field errors', async () => {
    const w = await setup();
    const refused = async (json: Record<string, unknown>, field: string) => {
      const answer = await add(w.admin, { channelName: 'Wins', events: ['goal_completed'], webhookUrl: receiver.url('/ok'), ...json });
      expect(answer.status, answer.text).toBe(422);
      expect((answer.body.errors as Record<string, string>)[field]).toBeTruthy();
    };
    await refused({ webhookUrl: 'http://10.0.0.7/hook' }, 'webhookUrl');
    await refused({ webhookUrl: 'http://169.254.169.254/latest/meta-data' }, 'webhookUrl');
    await refused({ webhookUrl: 'https://user:pass@example.com/hook' }, 'webhookUrl');
    await refused({ webhookUrl: 'ftp://example.com/hook' }, 'webhookUrl');
    await refused({ webhookUrl: 'not a url' }, 'webhookUrl');
    await refused({ events: [] }, 'events');
    await refused({ events: ['everything'] }, 'events.0');
    await refused({ teamId: 'nosuchteam' }, 'teamId');
    await refused({ channelName: '' }, 'channelName');
    expect(await db.integrationChannelRoute.count({ where: { tenantId: w.tenant.id } })).toBe(0);
  });

  it('need the integration installed', async () => {
    const tenant = await workspace();
    const admin = await createMember(tenant.id, 'admin');
    const answer = await add({ tenantId: tenant.id, host: `${tenant.slug}.localhost:3100`, cookie: await sessionCookie(admin.id, tenant.id) }, { channelName: 'Wins', webhookUrl: receiver.url('/x'), events: ['goal_completed'] });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('integration_not_installed');
  });

  it('get a test card from the admin, and are removed only within their own workspace', async () => {
    const w = await setup();
    await add(w.admin, { channelName: 'Test channel', webhookUrl: receiver.url('/teams/test-card'), events: ['habit_streak'] });
    const route = await routeRow(w.tenant, 'Test channel');
    const sent = await callRoute(testRoute, { method: 'POST', path: `/api/app/integrations/microsoft-teams/routes/${route.id}/test`, params: { routeId: route.id }, ...w.admin });
    expect(sent.body).toEqual({ delivered: true, error: null });
    const [card] = receiver.on('/teams/test-card');
    expect(card.headers['content-type']).toBe('application/json');
    expect(JSON.parse(card.body).attachments[0].content.body[1].text).toBe(`Test from ${w.tenant.name}`);

    receiver.respond('/teams/refusing', () => ({ status: 400, body: 'Bad payload' }));
    await add(w.admin, { channelName: 'Refusing', webhookUrl: receiver.url('/teams/refusing'), events: ['habit_streak'] });
    const refusing = await routeRow(w.tenant, 'Refusing');
    const failed = await callRoute(testRoute, { method: 'POST', path: `/api/app/integrations/microsoft-teams/routes/${refusing.id}/test`, params: { routeId: refusing.id }, ...w.admin });
    expect(failed.body).toEqual({ delivered: false, error: 'Teams answered 400: Bad payload' });

    const other = await setup();
    const foreign = await callRoute(removeRoute, { method: 'DELETE', path: `/api/app/integrations/microsoft-teams/routes/${route.id}`, params: { routeId: route.id }, ...other.admin });
    expect(foreign.status).toBe(404);
    const removed = await callRoute(removeRoute, { method: 'DELETE', path: `/api/app/integrations/microsoft-teams/routes/${route.id}`, params: { routeId: route.id }, ...w.admin });
    expect(removed.status).toBe(204);
    expect(await db.integrationChannelRoute.count({ where: { id: route.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { tenantId: w.tenant.id, action: 'integration.channel_removed' } })).toBe(1);
  });
});

describe('the Teams sender', () => {
  async function routeTo(path: string) {
    const w = await setup();
    await add(w.admin, { channelName: path, webhookUrl: receiver.url(path), events: ['goal_completed'] });
    return routeRow(w.tenant, path);
  }

  async function sendFailure(path: string): Promise<ProviderError> {
    const route = await routeTo(path);
    const error = await teamsSender.send({ route, message }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }

  it('posts the Adaptive Card as JSON to the channel’s webhook', async () => {
    receiver.respond('/teams/ok', () => ({ status: 202 }));
    const route = await routeTo('/teams/ok');
    expect(await teamsSender.send({ route, message })).toEqual({ externalId: null });
    const [request] = receiver.on('/teams/ok');
    const body = JSON.parse(request.body);
    expect(body.type).toBe('message');
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content.body[1].text).toBe('Goal completed: Ship the beta');
    expect(body.attachments[0].content.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Open the goal', url: 'http://acme.localhost:3100/goals/g1' });
  });

  it('turns 429 with Retry-After and 5xx into retryable ProviderErrors, and 4xx into final ones', async () => {
    receiver.respond('/teams/429', () => ({ status: 429, headers: { 'retry-after': '42' }, body: 'slow down' }));
    const limited = await sendFailure('/teams/429');
    expect(limited).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterSeconds: 42 });
    expect(limited.retryable).toBe(true);

    receiver.respond('/teams/503', () => ({ status: 503 }));
    expect(await sendFailure('/teams/503')).toMatchObject({ kind: 'unavailable', status: 503, retryable: true });

    receiver.respond('/teams/404', () => ({ status: 404 }));
    expect(await sendFailure('/teams/404')).toMatchObject({ kind: 'not_found', retryable: false });

    receiver.respond('/teams/400', () => ({ status: 400, body: 'Invalid card' }));
    const invalid = await sendFailure('/teams/400');
    expect(invalid).toMatchObject({ kind: 'invalid', retryable: false, message: 'Teams answered 400: Invalid card' });
  });

  it('treats no answer as unavailable, and a URL the guard now refuses as invalid', async () => {
    const route = await routeTo('/teams/gone-away');
    // Port 1 on loopback: nothing listens, the connection is refused.
    const closed = { ...route, webhookUrlEncrypted: encryptSecret('http://127.0.0.1:1/hook') };
    await expect(teamsSender.send({ route: closed, message })).rejects.toMatchObject({ kind: 'unavailable' });
    // Saved when it was fine, say, and its address is private now: vetted again on every send.
    const internal = { ...route, webhookUrlEncrypted: encryptSecret('http://192.168.1.10/hook') };
    await expect(teamsSender.send({ route: internal, message })).rejects.toMatchObject({ kind: 'invalid' });
  });
});
