import { expect, test } from './fixtures.ts';
import { ROOT, hostRequest } from './support.ts';

test('health reports the app and the database', async ({ request }) => {
  const response = await request.get(`${ROOT}/api/health`);
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe('ok');
  expect(body.checks.database.status).toBe('ok');
});

test('the sign-up API answers bad requests with problem+json, never a 500', async ({ request }) => {
  const post = (data: string, headers: Record<string, string> = { 'content-type': 'application/json' }, host = 'localhost') =>
    hostRequest(request, 'POST', host, '/api/signup', { data: Buffer.from(data), headers });

  const cases: [Promise<import('@playwright/test').APIResponse>, number, string][] = [
    [post('{"name":'), 400, 'bad_request'],
    [post(''), 400, 'bad_request'],
    [post('name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type'],
    [post(JSON.stringify({ name: 'x'.repeat(70_000) })), 413, 'payload_too_large'],
    [post(JSON.stringify({ email: 'x' })), 422, 'validation_failed'],
    [post('[]'), 422, 'validation_failed'],
    [post(JSON.stringify({ name: 'A', email: 'a@example.test', password: 'long-enough-pw', workspaceName: 'AA', slug: 'ok-slug' }), undefined, 'acme.localhost'), 404, 'not_found'],
  ];
  for (const [pending, status, code] of cases) {
    const response = await pending;
    expect(response.status(), await response.text()).toBe(status);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    const body = await response.json();
    expect(body).toMatchObject({ status, code });
    expect(typeof body.detail).toBe('string');
  }
});

test("a tenant's brand manifest is public and per host", async ({ request }) => {
  const acme = await (await hostRequest(request, 'GET', 'acme.localhost', '/api/tenant')).json();
  const globex = await (await hostRequest(request, 'GET', 'globex.localhost', '/api/tenant')).json();
  expect(acme).toMatchObject({ slug: 'acme', name: 'Acme Coaching', branding: { primaryColor: '#e11d48' } });
  expect(globex).toMatchObject({ slug: 'globex', branding: { primaryColor: '#059669' } });
});

test('a forged tenant header from the client is ignored', async ({ request }) => {
  const { db, disconnectDb } = await import('../../lib/db/client.ts');
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  await disconnectDb();
  const globex = await (await hostRequest(request, 'GET', 'globex.localhost', '/api/tenant')).json();
  const forged = await hostRequest(request, 'GET', 'globex.localhost', '/api/tenant', { headers: { 'x-waypoint-tenant-id': acme.id } });
  expect(await forged.json()).toEqual(globex);
  const root = await request.get(`${ROOT}/api/tenant`, { headers: { 'x-waypoint-tenant-id': 'anything' } });
  expect((await root.json()).name).toBe('Waypoint');
});
