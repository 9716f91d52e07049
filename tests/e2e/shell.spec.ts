import { db, disconnectDb } from '../../lib/db/client.ts';
import { brandTextColor } from '../../lib/branding/contrast.ts';
import { notifyTenantChanged } from '../../lib/tenancy/tenant-cache.ts';
import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, ROOT, createWorkspace, cssVariable, signIn, signOut, tenantUrl, signInAsOperator } from './support.ts';
import type { Page } from '@playwright/test';

// The app's frame: headers, the menu button, the user menu, the skip link, focus, and the
// 403 page's ways out.

test.afterAll(() => disconnectDb());

const PHONE = { width: 390, height: 844 };

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/** The header itself fits (the pages below are the mobile-overflow test's business). */
async function headerFits(page: Page) {
  expect(await page.getByRole('banner').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.getByRole('banner').evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
}

test('at 390 px the main menu is behind a menu button that opens, navigates and closes', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
  // By test id: while the sheet is open, the page behind it (the button too) is aria-hidden.
  const button = page.getByTestId('menu-button');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await headerFits(page);

  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const sheet = page.getByRole('dialog', { name: 'Acme Coaching' });
  const nav = sheet.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link')).toHaveText(['Dashboard', 'Activity', 'Goals', 'Habits', 'Teams', 'Leaderboards', 'Apps', 'Developers']);
  await nav.getByRole('link', { name: 'Habits' }).click();
  await page.waitForURL(tenantUrl('acme', '/habits'));
  await expect(sheet).toHaveCount(0);
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Escape closes it too, and focus returns to the button.
  await button.click();
  await expect(page.getByRole('dialog').getByRole('link', { name: 'Habits' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('on a desktop the main menu is one row and there is no menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'acme', 'owner@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveCount(9);
  const boxes = await nav.getByRole('link').evaluateAll((links) => links.map((l) => l.getBoundingClientRect().top));
  expect(new Set(boxes.map(Math.round)).size).toBe(1);
  // …and the row ends before the header's buttons (nine items once ran under the bell).
  const rowEnd = await nav.getByRole('link').last().evaluate((link) => link.getBoundingClientRect().right);
  const bellStart = await page.getByTestId('notification-bell').evaluate((bell) => bell.getBoundingClientRect().left);
  expect(rowEnd).toBeLessThanOrEqual(bellStart);
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
});

test('below 1280 px a workspace menu is behind the menu button (nine items do not fit a row)', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, 'acme', 'owner@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
});

test('the user menu shows who is signed in and leads to the account pages and Sign out', async ({ page }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  const trigger = page.getByRole('button', { name: 'Member at Acme Coaching' });
  await expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
  await expect(trigger).toContainText('MC'); // initials (first and last word) until there is a picture
  await trigger.click();
  const menu = page.getByRole('menu');
  await expect(menu).toContainText('member@acme.test');
  await expect(menu.getByRole('menuitem')).toHaveText(['Profile', 'Security', 'Notifications', 'Integrations', 'Sign out']);
  await expect(menu.getByRole('menuitem', { name: 'Security' })).toHaveAttribute('href', '/account/security');
  await expect(menu.getByRole('menuitem', { name: 'Notifications' })).toHaveAttribute('href', '/account/notifications');
  // Keyboard: arrows move through the items, Enter follows one.
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Profile' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(tenantUrl('acme', '/account'));

  await signOut(page);
  await page.waitForURL(tenantUrl('acme', '/signin'));
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
});

test('the skip link is the first stop of the keyboard on every kind of page and moves focus to the content', async ({ page }) => {
  for (const url of [ROOT, `${ROOT}/signin`, tenantUrl('acme', '/signin'), tenantUrl('initech'), tenantUrl('acme', '/no/such/page')]) {
    await page.goto(url);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip, url).toBeFocused();
    await expect(skip, url).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main'), url).toBeFocused();
    // The next Tab continues from the content, past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main')), url).toBe(true);
  }
});

test('focus is a 2px ring set off the element, in a colour of its own, not the red error border', async ({ page }) => {
  const ringOf = (locator: import('@playwright/test').Locator) =>
    locator.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineOffset: s.outlineOffset, outlineColor: s.outlineColor, borderColor: s.borderTopColor };
    });
  // A field in error: red border; focused, the ring is Waypoint's indigo, 2px away from it.
  await page.goto(`${ROOT}/signup`);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  const email = page.getByLabel('Work email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.focus();
  const invalid = await ringOf(email);
  expect(invalid).toMatchObject({ outlineStyle: 'solid', outlineWidth: '2px', outlineOffset: '2px', outlineColor: 'rgb(79, 70, 229)' });
  expect(invalid.borderColor).not.toBe(invalid.outlineColor);

  // In a workspace the ring is its brand colour when that stands out from white, unless it is
  // a red like the error border: acme's rose (4.7:1 on white) gets the dark ring instead.
  await page.goto(tenantUrl('acme', '/signin'));
  await page.getByLabel('Email').focus();
  expect(await ringOf(page.getByLabel('Email'))).toMatchObject({ outlineStyle: 'solid', outlineWidth: '2px', outlineOffset: '2px', outlineColor: 'rgb(15, 23, 42)' });
  await page.goto(tenantUrl('globex', '/signin'));
  await page.getByLabel('Email').focus();
  expect((await ringOf(page.getByLabel('Email'))).outlineColor).toBe('rgb(5, 150, 105)');
});

