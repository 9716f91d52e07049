import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures.ts';
import { ROOT, signIn, tenantUrl } from './support.ts';

// Form errors: one message per field (the error takes the hint's place, never both), and it
// goes as soon as the field is edited rather than on the next submit.

test('sign-up: a field shows its hint or its error, and the error clears when the field is edited', async ({ page }) => {
  const id = randomBytes(4).toString('hex');
  await page.goto(`${ROOT}/signup`);
  const password = page.getByLabel('Password');
  await expect(page.getByText('At least 10 characters.', { exact: true })).toBeVisible();
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Work email').fill(`ada-${id}@example.test`);
  await password.fill('short');
  await page.getByLabel('Workspace name').fill(`Engines ${id}`);
  await page.getByRole('button', { name: 'Create workspace' }).click();

  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  // The hint saying the same thing is not shown beside it.
  await expect(page.getByText('At least 10 characters.', { exact: true })).toHaveCount(0);
  await expect(password).toHaveAccessibleDescription('Use at least 10 characters.');

  await password.press('End');
  await password.pressSequentially('-and-longer');
  await expect(password).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Use at least 10 characters.')).toHaveCount(0);
  await expect(page.getByText('At least 10 characters.', { exact: true })).toBeVisible();
});

test('an API-backed form: the field error clears on edit and comes back on a new bad submit', async ({ page }) => {
  await signIn(page, 'acme', 'owner@acme.test');
  await page.waitForURL(tenantUrl('acme'));
  await page.goto(tenantUrl('acme', '/developers/keys'));
  const form = page.getByRole('form', { name: 'Create API key' });
  const name = form.getByLabel('Name');
  await name.fill('');
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Fixed name');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await name.fill('');
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
});
