import { randomBytes } from 'node:crypto';
import { endExpiredTrials } from '../../lib/billing/trials.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { ROOT, browserFetch, cssVariable, expectSignedIn, openLatestMessage, tenantUrl } from './support.ts';

// A workspace's trial as its owner lives it: sign-up promises a trial of Pro, the workspace gets
// it (branding saves, the days left show), and when it ends the workspace is on Free with its
// brand kept as a read-only preview and one way to upgrade, while the API still refuses the
// locked feature. The e2e server runs without Stripe, so the billing page cannot sell plans
// here (tests/integration/billing-trials.test.ts buys one against a fake Stripe).

test.afterAll(() => disconnectDb());

test('sign-up starts a Pro trial: branding saves during it; after it, a read-only preview with one upgrade action', async ({ page }) => {
  test.slow();
  const id = randomBytes(4).toString('hex');
  const slug = `trial-${id}`;
  const email = `trial-${id}@example.test`;

  // The promise on the form is the one the workspace gets.
  await page.goto(`${ROOT}/signup`);
  await expect(page.getByTestId('signup-offer')).toContainText('free 14-day trial of the Pro plan');
  await waitForHydration(page);
  await page.getByLabel('Your name').fill('Trial Owner');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill('a-long-password-1');
  await page.getByLabel('Workspace name').fill(`Trial ${id}`);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('status')).toContainText('Check your email');
  await openLatestMessage(page, email, new RegExp(`Confirm your email to create Trial ${id}`));
  await page.getByRole('link', { name: /\/signup\/confirm\// }).click();
  await page.waitForURL(/\/signup\/confirm\//);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(tenantUrl(slug));
  await expectSignedIn(page, 'owner');

  // The days left, quietly, for the owner.
  await expect(page.getByTestId('trial-banner')).toContainText('Pro trial: 14 days left');
  await expect(page.getByTestId('trial-banner').getByRole('link', { name: 'Choose a plan' })).toHaveAttribute('href', '/settings/billing');

  // Branding is part of the trial: it saves, with no upgrade notice and no error.
  await page.goto(tenantUrl(slug, '/settings/branding'));
  await waitForHydration(page);
  await expect(page.getByTestId('upgrade-notice-custom_branding')).toHaveCount(0);
  // A mistake first: the form says so once (one alert, one field message), not twice.
  await page.getByLabel('Support email').fill('not-an-email');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Enter a valid email address.')).toHaveCount(1);
  await expect(page.locator('form[aria-label="Branding"] [role="alert"]')).toHaveText(['Some fields need attention.']);
  await page.getByLabel('Support email').fill('help@example.test');
  await page.getByLabel('Primary color', { exact: true }).fill('#0f766e');
  await page.getByLabel('Email sender name').fill(`Trial ${id} Coaching`);
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Branding saved.' })).toBeVisible();
  await expect(page.locator('form[aria-label="Branding"] [role="alert"]')).toHaveCount(0);
  await expect(page.getByText(/not included in the/)).toHaveCount(0);
  await page.reload();
  expect(await cssVariable(page, '--brand-primary')).toBe('#0f766e');

  // The billing page says what the trial is and when it ends.
  await page.goto(tenantUrl(slug, '/settings/billing'));
  await expect(page.getByTestId('billing-trial')).toContainText('Your Pro trial ends on');
  await expect(page.getByTestId('billing-trial')).toContainText('14 days left');
  await expect(page.getByTestId('current-plan')).toHaveText('Pro');
  await expect(page.getByTestId('billing-status')).toHaveText('trial');
  await expect(page.getByTestId('plan-pro')).toContainText('Your trial plan');
  await expect(page.getByTestId('plan-free')).toContainText('goes when the trial ends');

  // The trial ends, and the hourly job runs.
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await db.tenant.update({ where: { id: tenant.id }, data: { trialEndsAt: new Date(Date.now() - 60_000) } });
  expect(await endExpiredTrials()).toContain(tenant.id);

  await page.goto(tenantUrl(slug, '/settings/branding'));
  await waitForHydration(page);
  await expect(page.getByTestId('trial-banner')).toHaveCount(0);
  expect(await cssVariable(page, '--brand-primary')).toBe('#4f46e5');
  const notice = page.getByTestId('upgrade-notice-custom_branding');
  await expect(notice).toContainText('Custom branding is not included in the Free plan. Upgrade to Pro or above to use it.');
  // One upgrade action, and no form that would fail on Save.
  await expect(page.getByRole('link', { name: 'See plans and upgrade' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Save branding' })).toHaveCount(0);
  await expect(page.getByLabel('Primary color', { exact: true })).toHaveCount(0);
  // The saved brand is kept, read-only.
  const preview = page.getByTestId('branding-locked-preview');
  await expect(preview).toContainText('Your saved brand');
  await expect(preview).toContainText('#0f766e');
  await expect(preview).toContainText(`Trial ${id} Coaching`);
  // The links every plan includes still save.
  await expect(page.getByLabel('Support email')).toHaveValue('help@example.test');
  await page.getByLabel('Privacy policy URL').fill('https://example.test/privacy');
  await page.getByRole('button', { name: 'Save links' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Links saved.' })).toBeVisible();
  await expect(page.locator('form[aria-label="Support and legal links"] [role="alert"]')).toHaveCount(0);
  expect(await db.branding.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({ primaryColor: '#0f766e', privacyUrl: 'https://example.test/privacy' });

  // The API still enforces the plan.
  const refused = await browserFetch(page, '/api/app/settings/branding', {
    method: 'PATCH',
    json: { primaryColor: '#123456', secondaryColor: '#0f172a', accentColor: '#f59e0b', customCss: '', terminology: {}, emailFromName: '', supportEmail: '', termsUrl: '', privacyUrl: '', hidePoweredBy: false },
  });
  expect(refused.status).toBe(403);
  expect(JSON.parse(refused.body)).toMatchObject({ code: 'plan_upgrade_required' });

  await page.goto(tenantUrl(slug, '/settings/billing'));
  await expect(page.getByTestId('billing-trial')).toHaveCount(0);
  await expect(page.getByTestId('current-plan')).toHaveText('Free');
});