test("brand text on light backgrounds uses the computed --brand-text, and the branding editor warns with the ratio", async ({ page }) => {
  await signIn(page, 'acme', 'owner@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  expect(await cssVariable(page, '--brand-text')).toBe(brandTextColor('#e11d48'));
  expect(await cssVariable(page, '--brand-primary-fg')).toBe('#ffffff');

  await page.goto(tenantUrl('acme', '/settings/branding'));
  const warning = page.getByTestId('contrast-warning');
  await expect(warning).toContainText('reads at only 3.84:1');
  await expect(warning).toContainText(`darker ${brandTextColor('#e11d48')}`);
  // Live: a colour that passes clears it (not saved: the demo's colours stay).
  await page.getByRole('textbox', { name: 'Primary color', exact: true }).fill('#4f46e5');
  await expect(warning).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Primary color', exact: true }).fill('#fde68a');
  await expect(page.getByTestId('contrast-warning')).toHaveCount(2);
  await expect(page.getByTestId('contrast-warning').last()).toContainText('focus ring will be dark');
});

test('the public header keeps "Sign in" on one line at 390 px', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(ROOT);
  const signIn = page.getByRole('banner').getByRole('link', { name: 'Sign in' });
  const height = await signIn.evaluate((el) => el.getBoundingClientRect().height);
  const line = await signIn.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(height).toBeLessThanOrEqual(line + 1);
  await noHorizontalScroll(page);
});

test('the reseller area has its own signed-in header: who, the area menu, sign out', async ({ page }) => {
  await page.goto('/reseller/signin');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Create a workspace' })).toBeVisible();
  await page.getByLabel('Email').fill('reseller@waypoint.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/reseller');
  const header = page.getByRole('banner');
  await expect(header).toContainText('Reseller');
  await expect(header.getByRole('link', { name: 'Create a workspace' })).toHaveCount(0);
  await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  const nav = header.getByRole('navigation', { name: 'Reseller' });
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Payouts' }).click();
  await page.waitForURL('**/reseller/payouts');
  await expect(nav.getByRole('link', { name: 'Payouts' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current', 'page');

  await header.getByTestId('user-menu').click();
  await expect(page.getByRole('menu')).toContainText('reseller@waypoint.test');
  await expect(page.getByRole('menu')).toContainText('Summit Partners');
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/reseller/signin');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Create a workspace' })).toBeVisible();
});

