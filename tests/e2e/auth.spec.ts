import { expect, test, waitForHydration } from './fixtures.ts';
import { DEMO_PASSWORD, PORT, addMember, createWorkspace, expectSignedIn, hostRequest, openLatestMessage, signIn, signOut, tenantUrl, signInAsOperator } from './support.ts';

test('a member signs in and out', async ({ page }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await expectSignedIn(page, 'member');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Member at Acme Coaching');

  await signOut(page);
  await page.waitForURL(tenantUrl('acme', '/signin'));
  await page.goto(tenantUrl('acme'));
  await expect(page.getByTestId('member-role')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
});

test('signing out ends the session: a saved copy of its cookie is refused afterwards', async ({ page, context, playwright }) => {
  await signIn(page, 'acme', 'member@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await expectSignedIn(page, 'member');
  const saved = (await context.cookies(tenantUrl('acme'))).find((c) => c.name.includes('session-token'));
  expect(saved).toBeDefined();

  // A fresh client (no browser state) carrying only the saved cookie, to acme's host.
  const replay = await playwright.request.newContext({ extraHTTPHeaders: { cookie: `${saved!.name}=${saved!.value}`, host: `acme.localhost:${PORT}` } });
  const read = async () => ({
    session: (await (await replay.get(`http://127.0.0.1:${PORT}/api/auth/session`)).json()) as { userId?: string },
    goals: (await replay.get(`http://127.0.0.1:${PORT}/api/app/goals`)).status(),
  });
  const before = await read();
  expect(before.session.userId).toEqual(expect.any(String));
  expect(before.goals).toBe(200);

  await signOut(page);
  await page.waitForURL(tenantUrl('acme', '/signin'));
  expect(await read()).toEqual({ session: {}, goals: 401 });
  await replay.dispose();
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
  await signInAsOperator(page);
  await expect(page.getByTestId('figure-workspaces')).not.toHaveText('0');
  // The list is paged, newest first, and other tests add workspaces: find the demo ones by
  // searching (the slug identifies them, as others have similar names).
  await page.getByLabel('Search').fill('acme');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/\/operator\?q=acme/);
  await expect(page.getByRole('row', { name: /Acme Coaching \(acme\)/ })).toBeVisible();
  await page.goto('/operator?q=globex');
  await expect(page.getByRole('row', { name: /Globex Wellness \(globex\)/ })).toBeVisible();
});

/** Signs in on a second device (its own browser context, outside the page fixture). */
async function signInElsewhere(browser: import('@playwright/test').Browser, slug: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(tenantUrl(slug, '/signin'));
  await waitForHydration(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(tenantUrl(slug));
  await expectSignedIn(page, 'member');
  return { context, page };
}

test('the account page lists this person’s sessions and ends the others', async ({ page, browser }) => {
  const workspace = await createWorkspace('sessions');
  const email = await addMember(workspace.slug);
  const { context: laptop, page: other } = await signInElsewhere(browser, workspace.slug, email);

  await signIn(page, workspace.slug, email);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Profile' }).click();
  await page.waitForURL(tenantUrl(workspace.slug, '/account'));
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  // Sessions live on the account's Security tab.
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Security' }).click();
  await page.waitForURL(tenantUrl(workspace.slug, '/account/security'));
  const sessions = page.getByTestId('session');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'This device' })).toHaveCount(1);
  await expect(sessions.first()).toContainText('Chrome on Linux');

  await page.getByRole('button', { name: 'End all other sessions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ended 1 other session.' })).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await other.reload();
  await expect(other.getByTestId('member-role')).toHaveCount(0);
  await laptop.close();
});

test('changing the password on the account page signs out the other sessions', async ({ page, browser }) => {
  // A new workspace and two browsers, signed in three times: over 45 s on a busy 2-core machine.
  test.slow();
  const workspace = await createWorkspace('password');
  const email = await addMember(workspace.slug);
  const { context: laptop, page: other } = await signInElsewhere(browser, workspace.slug, email);

  await signIn(page, workspace.slug, email);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/account/security'));
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not-the-password');
  await form.getByLabel('New password').fill('a-brand-new-password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('This is not your current password.')).toBeVisible();

  await form.getByLabel('Current password').fill(DEMO_PASSWORD);
  await form.getByLabel('New password').fill('a-brand-new-password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText('Password changed. Your other sessions (1) were signed out.');
  // This session stays; the other device's has ended.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await other.reload();
  await expect(other.getByTestId('member-role')).toHaveCount(0);
  await laptop.close();

  await signOut(page);
  await page.waitForURL(tenantUrl(workspace.slug, '/signin'));
  await signIn(page, workspace.slug, email, 'a-brand-new-password');
  await page.waitForURL(tenantUrl(workspace.slug));
  await expectSignedIn(page, 'member');
});

test('a forgotten password is reset through an emailed link, which ends the account’s other sessions', async ({ page, browser }) => {
  const workspace = await createWorkspace('reset');
  const email = await addMember(workspace.slug);
  const { context: laptop, page: other } = await signInElsewhere(browser, workspace.slug, email);

  await page.goto(tenantUrl(workspace.slug, '/signin'));
  await page.getByLabel('Email').fill(email);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await page.waitForURL(/\/forgot-password/);
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByRole('status')).toHaveText(/^If an account exists for that address, we sent it a link/);

  await openLatestMessage(page, email, /Choose a new password/);
  const link = page.getByRole('link', { name: /\/reset-password\// });
  expect(await link.getAttribute('href')).toMatch(new RegExp(`^http://${workspace.slug}\\.localhost:\\d+/reset-password/[A-Za-z0-9_-]{43}$`));
  await link.click();
  await page.waitForURL(/\/reset-password\//);
  await waitForHydration(page);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await page.getByLabel('New password').fill('my-reset-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is changed, and you are signed out everywhere.');

  await other.reload();
  await expect(other.getByTestId('member-role')).toHaveCount(0);
  await laptop.close();
  await page.getByRole('link', { name: 'Sign in with your new password' }).click();
  await page.waitForURL(tenantUrl(workspace.slug, '/signin'));
  await signIn(page, workspace.slug, email, 'my-reset-password');
  await page.waitForURL(tenantUrl(workspace.slug));
  await expectSignedIn(page, 'member');
});

test('asking for a password link answers the same whether or not the address has an account', async ({ request }) => {
  const ask = async (email: string) => {
    const response = await hostRequest(request, 'POST', 'acme.localhost', '/api/password-reset', { data: Buffer.from(JSON.stringify({ email })), headers: { 'content-type': 'application/json' } });
    return { status: response.status(), body: await response.text() };
  };
  const known = await ask('viewer@acme.test');
  expect(known.status).toBe(202);
  expect(await ask(`nobody-${Date.now()}@example.test`)).toEqual(known);
  expect(await ask('owner@globex.test')).toEqual(known);
});

test('the operator and reseller sign-in pages offer a password reset on the root domain', async ({ page }) => {
  for (const path of ['/operator/signin', '/reseller/signin']) {
    await page.goto(path);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL('**/forgot-password');
    await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  }
});
