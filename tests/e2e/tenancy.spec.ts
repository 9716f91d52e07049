import { expect, test } from './fixtures.ts';
import { randomBytes } from 'node:crypto';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { addDomain, verificationRecord, verifyDomain } from '../../lib/tenancy/domains.ts';
import { PORT, hostRequest, tenantUrl } from './support.ts';

test.afterAll(() => disconnectDb());

test('an unknown workspace answers 404 with a "workspace not found" page', async ({ page }) => {
  const response = await page.goto(tenantUrl('nosuch'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Workspace not found' })).toBeVisible();
  const api = await hostRequest(page.request, 'GET', 'nosuch.localhost', '/api/tenant');
  expect(api.status()).toBe(404);
  expect(api.headers()['content-type']).toContain('application/problem+json');
  expect((await api.json()).code).toBe('workspace_not_found');
});

test('a suspended workspace answers 403 with a clear page', async ({ page }) => {
  const response = await page.goto(tenantUrl('initech'));
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Workspace unavailable' })).toBeVisible();
  await expect(page.getByText('Initech is suspended')).toBeVisible();
});

test('tenant pages cannot be reached through the root domain or another tenant', async ({ page }) => {
  expect((await page.goto(`http://localhost:${PORT}/t/acme`))?.status()).toBe(404);
  const viaGlobex = await page.goto(tenantUrl('globex', '/t/acme'));
  expect(viaGlobex?.status()).toBe(404);
  await expect(page.getByTestId('tenant-name')).toHaveText('Globex Wellness');
});

test('a custom domain serves acme once verified, and 404 before', async ({ page }) => {
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  const hostname = `coach-${randomBytes(4).toString('hex')}.acme.test`;
  const url = `http://${hostname}:${PORT}/`;
  const domain = await addDomain(acme.id, hostname, null);

  const before = await page.goto(url);
  expect(before?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Workspace not found' })).toBeVisible();

  // The DNS answer is stubbed; verification then notifies the running server's cache.
  const result = await verifyDomain(acme.id, domain.id, null, async () => [[verificationRecord(domain).value]]);
  expect(result.verified).toBe(true);

  await expect(async () => {
    const after = await page.goto(url);
    expect(after?.status()).toBe(200);
  }).toPass({ timeout: 5_000 });
  await expect(page).toHaveTitle('Acme Coaching');
  await expect(page.getByTestId('tenant-name')).toHaveText('Acme Coaching');
});
