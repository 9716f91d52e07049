import { randomBytes } from 'node:crypto';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { expect, test } from './fixtures.ts';
import { signInAsOperator } from './support.ts';

// The operator console's workspace list on a phone: figures, search, filters and pages, all
// in the URL. (The queries themselves: tests/integration/operator-tenant-directory.test.ts.)

test.afterAll(async () => {
  await disconnectDb();
});

test('on a phone, the operator sees the figures, filters the workspaces and pages through them', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  // 26 workspaces with one marker in their names: one more than a page.
  const marker = `pager${randomBytes(3).toString('hex')}`;
  const start = Date.now() - 60_000;
  await db.tenant.createMany({
    data: Array.from({ length: 26 }, (_, i) => ({ slug: `${marker}-${i}`, name: `Pager ${marker} ${String(i).padStart(2, '0')}`, status: 'trial' as const, createdAt: new Date(start + i * 1000) })),
  });

  await signInAsOperator(page);
  for (const figure of ['figure-workspaces', 'figure-paying', 'figure-members', 'figure-mrr']) await expect(page.getByTestId(figure)).toBeVisible();
  await expect(page.getByRole('figure').getByText(/New workspaces per week, last/)).toBeVisible();

  // Status: the suspended demo workspace.
  await page.getByLabel('Status', { exact: true }).selectOption('suspended');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL('**/operator?status=suspended');
  await expect(page.getByRole('row', { name: /Initech \(initech\)/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Acme Coaching \(acme\)/ })).toHaveCount(0);
  await expect(page.getByText('Figures for the workspaces that match the filters below')).toBeVisible();

  // Reseller: Summit's clients, and no direct workspace.
  await page.getByRole('link', { name: 'Clear' }).click();
  await page.waitForURL('**/operator');
  await page.getByLabel('Reseller', { exact: true }).selectOption({ label: 'Summit Partners' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/\/operator\?reseller=/);
  await expect(page.getByRole('row', { name: /\(northwind\)/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Acme Coaching \(acme\)/ })).toHaveCount(0);

  // Search and pages: newest first, 25 to a page.
  await page.goto(`/operator?q=${marker}`);
  await expect(page.getByTestId('tenant-list-summary')).toHaveText('1–25 of 26 workspaces');
  await expect(page.getByRole('row', { name: new RegExp(`${marker} 25`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${marker} 00`) })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next' }).click();
  await page.waitForURL(`**/operator?q=${marker}&page=2`);
  await expect(page.getByTestId('tenant-list-summary')).toHaveText('26–26 of 26 workspaces');
  await expect(page.getByRole('row', { name: new RegExp(`${marker} 00`) })).toBeVisible();
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  // The page never scrolls sideways: the table scrolls in its own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('on a phone, the operator sorts the workspaces, then emails and suspends two of them at once, confirming each', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const marker = `bulk${randomBytes(3).toString('hex')}`;
  const tenants = [];
  for (const letter of ['A', 'B', 'C']) {
    const tenant = await db.tenant.create({ data: { slug: `${marker}-${letter.toLowerCase()}`, name: `Bulk ${marker} ${letter}`, status: letter === 'C' ? 'suspended' : 'active', branding: { create: {} } } });
    const owner = await db.user.create({ data: { email: `owner-${marker}-${letter.toLowerCase()}@example.test`, emailVerifiedAt: new Date() } });
    await db.membership.create({ data: { tenantId: tenant.id, userId: owner.id, role: 'owner' } });
    tenants.push(tenant);
  }
  const rowNames = async () => (await page.getByRole('row').filter({ hasText: marker }).allInnerTexts()).map((text) => /Bulk \S+ ([ABC])/.exec(text)?.[1]);

  await signInAsOperator(page);
  await page.goto(`/operator?q=${marker}`);
  // Sorting by name: A to Z, then the other way round.
  await page.getByRole('link', { name: 'Workspace', exact: true }).click();
  await page.waitForURL(`**/operator?q=${marker}&sort=name`);
  await expect(page.getByRole('columnheader', { name: 'Workspace', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  expect(await rowNames()).toEqual(['A', 'B', 'C']);
  await page.getByRole('link', { name: 'Workspace', exact: true }).click();
  await page.waitForURL(`**/operator?q=${marker}&sort=name&dir=desc`);
  await expect(page.getByRole('columnheader', { name: 'Workspace', exact: true })).toHaveAttribute('aria-sort', 'descending');
  expect(await rowNames()).toEqual(['C', 'B', 'A']);
  await expect(page.getByRole('columnheader', { name: 'Last activity' })).toBeVisible();

  // A notice to the owners of A and B.
  await page.getByRole('checkbox', { name: `Select Bulk ${marker} A` }).check();
  await page.getByRole('checkbox', { name: `Select Bulk ${marker} B` }).check();
  await expect(page.getByTestId('bulk-selected')).toHaveText('2 selected');
  await page.getByRole('button', { name: 'Send notice' }).click();
  const notice = page.getByRole('dialog', { name: 'Send notice: 2 workspaces' });
  await expect(notice.getByTestId('bulk-dialog-tenants')).toHaveText(`Bulk ${marker} BBulk ${marker} A`);
  await notice.getByLabel('Subject').fill(`Maintenance ${marker}`);
  await notice.getByLabel('Message').fill('The service pauses on Sunday from 02:00 to 03:00 UTC.');
  await notice.getByRole('button', { name: 'Email the owners of 2 workspaces' }).click();
  await expect(page.getByTestId('bulk-result')).toContainText('Send notice: Done: 2.');
  await expect(page.getByTestId('bulk-selected')).toHaveText('Select workspaces to act on several at once.');
  expect(await db.emailMessage.count({ where: { subject: `Maintenance ${marker}`, kind: 'platform_notice' } })).toBe(2);

  // Suspending all three: C already is, so it is skipped and said so.
  await page.getByRole('checkbox', { name: 'Select all workspaces on this page' }).check();
  await expect(page.getByTestId('bulk-selected')).toHaveText('3 selected');
  await page.getByRole('button', { name: 'Suspend', exact: true }).click();
  const suspend = page.getByRole('dialog', { name: 'Suspend: 3 workspaces' });
  await suspend.getByLabel('Reason (the owners see it)').fill(`Abuse report ${marker}`);
  await suspend.getByRole('button', { name: 'Suspend 3 workspaces' }).click();
  const result = page.getByTestId('bulk-result');
  await expect(result).toContainText('Suspend: Done: 2, Skipped: 1.');
  await expect(result).toContainText(`Bulk ${marker} C: A suspended workspace cannot be suspended.`);
  await expect(page.getByRole('row', { name: new RegExp(`Bulk ${marker} A`) }).getByText('Suspended')).toBeVisible();
  expect((await db.tenant.findMany({ where: { id: { in: tenants.map((t) => t.id) } }, select: { status: true } })).map((t) => t.status)).toEqual(['suspended', 'suspended', 'suspended']);
  expect(await db.platformAuditLog.count({ where: { targetId: { in: tenants.map((t) => t.id) }, action: 'tenant.suspended', reason: `Abuse report ${marker}` } })).toBe(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('the operator opens the analytics, changes the period and sees every chart', async ({ page }) => {
  test.setTimeout(60_000);
  await signInAsOperator(page);
  await page.getByRole('link', { name: 'Analytics', exact: true }).first().click();
  await page.waitForURL('**/operator/analytics');
  await expect(page.getByRole('heading', { name: 'Analytics', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'page');
  for (const figure of ['figure-new-workspaces', 'figure-dau', 'figure-mrr', 'figure-churn', 'figure-api-calls', 'figure-webhooks']) await expect(page.getByTestId(figure)).toBeVisible();
  for (const chart of ['signups-chart', 'active-chart', 'active-workspaces-chart', 'mrr-chart', 'churn-chart', 'api-calls-chart', 'webhook-chart']) await expect(page.getByTestId(chart).locator('svg').first()).toBeVisible();
  // Each chart's figures are in a table for screen readers too.
  await expect(page.getByRole('table', { name: 'MRR at the end of each day' })).toBeAttached();
  await expect(page.getByRole('table', { name: 'MRR at the end of each day' }).getByRole('row')).toHaveCount(31);

  await page.getByRole('link', { name: 'Last 7 days' }).click();
  await page.waitForURL('**/operator/analytics?days=7');
  await expect(page.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('table', { name: 'New workspaces and accounts per day' }).getByRole('row')).toHaveCount(8);

  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('From', { exact: true }).fill(day(13));
  await page.getByLabel('To', { exact: true }).fill(day(1));
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.waitForURL(`**/operator/analytics?from=${day(13)}&to=${day(1)}`);
  await expect(page.getByRole('table', { name: 'API calls per day by status class' }).getByRole('row')).toHaveCount(14);
  await expect(page.locator('[aria-current="page"]').filter({ hasText: /Last \d+ days/ })).toHaveCount(0);
  // A range the page cannot show falls back to the last 30 days.
  await page.goto(`/operator/analytics?from=${day(400)}&to=${day(0)}`);
  await expect(page.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'page');
});
