import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { signIn, tenantUrl } from './support.ts';

// Habits in the browser, on the seeded acme workspace (default terminology, UTC days).
// Each test makes its own habit with a unique name, so runs and workers do not collide.

function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function openHabits(page: Page, email: string): Promise<void> {
  await signIn(page, 'acme', email);
  await page.waitForURL(tenantUrl('acme'));
  await page.goto(tenantUrl('acme', '/habits'));
  await expect(page.getByRole('heading', { level: 1, name: 'Your habits' })).toBeVisible();
}

/** Adds it from the side sheet, then searches for it (acme's member has habits from earlier runs, over several pages). */
async function addHabit(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New habit' }).click();
  const sheet = page.getByRole('dialog', { name: 'New habit' });
  const form = sheet.getByRole('form', { name: 'New habit' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByRole('button', { name: 'Add habit' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByText(`Added “${name}”.`)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search habits' }).fill(name);
  await expect(page.getByRole('list', { name: 'Habits list' }).getByRole('listitem')).toHaveCount(1);
}

function habitItem(page: Page, name: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

test('a member creates a habit, logs it for today and sees the streak become 1', async ({ page }) => {
  const name = uniqueName('Drink water');
  await openHabits(page, 'member@acme.test');
  await addHabit(page, name);

  const item = habitItem(page, name);
  await expect(item).toBeVisible();
  await expect(item.getByText('Every day')).toBeVisible();
  await expect(item.getByTestId('current-streak')).toHaveText('0 days');

  await item.getByRole('button', { name: `Log today: ${name}` }).click();
  await expect(item.getByTestId('current-streak')).toHaveText('1 day');
  await expect(item.getByTestId('longest-streak')).toHaveText('1 day');
  await expect(item.getByRole('button', { name: `Undo today's log of ${name}` })).toBeEnabled();

  // It was saved, not only shown.
  await page.reload();
  await expect(habitItem(page, name).getByTestId('current-streak')).toHaveText('1 day');
});

test('a member opens a habit, sees its history and deletes it', async ({ page }) => {
  const name = uniqueName('Stretch');
  await openHabits(page, 'member@acme.test');
  await addHabit(page, name);
  await habitItem(page, name).getByRole('link', { name }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Last 8 weeks');
  await page.getByRole('button', { name: `Log today: ${name}` }).click();
  await expect(page.getByTestId('current-streak')).toHaveText('1 day');

  await page.getByRole('button', { name: 'Delete habit' }).click();
  await page.getByRole('alertdialog', { name: `Delete “${name}”?` }).getByRole('button', { name: 'Yes, delete' }).click();
  await page.waitForURL(tenantUrl('acme', '/habits'));
  await page.getByRole('searchbox', { name: 'Search habits' }).fill(name);
  await expect(page.getByRole('heading', { name: 'No habits match' })).toBeVisible();
  await expect(habitItem(page, name)).toHaveCount(0);
});

test('a viewer can look at habits but not add or log them', async ({ page }) => {
  await openHabits(page, 'viewer@acme.test');
  await expect(page.getByRole('button', { name: 'New habit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Log today: / })).toHaveCount(0);

  const status = await page.evaluate(async () => {
    const response = await fetch('/api/app/habits', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sneaky' }) });
    return response.status;
  });
  expect(status).toBe(403);
});
