import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { expect, test } from './fixtures.ts';
import { signIn, tenantUrl } from './support.ts';

// The API docs: a landing with guides and one Scalar page per resource; Try it works for a
// signed-in member with a temporary key; nothing is fetched from outside the app; keyboard
// users reach the code; axe finds nothing serious at desktop and phone widths.

test.afterAll(() => disconnectDb());

const DOCS_PAGES = ['/developers/docs', '/developers/docs/api/goals', '/developers/docs/oauth', '/developers/docs/webhook-events', '/developers/docs/errors'];

/** Requests that leave this machine (Scalar can call its own services, fonts, telemetry). */
function watchExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    const { hostname } = new URL(request.url());
    if (hostname !== 'localhost' && !hostname.endsWith('.localhost') && !request.url().startsWith('data:')) external.push(request.url());
  });
  return external;
}

async function waitForReference(page: Page): Promise<void> {
  await expect(page.getByTestId('api-reference').getByRole('heading', { name: 'List goals' })).toBeVisible({ timeout: 45_000 });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Scalar renders in the browser, and axe reads its whole DOM: both are slow on a busy 2-core machine.
test.describe.configure({ timeout: 150_000 });

test('a resource page is small, and Try it runs GET /api/v1/goals for a signed-in member without pasting a key, body first', async ({ page }) => {
  const external = watchExternalRequests(page);
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  const keysBefore = await db.apiKey.count({ where: { temporary: true, createdBy: { email: 'member@acme.test' } } });

  await page.goto(tenantUrl('acme', '/developers/docs'));
  await page.getByRole('navigation', { name: 'API docs' }).getByRole('link', { name: 'Goals' }).click();
  await page.waitForURL(tenantUrl('acme', '/developers/docs/api/goals'));
  await waitForReference(page);
  await expect(page.getByTestId('try-it-key-notice')).toContainText('temporary read-only key');

  // One resource, not the whole API: other resources' operations are on their own pages.
  const size = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, html: document.documentElement.outerHTML.length }));
  expect(size.height).toBeLessThan(15_000);
  expect(size.html).toBeLessThan(600_000);
  await expect(page.getByTestId('api-reference').getByRole('heading', { name: 'List habits' })).toHaveCount(0);
  const served = await page.evaluate(async () => (await (await fetch(location.href)).text()).length);
  expect(served).toBeLessThan(250_000);

  // The key was made for this member and tab, read-only, for an hour.
  const key = await db.apiKey.findFirstOrThrow({ where: { temporary: true, createdBy: { email: 'member@acme.test' } }, orderBy: { createdAt: 'desc' } });
  expect(await db.apiKey.count({ where: { temporary: true, createdBy: { email: 'member@acme.test' } } })).toBe(keysBefore + 1);
  expect(key.scopes.every((scope) => scope.startsWith('read:'))).toBe(true);
  expect(key.expiresAt!.getTime() - key.createdAt.getTime()).toBe(3_600_000);

  await page.getByRole('button', { name: /Test Request.*get \/api\/v1\/goals\)/ }).first().click();
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/goals' && response.request().method() === 'GET');
  await page.getByRole('button', { name: /^Send\b/ }).first().click();
  const response = await answered;
  expect(response.status()).toBe(200);
  expect(response.request().headers().authorization).toMatch(/^Bearer wp_live_/);
  const body = page.locator('.response-section-content-body').first();
  await expect(body).toContainText('"data"');
  await expect(body).toContainText('Launch the spring program');
  // The body comes before the headers.
  const bodyBox = await body.boundingBox();
  const headersBox = await page.locator('.response-section-content-headers').first().boundingBox();
  expect(bodyBox!.y).toBeLessThan(headersBox!.y);

  // Another docs page in the same tab reuses the key.
  await page.goto(tenantUrl('acme', '/developers/docs/api/habits'));
  await expect(page.getByTestId('try-it-key-notice')).toBeVisible({ timeout: 20_000 });
  expect(await db.apiKey.count({ where: { temporary: true, createdBy: { email: 'member@acme.test' } } })).toBe(keysBefore + 1);
  expect(external).toEqual([]);
});

test('visitors read the docs and are offered sign-in; no key is made for them', async ({ page }) => {
  const external = watchExternalRequests(page);
  const minted: string[] = [];
  page.on('request', (request) => request.url().includes('/api/app/api-keys/docs-session') && minted.push(request.url()));
  await page.goto(tenantUrl('acme', '/developers/docs/api/goals'));
  await waitForReference(page);
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  expect(minted).toEqual([]);

  // OAuth is a guide of its own, reached from the side navigation; its Copy button sits beside the code, not over it.
  await page.getByRole('navigation', { name: 'API docs' }).getByRole('link', { name: 'OAuth 2.0 and OpenID Connect' }).click();
  await page.waitForURL(tenantUrl('acme', '/developers/docs/oauth'));
  const oauthDocs = page.getByRole('region', { name: 'OAuth 2.0' });
  await expect(oauthDocs).toContainText('/.well-known/oauth-authorization-server');
  await oauthDocs.getByRole('tab', { name: 'Python (Authlib)' }).click();
  const panel = oauthDocs.getByRole('tabpanel');
  await expect(panel).toContainText('OAuth2Session(');
  const copy = await oauthDocs.getByRole('button', { name: /Copy the Python/ }).boundingBox();
  const code = await panel.boundingBox();
  expect(copy!.y + copy!.height <= code!.y || copy!.x + copy!.width <= code!.x).toBe(true);
  expect(external).toEqual([]);
});

test('keyboard users reach the code panels with Tab', async ({ page }) => {
  await page.goto(tenantUrl('acme', '/developers/docs/api/goals'));
  await waitForReference(page);
  let reached = '';
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return active && active.matches('pre, .cm-scroller, [role="region"][aria-label="Code"]') && (active.textContent ?? '').includes('/api/v1/goals') ? active.tagName : '';
    });
  }
  expect(reached).not.toBe('');

  await page.goto(tenantUrl('acme', '/developers/docs/oauth'));
  const panel = page.getByRole('tabpanel').first();
  await panel.focus();
  await expect(panel).toBeFocused();
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`the docs pages have no serious axe violations and no horizontal scroll at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, 'acme', 'viewer@acme.test');
    await page.waitForURL(tenantUrl('acme'));
    for (const path of DOCS_PAGES) {
      await page.goto(tenantUrl('acme', path));
      if (path.includes('/api/')) await waitForReference(page);
      expect(await seriousViolations(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
    }
  });
}
