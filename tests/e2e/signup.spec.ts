import { expect, test } from './fixtures.ts';
import { randomBytes } from 'node:crypto';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { DEMO_PASSWORD, ROOT, addMember, createWorkspace, expectSignedIn, openLatestMessage, signIn, signOut, tenantUrl } from './support.ts';

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

test('sign-up emails a link; following it creates the workspace, whose subdomain then works, signed in as its owner', async ({ page }) => {
  const id = randomBytes(4).toString('hex');
  const email = `grace-${id}@example.test`;
  await page.goto(`${ROOT}/signup`);
  await fill(page, { name: 'Grace Hopper', email, password: 'compilers-rule', workspaceName: `Hopper ${id}` });
  // The address is suggested from the workspace name.
  await expect(page.getByLabel('Workspace address')).toHaveValue(`hopper-${id}`);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('status')).toContainText(`Check your email: we sent a link to ${email}.`);
  // Nothing exists before the link is followed.
  expect(await db.user.count({ where: { email } })).toBe(0);
  expect(await db.tenant.count({ where: { slug: `hopper-${id}` } })).toBe(0);

  await openLatestMessage(page, email, new RegExp(`Confirm your email to create Hopper ${id}`));
  await page.getByRole('link', { name: /\/signup\/confirm\// }).click();
  await page.waitForURL(/\/signup\/confirm\//);
  await expect(page.getByRole('heading', { name: `Create Hopper ${id}` })).toBeVisible();
  await expect(page.getByLabel('Workspace address')).toHaveValue(`hopper-${id}`);
  await page.getByRole('button', { name: 'Create workspace' }).click();

  await page.waitForURL(tenantUrl(`hopper-${id}`));
  await expectSignedIn(page, 'owner');
  await expect(page.getByTestId('tenant-name')).toHaveText(`Hopper ${id}`);
  await expect(page).toHaveTitle(`Hopper ${id}`);
  expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ emailVerifiedAt: expect.any(Date) });
});

test('sign-up with an address that has an account looks the same, and its link adds the workspace to that account', async ({ page }) => {
  const existing = await createWorkspace('existing');
  const email = await addMember(existing.slug);
  const id = randomBytes(4).toString('hex');
  await page.goto(`${ROOT}/signup`);
  await fill(page, { name: 'Someone Else', email, password: 'a-guessed-password', workspaceName: `Second ${id}` });
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('status')).toContainText(`Check your email: we sent a link to ${email}.`);

  await openLatestMessage(page, email, new RegExp(`Create Second ${id} with your Waypoint account`));
  await page.getByRole('link', { name: /\/signup\/confirm\// }).click();
  await page.waitForURL(/\/signup\/confirm\//);
  await expect(page.getByTestId('signup-summary')).toContainText('already has a Waypoint account');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(tenantUrl(`second-${id}`));
  await expectSignedIn(page, 'owner');

  // The account keeps its own password; the one typed on the form was dropped.
  await signOut(page);
  await page.waitForURL(tenantUrl(`second-${id}`, '/signin'));
  await signIn(page, `second-${id}`, email, 'a-guessed-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password' })).toBeVisible();
  await signIn(page, `second-${id}`, email, DEMO_PASSWORD);
  await page.waitForURL(tenantUrl(`second-${id}`));
  await expectSignedIn(page, 'owner');
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
