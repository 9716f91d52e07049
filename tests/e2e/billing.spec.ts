import { db, disconnectDb } from '../../lib/db/client.ts';
import { notifyTenantChanged } from '../../lib/tenancy/tenant-cache.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { ROOT, createWorkspace, signIn, tenantUrl, signInAsOperator } from './support.ts';

// Billing as the e2e server runs it: without Stripe keys (tests/run.ts clears them), so the
// billing page shows the plans and says billing is not configured, and the platform operator
// sets plans by hand.

test.afterAll(() => disconnectDb());

test('an owner sees the plans, what each unlocks, and that billing is not configured', async ({ page }) => {
  const workspace = await createWorkspace('bill', { plan: 'free' });
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/settings'));
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Billing' }).click();
  await page.waitForURL(tenantUrl(workspace.slug, '/settings/billing'));

  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await expect(page.getByTestId('billing-not-configured')).toContainText('Billing is not configured');
  await expect(page.getByTestId('current-plan')).toHaveText('Free');
  await expect(page.getByTestId('billing-usage')).toHaveText('0 of 1,000');
  await expect(page.getByTestId('billing-members')).toHaveText('1 of 5');

  const plans = page.getByRole('region', { name: 'Plans' });
  for (const [id, name, price] of [
    ['free', 'Free', '$0'],
    ['basic', 'Basic', '$29'],
    ['pro', 'Pro', '$99'],
    ['enterprise', 'Enterprise', '$299'],
  ]) {
    const card = plans.getByTestId(`plan-${id}`);
    await expect(card.getByRole('heading', { name })).toBeVisible();
    await expect(card).toContainText(price);
  }
  await expect(plans.getByTestId('plan-free')).toContainText('Your current plan');
  await expect(plans.getByTestId('plan-basic')).toContainText('Up to 25 members');
  await expect(plans.getByTestId('plan-basic')).toContainText('10,000 API requests a month');
  await expect(plans.getByTestId('plan-pro')).toContainText('Unlocks:');
  await expect(plans.getByTestId('plan-pro')).toContainText('Webhooks');
  await expect(plans.getByTestId('plan-enterprise')).toContainText('Single sign-on (SAML)');
  // Nothing to buy without Stripe.
  await expect(plans.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Manage billing' })).toHaveCount(0);
});

test('the operator changes a workspace plan by hand, and the feature unlocks', async ({ page, browser }) => {
  const workspace = await createWorkspace('plan', { plan: 'free' });
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));

  // On free, API keys are locked, and the page says which plan unlocks them.
  await page.goto(tenantUrl(workspace.slug, '/developers/keys'));
  const notice = page.getByTestId('upgrade-notice-api');
  await expect(notice).toContainText('Available on the Basic plan');
  await expect(notice).toContainText('API keys are not included in the Free plan. Upgrade to Basic or above to use them.');
  await expect(notice.getByRole('link', { name: 'See plans and upgrade' })).toHaveAttribute('href', '/settings/billing');

  // The operator, on the root domain, in a browser of their own.
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  try {
    await signInAsOperator(operator);
    await expect(operator.getByText('Billing is not configured (no STRIPE_SECRET_KEY)')).toBeVisible();
    // The list is paged and other tests add workspaces: search for this one.
    await operator.goto(`${ROOT}/operator?q=${workspace.slug}`);
    await waitForHydration(operator);
    const row = operator.getByRole('row', { name: new RegExp(`\\(${workspace.slug}\\)`) });
    await row.getByLabel(`Plan of ${workspace.name}`, { exact: true }).selectOption('basic');
    await row.getByRole('button', { name: `Save plan of ${workspace.name}` }).click();
    await expect(row.getByRole('status')).toHaveText('Saved');
  } finally {
    await operatorContext.close();
  }

  // Audited in the workspace's log, with the operator as the actor.
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true, plan: true } });
  expect(tenant.plan).toBe('basic');
  expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: 'billing.plan_changed', actorEmail: 'operator@waypoint.test' } })).toBe(1);

  // The owner's next page has API keys unlocked.
  await page.goto(tenantUrl(workspace.slug, '/developers/keys'));
  await expect(page.getByTestId('upgrade-notice-api')).toHaveCount(0);
  const form = page.getByRole('form', { name: 'Create API key' });
  await form.getByLabel('Name').fill('Unlocked');
  await form.getByRole('checkbox', { name: 'read:goals', exact: true }).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText("Copy this key now. You won't see it again.")).toBeVisible();

  await page.goto(tenantUrl(workspace.slug, '/settings/billing'));
  await expect(page.getByTestId('current-plan')).toHaveText('Basic');
});

