import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn, tenantUrl } from './support.ts';

/** The portal's 30-day request total. */
async function totalRequests(page: Page): Promise<number> {
  return Number((await page.getByTestId('usage-total-requests').textContent())?.replace(/\D/g, ''));
}

/** GET /api/v1/goals from the page with only the key (no session cookie): the status. */
function callApi(page: Page, secret: string): Promise<number> {
  return page.evaluate(async (key) => (await fetch('/api/v1/goals', { headers: { authorization: `Bearer ${key}` }, credentials: 'omit' })).status, secret);
}

test('an owner makes an API key, uses it, revokes it, and sees the usage', async ({ page }) => {
  await signIn(page, 'acme', 'owner@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Developers' }).click();
  await page.waitForURL(tenantUrl('acme', '/developers'));
  const before = await totalRequests(page);

  await page.getByRole('navigation', { name: 'Developers' }).getByRole('link', { name: 'API keys' }).click();
  await page.waitForURL(tenantUrl('acme', '/developers/keys'));
  const name = `E2E key ${Date.now()}`;
  const form = page.getByRole('form', { name: 'Create API key' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: 'read:goals', exact: true }).check();
  await form.getByLabel('Tier').selectOption('developer');
  await form.getByRole('button', { name: 'Create key' }).click();

  await expect(page.getByText("Copy this key now. You won't see it again.")).toBeVisible();
  const secret = (await page.getByTestId('api-key-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^wp_live_[0-9A-Za-z]{43}$/);
  const item = page.getByTestId('api-key-item').filter({ hasText: name });
  await expect(item.getByTestId('api-key-status')).toHaveText('Active');
  await expect(item).toContainText(`${secret.slice(0, 12)}…${secret.slice(-4)}`);

  expect(await callApi(page, secret)).toBe(200);

  // Revoking stops the key at once.
  await page.goto(tenantUrl('acme', '/developers/keys'));
  page.once('dialog', (dialog) => dialog.accept());
  const revoked = page.waitForResponse((response) => response.url().includes('/api/app/api-keys/') && response.request().method() === 'DELETE');
  await item.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(item.getByTestId('api-key-status')).toHaveText('Revoked');
  expect((await revoked).status()).toBe(200);
  expect(await callApi(page, secret)).toBe(401);

  // The request log is written in batches a couple of seconds apart.
  await expect
    .poll(async () => {
      await page.goto(tenantUrl('acme', '/developers'));
      return totalRequests(page);
    })
    .toBeGreaterThanOrEqual(before + 1);
  await expect(page.getByTestId('top-endpoints')).toContainText('GET /api/v1/goals');
});

test('the docs are public: the landing lists the resources and guides', async ({ page }) => {
  await page.goto(tenantUrl('acme', '/developers/docs'));
  await expect(page.getByTestId('api-base-url')).toHaveText(tenantUrl('acme', ''));
  const nav = page.getByRole('navigation', { name: 'API docs' });
  for (const resource of ['Users', 'Goals', 'Habits', 'Analytics', 'Webhooks']) await expect(nav.getByRole('link', { name: resource, exact: true })).toBeVisible();
  for (const guide of ['Getting started', 'OAuth 2.0 and OpenID Connect', 'Webhook events', 'Error codes']) await expect(nav.getByRole('link', { name: guide })).toBeVisible();

  // OAuth: the workspace's own authorization server, its rules, and a worked example.
  await nav.getByRole('link', { name: 'OAuth 2.0 and OpenID Connect' }).click();
  await page.waitForURL(tenantUrl('acme', '/developers/docs/oauth'));
  const oauthDocs = page.getByRole('region', { name: 'OAuth 2.0' });
  await expect(oauthDocs).toContainText('/.well-known/oauth-authorization-server');
  await expect(oauthDocs).toContainText('30 seconds');
  await expect(oauthDocs.getByTestId('oauth-errors')).toContainText('unsupported_grant_type');
  await oauthDocs.getByRole('tab', { name: 'Python (Authlib)' }).click();
  await expect(oauthDocs.getByRole('tabpanel')).toContainText('OAuth2Session(');
});
