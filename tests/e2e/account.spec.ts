import { png } from '../support/png.ts';
import { expect, test } from './fixtures.ts';
import { addMember, createWorkspace, signIn, tenantUrl } from './support.ts';

test('a member crops and uploads a picture and sets their time zone on the profile page', async ({ page }) => {
  const workspace = await createWorkspace('profile');
  const email = await addMember(workspace.slug);
  await signIn(page, workspace.slug, email);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/account'));
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();

  await page.getByLabel('Upload a picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png(400, 300, [220, 38, 38, 255]) });
  const crop = page.getByRole('dialog', { name: 'Crop your picture' });
  await expect(crop).toBeVisible();
  const uploaded = page.waitForResponse((response) => response.url().endsWith('/api/app/account/avatar') && response.request().method() === 'POST');
  await crop.getByRole('button', { name: 'Save picture' }).click();
  expect((await uploaded).status()).toBe(201);
  await expect(crop).toBeHidden();
  const picture = page.getByTestId('profile-avatar').locator('img');
  await expect(picture).toHaveAttribute('src', /^\/api\/avatars\//);
  // The browser uploaded the cropped square, not the 400×300 original.
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([256, 256]);

  const form = page.getByRole('form', { name: 'Profile' });
  await form.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await form.getByLabel('Language and region for dates and numbers').selectOption('fr-FR');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Profile' }).getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
});
