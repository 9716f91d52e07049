import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { disconnectDb } from '../../lib/db/client.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { ROOT, createWorkspace, cssVariable, hostRequest, signIn, tenantUrl } from './support.ts';

test.afterAll(() => disconnectDb());

test('the root domain shows the platform page with sign-up and sign-in', async ({ page }) => {
  await page.goto(ROOT);
  await expect(page).toHaveTitle('Waypoint');
  await expect(page.getByRole('link', { name: 'Create your workspace' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in to your workspace' })).toBeVisible();
});

test('acme renders in its own brand', async ({ page }) => {
  await page.goto(tenantUrl('acme'));
  await expect(page).toHaveTitle('Acme Coaching');
  await expect(page.getByTestId('tenant-name')).toHaveText('Acme Coaching');
  await expect(page.getByTestId('tenant-logo')).toHaveAttribute('src', '/brand/acme-logo.svg');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/brand/acme-favicon.svg');
  expect(await cssVariable(page, '--brand-primary')).toBe('#e11d48');
  expect(await cssVariable(page, '--brand-secondary')).toBe('#111827');
  // The header really uses the tenant's color, and the tenant's custom CSS applies.
  const headerBg = await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(headerBg).toBe('rgb(17, 24, 39)');
  expect(await page.locator('main h1').evaluate((el) => getComputedStyle(el).letterSpacing)).not.toBe('normal');
  await expect(page.getByTestId('powered-by')).toBeVisible();
  // The logo file itself is served on the tenant's host.
  expect((await hostRequest(page.request, 'GET', 'acme.localhost', '/brand/acme-logo.svg')).status()).toBe(200);
});

test('globex renders in a different brand and hides "Powered by"', async ({ page }) => {
  await page.goto(tenantUrl('globex'));
  await expect(page).toHaveTitle('Globex Wellness');
  await expect(page.getByTestId('tenant-name')).toHaveText('Globex Wellness');
  await expect(page.getByTestId('tenant-logo')).toHaveAttribute('src', '/brand/globex-logo.svg');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/brand/globex-favicon.svg');
  expect(await cssVariable(page, '--brand-primary')).toBe('#059669');
  await expect(page.getByTestId('powered-by')).toHaveCount(0);
  await expect(page.locator('style[data-custom-css]')).toHaveCount(0);
  // Globex renames the product's words.
  await expect(page.getByText('Sign in to see your objectives, rituals and teams.')).toBeVisible();
});

test('custom CSS with an escaped remote URL fetches nothing, signed in or out', async ({ page, browser }) => {
  // A server on this machine standing in for a tracker: it must never hear from a branded page.
  const hits: string[] = [];
  const tracker = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(tracker.address() as AddressInfo).port}`;
  const requests: string[] = [];
  const watch = (p: Page) => p.on('request', (request) => void (request.url().includes(host) && requests.push(request.url())));
  try {
    const workspace = await createWorkspace('css');
    watch(page);
    await signIn(page, workspace.slug, workspace.ownerEmail);
    await page.waitForURL(tenantUrl(workspace.slug));
    await page.goto(tenantUrl(workspace.slug, '/settings/branding'));
    const css = [
      String.raw`body{background:url(/\/${host}/one-escape.png)}`,
      // Seven backslashes: saved and rendered by the old sanitizer as url(/\/127.0.0.1:…).
      String.raw`body{background-image:url(/\\\\\\\/${host}/seven-escapes.png)}`,
      String.raw`main{background:u\72l(//${host}/escaped-name.png)}`,
      'main h1{letter-spacing:0.25em}',
    ].join('\n');
    await page.getByLabel(/Applied after the theme/).fill(css);
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Branding saved.' })).toBeVisible();
    await expect(page.getByTestId('css-removed')).toContainText('We removed 3 rules that are not allowed');
    // The form now shows what is stored and served.
    await expect(page.getByLabel(/Applied after the theme/)).toHaveValue('main h1 {\n  letter-spacing: 0.25em;\n}');

    // Signed in: the custom CSS is on the page, and applies.
    // (The live stream never finishes loading: refused, so the network can go idle.)
    await page.route(/\/api\/app\/live(\?|$)/, (route) => route.abort());
    await page.goto(tenantUrl(workspace.slug));
    await page.waitForLoadState('networkidle');
    await expect(page.locator('style[data-custom-css]')).toHaveCount(1);
    expect(await page.locator('main h1').first().evaluate((el) => getComputedStyle(el).letterSpacing)).not.toBe('normal');

    // Signed out: the sign-in page carries the same CSS.
    const guest = await browser.newContext();
    const signInPage = await guest.newPage();
    watch(signInPage);
    await signInPage.goto(tenantUrl(workspace.slug, '/signin'));
    await waitForHydration(signInPage);
    await signInPage.waitForLoadState('networkidle');
    await expect(signInPage.locator('style[data-custom-css]')).toHaveCount(1);
    await guest.close();

    expect(requests).toEqual([]);
    expect(hits).toEqual([]);

    // What the old sanitizer rendered is fetched by the browser, so the watch above can see one.
    const control = await browser.newContext();
    const controlPage = await control.newPage();
    watch(controlPage);
    await controlPage.setContent(String.raw`<base href="http://localhost/"><style>body{background:url(/\/${host}/control.png)}</style><body>control</body>`);
    await expect.poll(() => hits).toContain('/control.png');
    expect(requests).toHaveLength(1);
    await control.close();
  } finally {
    await new Promise((resolve) => tracker.close(resolve));
  }
});
