import { expect, test } from './fixtures.ts';
import { expectSignedIn, signIn, tenantUrl } from './support.ts';

test('a member signs in and out', async ({ page }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await expectSignedIn(page, 'member');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Member at Acme Coaching');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(tenantUrl('acme', '/signin'));
  await page.goto(tenantUrl('acme'));
  await expect(page.getByTestId('member-role')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, 'acme', 'viewer@acme.test', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password' })).toBeVisible();
  await expect(page).toHaveURL(tenantUrl('acme', '/signin'));
});

test('a user without a membership in this workspace is refused', async ({ page }) => {
  await signIn(page, 'acme', 'owner@globex.test');
  await expect(page.getByRole('alert').filter({ hasText: 'not a member of Acme Coaching' })).toBeVisible();
});

test('a session made on acme is not accepted on globex', async ({ page, context }) => {
  await signIn(page, 'acme', 'owner@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await expectSignedIn(page, 'owner');

  // Host-only cookies: the browser does not send acme's cookie to globex at all...
  await page.goto(tenantUrl('globex'));
  await expect(page.getByTestId('member-role')).toHaveCount(0);

  // ...and even if the cookie is replayed there by hand, globex refuses it.
  const cookies = await context.cookies(tenantUrl('acme'));
  const session = cookies.find((c) => c.name.includes('session-token'));
  expect(session).toBeDefined();
  await context.addCookies([{ ...session!, domain: 'globex.localhost' }]);
  await page.goto(tenantUrl('globex'));
  await expect(page.getByTestId('member-role')).toHaveCount(0);
  await page.goto(tenantUrl('globex', '/api/auth/session'));
  expect(JSON.parse(await page.locator('body').innerText())).not.toHaveProperty('userId', expect.anything());
  await page.goto(tenantUrl('globex', '/signin'));
  await expect(page.getByRole('heading', { name: 'Sign in to Globex Wellness' })).toBeVisible();
});

test('the operator signs in on the root domain and sees the workspaces', async ({ page }) => {
  await page.goto('/operator/signin');
  await page.getByLabel('Email').fill('operator@waypoint.test');
  await page.getByLabel('Password').fill('waypoint-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/operator');
  // Other tests create workspaces with similar names; the slug identifies the demo ones.
  await expect(page.getByRole('row', { name: /Acme Coaching \(acme\)/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Globex Wellness \(globex\)/ })).toBeVisible();
});
