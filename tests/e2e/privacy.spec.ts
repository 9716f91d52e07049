import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { expect, test } from './fixtures.ts';
import { isDocumentedCookie } from '../../lib/privacy/subprocessors.ts';
import { addMember, createWorkspace, DEMO_PASSWORD, ROOT, signIn, tenantUrl } from './support.ts';

// A member's own data, in a real browser at phone width: they export it (built by the job,
// downloaded as a ZIP), then delete their account. (The rules: tests/integration/privacy-*.test.ts.)

test.afterAll(async () => {
  await disconnectDb();
});

test('a member exports their data and deletes their account', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const workspace = await createWorkspace('gdpr');
  const email = await addMember(workspace.slug, 'member');
  await signIn(page, workspace.slug, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

  await page.goto(tenantUrl(workspace.slug, '/account/privacy'));
  await page.getByRole('button', { name: 'Export my data' }).click();
  const download = page.getByTestId('data-export').getByRole('link', { name: 'Download' });
  await expect(download).toBeVisible({ timeout: 30_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${workspace.slug}-my-data-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const archive = unzipSync(new Uint8Array(await readFile((await file.path())!)));
  expect(JSON.parse(strFromU8(archive['profile.json']))[0].email).toBe(email);
  expect(await db.emailMessage.count({ where: { to: email, kind: 'data_export_ready' } })).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // Every cookie a signed-in member holds is a documented, strictly necessary one: no consent banner is owed.
  const cookies = (await page.context().cookies()).map((cookie) => cookie.name);
  expect(cookies.length).toBeGreaterThan(0);
  expect(cookies.filter((name) => !isDocumentedCookie(name))).toEqual([]);

  const form = page.getByRole('form', { name: 'Delete my account' });
  await form.getByLabel('Your password').fill(DEMO_PASSWORD);
  await form.getByLabel('Type “delete my account” to confirm').fill('delete my account');
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await page.waitForURL(`${ROOT}/`);
  expect(await db.user.count({ where: { email } })).toBe(0);

  // The account is gone: signing in again fails.
  await page.goto(tenantUrl(workspace.slug, '/signin'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
});
