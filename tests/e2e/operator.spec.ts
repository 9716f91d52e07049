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