test('on a phone, an owner sees the failed payment with its dunning dates, the overage prices, and then the suspension', async ({ page }) => {
  // Two visits of the page, before and after the suspension.
  test.slow();
  await page.setViewportSize({ width: 390, height: 844 });
  const workspace = await createWorkspace('dun', { plan: 'basic' });
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));

  // Stripe's webhooks recorded a failed invoice two days ago, retried in three days.
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true } });
  const invoiceId = `in_e2e_${workspace.slug}`;
  const since = new Date(Date.now() - 2 * 86_400_000);
  const nextRetry = new Date(Date.now() + 3 * 86_400_000);
  await db.billingAccount.create({
    data: { tenantId: tenant.id, stripeCustomerId: `cus_${workspace.slug}`, stripeSubscriptionId: `sub_${workspace.slug}`, subscriptionStatus: 'past_due', unpaidInvoiceId: invoiceId, pastDueSince: since },
  });
  await db.stripeInvoice.create({ data: { id: invoiceId, tenantId: tenant.id, status: 'open', nextPaymentAttempt: nextRetry, eventAt: since } });
  // The workspace's locale (en-US by default) and zone (UTC for a new workspace).
  const day = (date: Date) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);

  await page.goto(tenantUrl(workspace.slug, '/settings/billing'));
  const dunning = page.getByTestId('billing-dunning');
  await expect(dunning).toContainText(`The payment failed on ${day(since)}.`);
  await expect(dunning).toContainText(`Stripe tries the card again on ${day(nextRetry)}.`);
  await expect(dunning).toContainText(`is suspended on ${day(new Date(since.getTime() + 14 * 86_400_000))}`);
  await expect(page.getByTestId('billing-suspended')).toHaveCount(0);
  // The overage price of the current plan and of each plan.
  await expect(page.getByTestId('billing-overage')).toContainText('billed at $1 per 1,000 requests');
  await expect(page.getByTestId('plan-free-overage')).toHaveText('API stops at the quota');
  await expect(page.getByTestId('plan-basic-overage')).toHaveText('Then $1 per 1,000 requests');
  await expect(page.getByTestId('plan-pro-overage')).toHaveText('Then $0.80 per 1,000 requests');
  await expect(page.getByTestId('plan-enterprise-overage')).toHaveText('Then $0.50 per 1,000 requests');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Day 14: dunning suspended the workspace. Its owner still reaches the billing page, which says so.
  await db.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data: { status: 'suspended' } });
    await tx.dunningNotice.create({ data: { tenantId: tenant.id, invoiceId, step: 'suspended' } });
    await notifyTenantChanged(tx);
  });
  await expect(async () => {
    await page.goto(tenantUrl(workspace.slug, '/settings/billing'));
    await expect(page.getByTestId('billing-suspended')).toContainText(`${workspace.name} is suspended`, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('billing-suspended')).toContainText('An invoice has not been paid');
  await expect(page.getByTestId('billing-dunning')).toContainText(`The payment failed on ${day(since)}.`);
  await expect(page.getByTestId('billing-dunning')).not.toContainText('is suspended on');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('an owner bills the workspace in euros: every plan is then priced in euros', async ({ page }) => {
  const workspace = await createWorkspace('eur', { plan: 'free' });
  await signIn(page, workspace.slug, workspace.ownerEmail);
  await page.waitForURL(tenantUrl(workspace.slug));
  await page.goto(tenantUrl(workspace.slug, '/settings/billing'));
  await waitForHydration(page);
  const plans = page.getByRole('region', { name: 'Plans' });
  await expect(plans.getByTestId('plan-pro')).toContainText('$99');
  await page.getByLabel('Billing currency').selectOption({ label: 'Euro' });
  await expect(page.getByRole('status').filter({ hasText: 'Prices are now in Euro.' })).toBeVisible();
  await expect(plans.getByTestId('plan-pro')).toContainText('€92');
  await expect(plans.getByTestId('plan-basic')).toContainText('€27');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { billingCurrency: true } });
  expect(tenant.billingCurrency).toBe('eur');
});
