import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as installRoute from '../../app/api/app/integrations/[id]/route.ts';
import * as connectRoute from '../../app/api/app/integrations/[id]/connect/route.ts';
import * as finishRoute from '../../app/api/app/integrations/[id]/finish/route.ts';
import * as connectionRoute from '../../app/api/app/integrations/[id]/connection/route.ts';
import * as syncRoute from '../../app/api/app/integrations/[id]/connection/sync/route.ts';
import * as callbackRoute from '../../app/api/integrations/[id]/callback/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { integrationFor } from '../../lib/integrations/registry.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute, type AppCall } from '../support/app-client.ts';
import { startFakeMicrosoft, type FakeMicrosoft } from '../support/fakes/microsoft.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// The integrations' HTTP API as the pages use it, end to end through the real Outlook adapter
// against the fake Microsoft server: install (admins), connect → the provider's consent → the
// root-domain callback → the workspace's finish with the member's session, the connection's
// status, frequency, Sync now and disconnect, uninstall.

const ID = 'outlook-calendar';
let fake: FakeMicrosoft;
let tenant: TenantContext;
let admin: Member;
let ada: Member;
const cookies: Record<string, string> = {};
let host: string;

const onTenant = (who: 'admin' | 'ada', call: Omit<AppCall, 'host' | 'tenantId' | 'cookie'>): AppCall => ({ ...call, host, tenantId: tenant.id, cookie: cookies[who], params: { id: ID, ...call.params } });

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  process.env.MICROSOFT_CLIENT_ID = fake.clientId;
  process.env.MICROSOFT_CLIENT_SECRET = fake.clientSecret;
  process.env.MICROSOFT_API_BASE = fake.url;
  tenant = await workspace();
  host = `${tenant.slug}.localhost:3100`;
  [admin, ada] = await Promise.all([memberIn(tenant, 'admin'), memberIn(tenant)]);
  cookies.admin = await sessionCookie(admin.userId, tenant.id);
  cookies.ada = await sessionCookie(ada.userId, tenant.id);
});

afterAll(async () => {
  delete process.env.MICROSOFT_CLIENT_ID;
  delete process.env.MICROSOFT_CLIENT_SECRET;
  delete process.env.MICROSOFT_API_BASE;
  await fake.close();
});

/** Connect as Ada up to the provider's redirect back to the root domain; returns that callback's query. */
async function consent(): Promise<URLSearchParams> {
  const started = await callRoute(connectRoute.POST, onTenant('ada', { method: 'POST', path: `/api/app/integrations/${ID}/connect` }));
  expect(started.status).toBe(200);
  const url = String(started.body.url);
  expect(url.startsWith(fake.url)).toBe(true);
  return (await fake.consent(url)).searchParams;
}

