import { expect, test } from './fixtures.ts';
import { randomBytes } from 'node:crypto';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { ROOT, expectSignedIn, tenantUrl } from './support.ts';

test.afterAll(() => disconnectDb());

function fill(page: import('@playwright/test').Page, values: Record<string, string>) {
  return (async () => {
    await page.getByLabel('Your name').fill(values.name);
    await page.getByLabel('Work email').fill(values.email);
    await page.getByLabel('Password').fill(values.password);
    await page.getByLabel('Workspace name').fill(values.workspaceName);
    if (values.slug !== undefined) await page.getByLabel('Workspace address').fill(values.slug);
  })();
}

test('sign-up creates a workspace whose subdomain then works, signed in as its owner', async ({ page }) => {
  const id = randomBytes(4).toString('hex');
  await page.goto(`${ROOT}/signup`);
  await fill(page, { name: 'Grace Hopper', email: `grace-${id}@example.test`, password: 'compilers-rule', workspaceName: `Hopper ${id}` });
  // The address is suggested from the workspace name.
  await expect(page.getByLabel('Workspace address')).toHaveValue(`hopper-${id}`);
  await page.getByRole('button', { name: 'Create workspace' }).click();

  await page.waitForURL(tenantUrl(`hopper-${id}`));
  await expectSignedIn(page, 'owner');
  await expect(page.getByTestId('tenant-name')).toHaveText(`Hopper ${id}`);
  await expect(page).toHaveTitle(`Hopper ${id}`);
});

test('bad sign-up input gets field errors and leaves nothing behind', async ({ page }) => {
  const id = randomBytes(4).toString('hex');
  const email = `bad-${id}@example.test`;
  await page.goto(`${ROOT}/signup`);

  await fill(page, { name: 'Bad Input', email: 'not-an-email', password: 'short', workspaceName: 'Bad', slug: 'Bad_Slug' });
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Work email')).toHaveAttribute('aria-invalid', 'true');

  await fill(page, { name: 'Bad Input', email, password: 'long-enough-pw', workspaceName: 'Bad', slug: 'www' });
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('This address is reserved. Pick another one.')).toBeVisible();

  await page.getByLabel('Workspace address').fill('acme');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('This address is already taken. Pick another one.')).toBeVisible();

  expect(await db.user.count({ where: { email } })).toBe(0);
  expect(await db.tenant.count({ where: { name: 'Bad' } })).toBe(0);
});
