import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { contextOf, memberOf } from '../support/factories.ts';
import { expect, test } from './fixtures.ts';
import { hostRequest, PORT, ROOT, signIn, tenantUrl } from './support.ts';

// The web layer as an attacker meets it, over real HTTP through Waypoint's own server:
// the client cannot choose its IP or its tenant, odd hosts and paths get proper answers, and
// every page carries the browser protections.

test.afterAll(() => disconnectDb());

async function acmeKey(allowlist: string[]): Promise<string> {
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  const user = await db.user.findUniqueOrThrow({ where: { email: 'admin@acme.test' } });
  const { secret } = await createApiKey(await contextOf(acme.id), await memberOf(acme.id, user.id), { name: 'trust e2e', scopes: ['read:users'], ipAllowlist: allowlist });
  return secret;
}

test("an API key's IP allowlist judges the real client address, not a forged X-Forwarded-For", async ({ request }) => {
  const elsewhere = await acmeKey(['203.0.113.0/24']);
  for (const forged of ['203.0.113.9', '203.0.113.9, 10.0.0.1', '10.0.0.1, 203.0.113.9']) {
    const answer = await hostRequest(request, 'GET', 'acme.localhost', '/api/v1/users/me', { headers: { authorization: `Bearer ${elsewhere}`, 'x-forwarded-for': forged, 'x-real-ip': '203.0.113.9' } });
    expect(answer.status(), forged).toBe(403);
    expect(await answer.json()).toMatchObject({ code: 'ip_not_allowed' });
  }
  // The test talks to the server over loopback: that is the address the allowlist sees.
  const here = await acmeKey(['127.0.0.1/32', '::1']);
  const allowed = await hostRequest(request, 'GET', 'acme.localhost', '/api/v1/users/me', { headers: { authorization: `Bearer ${here}`, 'x-forwarded-for': '198.51.100.7' } });
  expect(allowed.status(), await allowed.text()).toBe(200);
});

test('a tenant header sent by the client is never believed, on extension paths too', async ({ request }) => {
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  for (const path of ['/api/app/goals/x.json', '/api/app/goals', '/api/tenant']) {
    const forged = await request.get(`${ROOT}${path}`, { headers: { 'x-waypoint-tenant-id': acme.id, 'x-waypoint-seal': 'forged' } });
    if (path === '/api/tenant') expect((await forged.json()).name).toBe('Waypoint');
    else {
      expect(forged.status(), path).toBe(404);
      expect(await forged.json()).toMatchObject({ code: 'workspace_required' });
    }
  }
});

test("a suspended workspace's door stays shut on paths that end in an extension", async ({ request }) => {
  const api = await hostRequest(request, 'GET', 'initech.localhost', '/api/v1/openapi.json');
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ code: 'workspace_suspended' });
  const page = await hostRequest(request, 'GET', 'initech.localhost', '/goals/report.json');
  expect(page.status()).toBe(403);
});

test('a Host with a trailing dot, or in capitals, is the same host (no 500)', async ({ request }) => {
  for (const host of [`acme.localhost:${PORT}.`, `ACME.localhost:${PORT}`, `acme.localhost.:${PORT}`]) {
    const api = await request.fetch(`http://127.0.0.1:${PORT}/api/tenant`, { headers: { host } });
    expect(api.status(), host).toBe(200);
    expect((await api.json()).slug).toBe('acme');
    const page = await request.fetch(`http://127.0.0.1:${PORT}/signin`, { headers: { host } });
    expect(page.status(), host).toBe(200);
  }
  const junk = await request.fetch(`http://127.0.0.1:${PORT}/api/tenant`, { headers: { host: 'acme localhost' } });
  expect(junk.status()).toBe(400);
  expect(await junk.json()).toMatchObject({ code: 'bad_request' });
});

test('every response carries the browser protections; pages get a CSP with a fresh nonce', async ({ request }) => {
  const first = await hostRequest(request, 'GET', 'acme.localhost', '/signin');
  const second = await hostRequest(request, 'GET', 'acme.localhost', '/signin');
  for (const response of [first, second]) {
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-request-id']).toMatch(/^req_/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    // Over plain http (the tests), no HSTS: it is only sent when the platform runs on https.
    expect(headers['strict-transport-security']).toBeUndefined();
  }
  const nonce = (r: typeof first) => /'nonce-([^']+)'/.exec(r.headers()['content-security-policy'])![1];
  expect(nonce(first)).not.toBe(nonce(second));
  expect(await first.text()).toContain(`nonce="${nonce(first)}"`);

  for (const [host, path] of [['acme.localhost', '/api/tenant'], ['localhost', '/waypoint-icon.svg'], ['localhost', '/api/health']] as const) {
    const headers = (await hostRequest(request, 'GET', host, path)).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
});

test("another site cannot frame a workspace's settings", async ({ page }) => {
  await signIn(page, 'acme', 'admin@acme.test');
  await page.waitForURL(tenantUrl('acme', '/'));
  // A page on another origin (globex's host) that frames acme's settings.
  await page.goto(tenantUrl('globex', '/signin'));
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.onload = () => resolve();
        frame.src = src;
        document.body.append(frame);
      }),
    tenantUrl('acme', '/settings'),
  );
  const framed = page.frames().find((frame) => frame.url().startsWith(tenantUrl('acme', '/settings')));
  // Chromium replaces a refused frame's document with an error page: no settings in it.
  const content = framed ? await framed.content().catch(() => '') : '';
  expect(content).not.toContain('Workspace name');
});

test("next-auth's endpoints answer a malformed JSON body with 400, not an empty 500", async ({ request }) => {
  for (const path of ['/api/auth/callback/credentials', '/api/auth/signout', '/api/auth/signin/email']) {
    for (const data of ['not json', '{"email":', '[1,2]']) {
      const answer = await hostRequest(request, 'POST', 'acme.localhost', path, { data: Buffer.from(data), headers: { 'content-type': 'application/json' } });
      expect(answer.status(), `${path} ${data}`).toBe(400);
      expect(await answer.json()).toMatchObject({ code: 'bad_request' });
    }
  }
});