describe('the integrations API', () => {
  it('connect is refused before an admin installs it; members cannot install', async () => {
    const early = await callRoute(connectRoute.POST, onTenant('ada', { method: 'POST', path: `/api/app/integrations/${ID}/connect` }));
    expect(early).toMatchObject({ status: 409, body: { code: 'integration_not_installed' } });
    expect((await callRoute(installRoute.POST, onTenant('ada', { method: 'POST', path: `/api/app/integrations/${ID}` }))).status).toBe(403);
    const installed = await callRoute(installRoute.POST, onTenant('admin', { method: 'POST', path: `/api/app/integrations/${ID}` }));
    expect(installed).toMatchObject({ status: 201, body: { installation: { provider: ID } } });
    expect(await callRoute(connectionRoute.GET, onTenant('ada', { path: `/api/app/integrations/${ID}/connection` }))).toMatchObject({ status: 200, body: { connection: null } });
  });

  it('a member connects: consent, the root-domain callback relays to the workspace, finish saves it once', async () => {
    fake.signInAs({ mail: 'ada@contoso.example', displayName: 'Ada' });
    const query = await consent();
    const relayed = await callRoute(callbackRoute.GET, { path: `/api/integrations/${ID}/callback?${query}`, host: 'localhost:3100', params: { id: ID } });
    expect(relayed.status).toBe(303);
    const finish = new URL(relayed.headers.get('location')!);
    expect(`${finish.host}${finish.pathname}`).toBe(`${host}/api/app/integrations/${ID}/finish`);
    // Only on the root domain: the workspace host does not serve it.
    expect((await callRoute(callbackRoute.GET, { path: `/api/integrations/${ID}/callback?${query}`, host, tenantId: tenant.id, params: { id: ID } })).status).toBe(404);

    // Someone else's session cannot redeem Ada's state (and leaves it for her).
    const stolen = await callRoute(finishRoute.GET, onTenant('admin', { path: `${finish.pathname}${finish.search}` }));
    expect(stolen.headers.get('location')).toBe(`/integrations/${ID}?error=expired`);
    const done = await callRoute(finishRoute.GET, onTenant('ada', { path: `${finish.pathname}${finish.search}` }));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`http://${host}/integrations/${ID}?connected=${ID}`);
    // The state is single use.
    const again = await callRoute(finishRoute.GET, onTenant('ada', { path: `${finish.pathname}${finish.search}` }));
    expect(again.headers.get('location')).toBe(`/integrations/${ID}?error=expired`);

    const status = await callRoute(connectionRoute.GET, onTenant('ada', { path: `/api/app/integrations/${ID}/connection` }));
    expect(status.body.connection).toMatchObject({ status: 'active', accountId: expect.stringContaining('ada@contoso.example'), syncFrequency: 'realtime' });
    expect(JSON.stringify(status.body)).not.toMatch(/token/i);
    // The admin sees their own (none), not Ada's.
    expect((await callRoute(connectionRoute.GET, onTenant('admin', { path: `/api/app/integrations/${ID}/connection` }))).body).toEqual({ connection: null });
  });

  it('frequency, Sync now and disconnect act on the member’s own connection', async () => {
    const hourly = await callRoute(connectionRoute.PATCH, onTenant('ada', { method: 'PATCH', path: `/api/app/integrations/${ID}/connection`, json: { syncFrequency: 'hourly' } }));
    expect(hourly).toMatchObject({ status: 200, body: { connection: { syncFrequency: 'hourly', nextSyncAt: expect.any(String) } } });
    const weekly = await callRoute(connectionRoute.PATCH, onTenant('ada', { method: 'PATCH', path: `/api/app/integrations/${ID}/connection`, json: { syncFrequency: 'weekly' } }));
    expect(weekly).toMatchObject({ status: 422, body: { errors: { syncFrequency: expect.any(String) } } });
    expect((await callRoute(connectionRoute.PATCH, onTenant('ada', { method: 'PATCH', path: `/api/app/integrations/${ID}/connection`, json: { token: 'x' } }))).status).toBe(422);

    const sync = await callRoute(syncRoute.POST, onTenant('ada', { method: 'POST', path: `/api/app/integrations/${ID}/connection/sync` }));
    // Outlook's sync plugs into the calendar engine in its own change; until then it says so.
    if (integrationFor(ID).sync) expect(sync).toMatchObject({ status: 202, body: { connection: { syncing: true } } });
    else expect(sync).toMatchObject({ status: 400, body: { detail: 'Outlook Calendar does not sync.' } });
    // The admin has no connection of their own to change or disconnect (Ada's is not theirs to act on here).
    expect(await callRoute(connectionRoute.DELETE, onTenant('admin', { method: 'DELETE', path: `/api/app/integrations/${ID}/connection` }))).toMatchObject({ status: 409, body: { code: 'integration_not_connected' } });

    expect((await callRoute(connectionRoute.DELETE, onTenant('ada', { method: 'DELETE', path: `/api/app/integrations/${ID}/connection` }))).status).toBe(200);
    expect((await callRoute(connectionRoute.GET, onTenant('ada', { path: `/api/app/integrations/${ID}/connection` }))).body).toEqual({ connection: null });
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'integration.disconnected' } })).toBe(1);
  });

  it('uninstall disconnects everyone', async () => {
    const query = await consent();
    const relayed = new URL((await callRoute(callbackRoute.GET, { path: `/api/integrations/${ID}/callback?${query}`, host: 'localhost:3100', params: { id: ID } })).headers.get('location')!);
    await callRoute(finishRoute.GET, onTenant('ada', { path: `${relayed.pathname}${relayed.search}` }));
    const removed = await callRoute(installRoute.DELETE, onTenant('admin', { method: 'DELETE', path: `/api/app/integrations/${ID}` }));
    expect(removed).toMatchObject({ status: 200, body: { disconnected: 1 } });
    expect(await db.integrationConnection.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect((await callRoute(installRoute.DELETE, onTenant('admin', { method: 'DELETE', path: `/api/app/integrations/${ID}` }))).body).toMatchObject({ code: 'integration_not_installed' });
  });
});
