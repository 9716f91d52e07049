import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { expect, test } from './fixtures.ts';
import { isDocumentedCookie } from '../../lib/privacy/subprocessors.ts';
import { addMember, createWorkspace, DEMO_PASSWORD, ROOT, signIn, tenantUrl, signInAsOperator } from './support.ts';

// A member's own data, in a real browser at phone width: they export it (built by the job,
// downloaded as a ZIP), then delete their account. (The rules: tests/integration/privacy-*.test.ts.)

test.afterAll(async () => {
  await disconnectDb();
});

/** Serious or critical axe findings on the page as it is (WCAG 2.x A/AA). */
async function axeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

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

test('an owner exports the whole workspace from Settings › Data', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const workspace = await createWorkspace('wsexport');
  const member = await addMember(workspace.slug, 'member');
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

  await page.goto(tenantUrl(workspace.slug, '/settings/data'));
  await page.getByRole('button', { name: 'Export workspace data' }).click();
  const download = page.getByRole('list', { name: 'Workspace exports' }).getByRole('link', { name: 'Download' });
  await expect(download).toBeVisible({ timeout: 30_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${workspace.slug}-workspace-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const archive = unzipSync(new Uint8Array(await readFile((await file.path())!)));
  const members = JSON.parse(strFromU8(archive['members.json'])) as { role: string; user: { email: string } }[];
  expect(members.map((row) => [row.user.email, row.role]).sort()).toEqual([[member, 'member'], [workspace.ownerEmail, 'owner']].sort());
  expect(await db.emailMessage.count({ where: { to: workspace.ownerEmail, kind: 'workspace_export_ready' } })).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeFindings(page)).toEqual([]);
});

test('the operator finds a person, restricts processing for them, lifts it, and erases them', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const workspace = await createWorkspace('dsr');
  const email = await addMember(workspace.slug, 'member');

  await signInAsOperator(page);
  await page.goto('/operator/privacy');
  const search = page.getByRole('search', { name: 'Find a person' });
  await search.getByLabel('Email').fill(email.toUpperCase());
  await search.getByRole('button', { name: 'Find' }).click();
  const person = page.getByTestId('person');
  await expect(person.getByText(email)).toBeVisible();
  await expect(person.getByRole('link', { name: workspace.name })).toBeVisible();
  await expect(person.getByTestId('restriction')).toHaveText('Not restricted.');

  const restrict = person.getByRole('form', { name: 'Restrict processing' });
  await restrict.getByLabel('Reason').fill('Objection by email, DSR-77');
  await restrict.getByRole('button', { name: 'Restrict' }).click();
  await expect(person.getByTestId('restriction')).toContainText('Restricted since');
  await expect(person.getByTestId('restriction')).toContainText('by operator@waypoint.test: Objection by email, DSR-77');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeFindings(page)).toEqual([]);

  const lift = person.getByRole('form', { name: 'Lift the restriction' });
  await lift.getByLabel('Reason').fill('Objection withdrawn, DSR-77');
  await lift.getByRole('button', { name: 'Lift restriction' }).click();
  await expect(person.getByTestId('restriction')).toHaveText('Not restricted.');
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const audit = await db.platformAuditLog.findMany({ where: { targetId: user.id }, orderBy: { createdAt: 'asc' }, select: { action: true } });
  expect(audit.map((entry) => entry.action)).toEqual(['user.restricted', 'user.restriction_lifted']);

  await person.getByRole('button', { name: 'Erase' }).click();
  const dialog = page.getByRole('dialog', { name: `Erase ${email}` });
  await dialog.getByLabel('Reason').fill('Erasure request by letter');
  const erase = dialog.getByRole('button', { name: 'Erase everywhere' });
  await expect(erase).toBeDisabled();
  expect(await axeFindings(page)).toEqual([]);
  await dialog.getByLabel(`Type ${email} to confirm`).fill(email);
  await erase.click();
  await page.waitForURL('**/operator/privacy?erased=1');
  await expect(page.getByText('Erased from 1 workspace(s).')).toBeVisible();
  expect(await db.user.count({ where: { email } })).toBe(0);
});
