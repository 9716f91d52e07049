import { totpCode } from '../../lib/auth/totp.ts';
import { translatorFor } from '../../lib/i18n/translator.ts';
import { png } from '../support/png.ts';
import { expect, test } from './fixtures.ts';
import { addMember, createWorkspace, expectSignedIn, signIn, signOut, tenantUrl } from './support.ts';

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
  // French is now this member's language too: the page comes back in French.
  await page.reload();
  const french = await translatorFor('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('form', { name: french('account.profileForm.label') }).getByLabel(french('account.profileForm.timeZone'))).toHaveValue('Asia/Tokyo');
});

test('a member turns on two-factor authentication, signs out, and signs in again with a code from the app', async ({ page }) => {
  const workspace = await createWorkspace('twofactor');
  const email = await addMember(workspace.slug);
  await signIn(page, workspace.slug, email);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/account/security'));

  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await expect(page.getByRole('img', { name: 'QR code to add this account to your authenticator app' })).toBeVisible();
  // The person's authenticator app: the key the page shows as text, run through RFC 6238.
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  const confirm = page.getByRole('form', { name: 'Confirm two-factor authentication' });
  await confirm.getByLabel('Code from your app').fill('000000' === (await totpCode(secret)) ? '111111' : '000000');
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(confirm.getByText('That code is not right.')).toBeVisible();
  await confirm.getByLabel('Code from your app').fill(await totpCode(secret));
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByTestId('two-factor-status')).toContainText('Recovery codes left: 10');

  await signOut(page);
  await page.waitForURL(tenantUrl(workspace.slug, '/signin'));
  await signIn(page, workspace.slug, email);
  const challenge = page.getByRole('form', { name: 'Two-factor authentication' });
  await expect(challenge).toBeVisible();
  // No session yet: the password alone was not enough.
  expect((await page.context().cookies(tenantUrl(workspace.slug))).some((cookie) => cookie.name.includes('session-token'))).toBe(false);
  await challenge.getByLabel('Authentication code').fill('123');
  await challenge.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(challenge.getByRole('alert')).toContainText('That code is not right');
  // The code of the next step: the current one was spent turning 2FA on (a code is accepted once).
  await challenge.getByLabel('Authentication code').fill(await totpCode(secret, Math.floor(Date.now() / 1000) + 30));
  await challenge.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.waitForURL(tenantUrl(workspace.slug));
  await expectSignedIn(page, 'member');
});

test('an admin turns off the "webhook endpoint disabled" email on the notifications page', async ({ page }) => {
  const workspace = await createWorkspace('notify');
  const email = await addMember(workspace.slug, 'admin');
  await signIn(page, workspace.slug, email);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/account/notifications'));
  const form = page.getByRole('form', { name: 'Email notifications' });
  const alerts = form.getByLabel('Webhook endpoint disabled');
  await expect(alerts).toBeChecked();
  await alerts.uncheck();
  await form.getByRole('button', { name: 'Save preferences' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Email notifications' }).getByLabel('Webhook endpoint disabled')).not.toBeChecked();
});
