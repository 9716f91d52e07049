import { createApiKey } from '../../lib/api-keys/api-keys.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { contextOf, memberOf } from '../support/factories.ts';
import { expect, test } from './fixtures.ts';
import { hostRequest } from './support.ts';

test.afterAll(() => disconnectDb());

// The public API over real HTTP: proxy.ts resolves the host, the key names the workspace.
test("an API key works on its workspace's host and nowhere else", async ({ request }) => {
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  const user = await db.user.findUniqueOrThrow({ where: { email: 'member@acme.test' } });
  const { secret } = await createApiKey(await contextOf(acme.id), await memberOf(acme.id, user.id), { name: 'e2e key', scopes: ['read:goals'] });
  const auth = { authorization: `Bearer ${secret}` };

  const goals = await hostRequest(request, 'GET', 'acme.localhost', '/api/v1/goals?limit=5', { headers: auth });
  expect(goals.status(), await goals.text()).toBe(200);
  const headers = goals.headers();
  for (const name of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) expect(headers[name], name).toMatch(/^\d+$/);
  const body = await goals.json();
  expect(Array.isArray(body.data)).toBe(true);
  expect(body.data.length).toBeGreaterThan(0);
  expect(body).toHaveProperty('next_cursor');

  const document = await hostRequest(request, 'GET', 'acme.localhost', '/api/v1/openapi.json');
  expect(document.status()).toBe(200);
  expect((await document.json()).openapi).toBe('3.1.0');

  const elsewhere = await hostRequest(request, 'GET', 'globex.localhost', '/api/v1/goals', { headers: auth });
  expect(elsewhere.status()).toBe(401);
  expect(elsewhere.headers()['content-type']).toContain('application/problem+json');
  expect(await elsewhere.json()).toMatchObject({ status: 401, code: 'wrong_workspace' });
});
