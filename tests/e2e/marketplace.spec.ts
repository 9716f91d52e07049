import { randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import * as oauth from 'oauth4webapi';
import { db } from '../../lib/db/client.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import { createMarketplaceApp, type TestApp } from '../support/marketplace.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { cssVariable, hostRequest, PORT, signIn, tenantUrl } from './support.ts';

// The marketplace in a real browser: an acme admin searches the Apps page, opens a listing,
// installs it on the consent page (in acme's brand), lands on the app's setup URL (a local HTTP
// server playing the app, which then exchanges the code with oauth4webapi and calls the API),
// finds it under Settings › Installed apps and uninstalls it; the app's token stops working.

/** The app's calls "to" acme.localhost: Node cannot resolve *.localhost, so through 127.0.0.1 with the Host header. */
function fetchVia(request: APIRequestContext) {
  return async (url: string, init: { method: string; headers: Record<string, string>; body?: unknown }): Promise<Response> => {
    const target = new URL(url);
    const body = init.body instanceof URLSearchParams ? init.body.toString() : (init.body as string | undefined);
    const answer = await request.fetch(`http://127.0.0.1:${PORT}${target.pathname}${target.search}`, { method: init.method, headers: { ...init.headers, host: target.host }, data: body, maxRedirects: 0 });
    const status = answer.status();
    return new Response([204, 304].includes(status) ? null : await answer.text(), { status, headers: answer.headers() });
  };
}

let receiver: WebhookReceiver;
let app: TestApp;
const word = `trailhead${randomBytes(3).toString('hex')}`;
const name = `Trailhead Sync ${word.slice(-6)}`;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // The demo partner's app, published: what helper services will make through the partner portal.
  const northstar = await db.partner.findFirstOrThrow({ where: { users: { some: { user: { email: 'partner@waypoint.test' } } } }, select: { id: true, name: true } });
  const sandbox = await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: northstar.id }, select: { id: true } });
  app = await createMarketplaceApp({
    partner: { id: northstar.id, name: northstar.name, sandbox: (await loadTenantById(sandbox.id))! },
    name,
    tagline: `Sync your ${word} rides to goals`,
    description: 'Trailhead Sync records **every ride** as progress on your fitness goals.',
    setupUrl: receiver.url('/setup'),
  });
});

test.afterAll(async () => {
  if (app) {
    await db.marketplaceApp.delete({ where: { id: app.id } }).catch(() => undefined);
    await db.oAuthApp.delete({ where: { id: app.oauthAppId } }).catch(() => undefined);
  }
  await receiver?.close();
});

test('an acme admin finds an app, installs it in acme’s brand, lands on its setup page, and uninstalls it', async ({ page, request }) => {
  await signIn(page, 'acme', 'admin@acme.test');
  await page.waitForURL(tenantUrl('acme'));

  // Search from the Apps page.
  await page.locator('nav a[href="/apps"]:visible').first().click();
  await page.waitForURL(tenantUrl('acme', '/apps'));
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search apps' }).fill(word);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === word);
  await expect(page.getByTestId('results-title')).toHaveText(`1 app for “${word}”`);
  await page.getByTestId('app-card').filter({ hasText: name }).getByRole('link').click();

  // The listing: what it does and asks for, and Install.
  await page.waitForURL(tenantUrl('acme', `/apps/${app.slug}`));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('every ride')).toBeVisible();
  await expect(page.getByTestId('listing-scopes')).toContainText('To record workouts as goal progress.');
  await page.getByTestId('install-app').click();

  // The consent, in acme's brand.
  await page.waitForURL(tenantUrl('acme', `/apps/${app.slug}/install`));
  await waitForHydration(page);
  const consent = page.getByTestId('install-consent');
  await expect(consent.getByRole('heading', { level: 1 })).toHaveText(`Install ${name} in Acme Coaching`);
  await expect(page.getByTestId('tenant-name')).toHaveText('Acme Coaching');
  expect(await cssVariable(page, '--brand-primary')).toBe('#e11d48');
  await expect(page.getByTestId('install-scopes')).toContainText('Create, change and delete goals');
  await expect(page.getByTestId('install-scopes')).toContainText('To match people to their Pulse accounts.');
  await expect(consent).toContainText('127.0.0.1');
  await page.getByTestId('install-confirm').click();

  // The app's setup URL gets the code, the installation and the workspace.
  const all = await receiver.waitFor((received) => received.some((r) => r.path.startsWith('/setup?')));
  const landing = new URL(all.find((r) => r.path.startsWith('/setup?'))!.path, receiver.url('/'));
  // The app's own page (not Waypoint's: no hydration to wait for).
  await expect(page).toHaveURL((url) => url.pathname === '/setup' && url.searchParams.get('installation_id') !== null);
  expect(landing.searchParams.get('workspace')).toBe('acme');
  expect(landing.searchParams.get('installation_id')).toMatch(/^ins_/);

  // The app swaps the code (client secret) at acme's token endpoint and calls the API as itself.
  const options = { [oauth.customFetch]: fetchVia(request), [oauth.allowInsecureRequests]: true };
  const issuer = new URL(tenantUrl('acme', '/'));
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...options }));
  const callback = oauth.validateAuthResponse(as, app.client, landing, oauth.expectNoState);
  const tokens = await oauth.processAuthorizationCodeResponse(as, app.client, await oauth.authorizationCodeGrantRequest(as, app.client, app.auth, callback, receiver.url('/setup'), oauth.nopkce, options));
  const goals = () => hostRequest(request, 'GET', 'acme.localhost', '/api/v1/goals', { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect((await goals()).status()).toBe(200);

  // Installed apps: who and what; uninstall.
  await page.goto(tenantUrl('acme', '/settings/installed-apps'));
  await waitForHydration(page);
  const row = page.getByTestId('installed-app').filter({ hasText: name });
  await expect(row).toContainText('by Admin at Acme Coaching');
  await expect(row).toContainText('read:goals, write:goals, read:users');
  await row.getByRole('button', { name: `Uninstall ${name}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Uninstall' }).click();
  await expect(page.getByText(`${name} was uninstalled.`)).toBeVisible();
  await expect(page.getByTestId('installed-app').filter({ hasText: name })).toHaveCount(0);
  expect((await goals()).status()).toBe(401);

  // The listing offers Install again.
  await page.goto(tenantUrl('acme', `/apps/${app.slug}`));
  await expect(page.getByTestId('install-app')).toBeVisible();
});
