import { expect, test } from './fixtures.ts';
import { ROOT, cssVariable, hostRequest, tenantUrl } from './support.ts';

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
