import { disconnectDb } from '../../lib/db/client.ts';
import { expect, test } from './fixtures.ts';
import { addMember, browserFetch, createWorkspace, tenantUrl, signInAsOperator } from './support.ts';

// Support acting as a member, in a real browser: the operator finds the workspace, acts as a
// member read-only, sees the banner on the member's pages, is refused a change, and ends it
// from the banner. (The rules: tests/integration/impersonation.test.ts.)

test.afterAll(async () => {
  await disconnectDb();
});

test('the operator finds a workspace, acts as a member read-only, sees the banner and ends the session', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const workspace = await createWorkspace('imp');
  const memberEmail = await addMember(workspace.slug, 'member');

  await signInAsOperator(page);

  await page.getByRole('searchbox', { name: 'Search' }).fill(workspace.slug);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('link', { name: workspace.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: workspace.name })).toBeVisible();

  const row = page.getByTestId(`member-row-${memberEmail}`);
  await row.getByRole('button', { name: /^Act as/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Read-only')).toBeChecked();
  await dialog.getByLabel('Reason').fill('Ticket 5120: their dashboard shows no goals');
  await dialog.getByRole('button', { name: 'Start support session' }).click();

  // On the workspace's own host, as the member, with the banner.
  await page.waitForURL(new RegExp(`^http://${workspace.slug}\\.localhost:\\d+/$`));
  const banner = page.getByRole('region', { name: 'Support session' });
  await expect(banner).toContainText('operator@waypoint.test is acting as');
  await expect(banner).toContainText(memberEmail);
  await expect(banner).toContainText('read-only');
  await page.goto(tenantUrl(workspace.slug, '/goals'));
  await expect(banner).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  const write = await browserFetch(page, '/api/app/goals', { method: 'POST', json: { title: 'Written by support' } });
  expect(write.status).toBe(403);
  expect(JSON.parse(write.body).code).toBe('impersonation_read_only');

  await banner.getByRole('button', { name: 'End support session' }).click();
  await page.waitForURL(/\/operator\/tenants\//);
  await expect(page.getByTestId('support-session').first()).toContainText('Ended');

  // The member's pages no longer open on that session.
  await page.goto(tenantUrl(workspace.slug, '/goals'));
  await page.waitForURL(/\/signin/);
});