test('the operator console has its own signed-in header, with a menu button at 390 px', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAsOperator(page);
  const header = page.getByRole('banner');
  await expect(header).toContainText('Operator');
  await expect(header.getByRole('link', { name: 'Create a workspace' })).toHaveCount(0);
  await header.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('dialog').getByRole('link', { name: 'Resellers' }).click();
  await page.waitForURL('**/operator/resellers');
  await expect(page.getByRole('heading', { name: 'Resellers', level: 1 })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await header.getByRole('button', { name: 'operator@waypoint.test' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/operator/signin');
});

test('the 403 page of a suspended workspace offers sign-in to owners, billing, support and a way back', async ({ page }) => {
  const response = await page.goto(tenantUrl('initech'));
  expect(response?.status()).toBe(403);
  const options = page.getByTestId('suspended-options');
  await expect(options.getByRole('link', { name: 'Owners: sign in to manage billing' })).toHaveAttribute('href', '/signin?callbackUrl=%2Fsettings%2Fbilling');
  await expect(options.getByRole('link', { name: 'Go to the billing page' })).toHaveAttribute('href', '/settings/billing');
  await expect(options.getByRole('link', { name: 'Go to Waypoint' })).toHaveAttribute('href', ROOT);

  // An owner of a suspended workspace signs in from there and reaches billing.
  const workspace = await createWorkspace('suspended');
  await db.tenant.update({ where: { slug: workspace.slug }, data: { status: 'suspended', branding: { update: { supportEmail: 'help@suspended.example' } } } });
  await notifyTenantChanged(db);
  await expect(async () => {
    const answer = await page.goto(tenantUrl(workspace.slug));
    expect(answer?.status()).toBe(403);
  }).toPass({ timeout: 30_000 });
  await expect(options.getByRole('link', { name: 'help@suspended.example' })).toHaveAttribute('href', 'mailto:help@suspended.example');
  await options.getByRole('link', { name: 'Owners: sign in to manage billing' }).click();
  await page.waitForURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').fill(workspace.ownerEmail);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(tenantUrl(workspace.slug, '/settings/billing'));
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();

  // Signed in, the 403 page has the billing link for the owner.
  await page.goto(tenantUrl(workspace.slug, '/goals'));
  await expect(options.getByRole('link', { name: 'Open billing' })).toHaveAttribute('href', '/settings/billing');
});

test('a favicon that is not square is cropped square before upload; a logo may be uploaded as is', async ({ page }) => {
  const workspace = await createWorkspace('crop');
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/settings/branding'));
  // A real 300×100 PNG, drawn by the browser.
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 100;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#0ea5e9';
    context.fillRect(0, 0, 300, 100);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  const png = { name: 'wide.png', mimeType: 'image/png', buffer: Buffer.from(bytes) };

  await page.getByLabel('Favicon').setInputFiles(png);
  const dialog = page.getByRole('dialog', { name: 'Crop the favicon' });
  await expect(dialog).toContainText('300×100 px');
  await expect(dialog.getByTestId('crop-area')).toBeVisible();
  await expect(dialog).toContainText('Result: 100×100 px');
  await dialog.getByRole('button', { name: 'Crop and upload' }).click();
  await expect(dialog).toHaveCount(0);
  const favicon = page.getByRole('img', { name: 'Current favicon' });
  await expect(favicon).toHaveAttribute('src', /^\/api\/assets\//);
  await expect.poll(() => favicon.evaluate((img: HTMLImageElement) => `${img.naturalWidth}×${img.naturalHeight}`)).toBe('100×100');

  await page.getByLabel('Logo').setInputFiles({ ...png, name: 'logo.png' });
  const logoDialog = page.getByRole('dialog', { name: 'Crop the logo' });
  await expect(logoDialog.getByRole('radio', { name: 'As is' })).toBeChecked();
  await logoDialog.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByTestId('tenant-logo')).toHaveAttribute('src', /^\/api\/assets\//);
  await expect.poll(() => page.getByTestId('tenant-logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
});

test("a section's not-found page keeps its 404 and speaks the workspace's words", async ({ page }) => {
  await signIn(page, 'globex', 'member@globex.test');
  await page.waitForURL(tenantUrl('globex'));
  const response = await page.goto(tenantUrl('globex', '/goals/no-such-goal'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Objective not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to objectives' }).click();
  await page.waitForURL(tenantUrl('globex', '/goals'));
});
