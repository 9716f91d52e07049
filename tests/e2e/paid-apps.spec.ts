import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { db } from '../../lib/db/client.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import { addVersion, createMarketplaceApp, type TestApp } from '../support/marketplace.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { DEMO_PASSWORD, ROOT, signIn, tenantUrl, signInAsOperator } from './support.ts';

// A paid app without Stripe (e2e runs without keys): the demo partner prices a new version as
// hybrid in its version form; once that version is live, acme's admin (at 390 px) sees the
// price on the consent page and that the operator must allow it; the operator allows it for
// acme; the admin installs it and lands on the app's setup URL.

let receiver: WebhookReceiver;
let app: TestApp;
let draftId: string;
const name = `Meter Maid ${randomBytes(3).toString('hex')}`;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
  const northstar = await db.partner.findFirstOrThrow({ where: { users: { some: { user: { email: 'partner@waypoint.test' } } } }, select: { id: true, name: true } });
  const sandbox = await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: northstar.id }, select: { id: true } });
  app = await createMarketplaceApp({ partner: { id: northstar.id, name: northstar.name, sandbox: (await loadTenantById(sandbox.id))! }, name, setupUrl: receiver.url('/setup') });
  // The version the partner prices: a draft after the live one.
  draftId = (await addVersion(app.id, { name, setupUrl: receiver.url('/setup') })).id;
});

test.afterAll(async () => {
  if (app) {
    await db.appInstallation.deleteMany({ where: { appId: app.id } }).catch(() => undefined);
    await db.marketplaceApp.delete({ where: { id: app.id } }).catch(() => undefined);
    await db.oAuthApp.delete({ where: { id: app.oauthAppId } }).catch(() => undefined);
  }
  await receiver?.close();
});

async function signedIn(browser: Browser, area: 'partner' | 'operator'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (area === 'operator') {
    await signInAsOperator(page);
    return page;
  }
  await page.goto(`${ROOT}/${area}/signin`);
  await waitForHydration(page);
  await page.getByLabel('Email').fill(`${area}@waypoint.test`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/${area}`, { timeout: 30_000 });
  return page;
}

test('a partner prices a version, the operator allows it for acme, and acme’s admin sees the price and installs', async ({ browser }) => {
  test.setTimeout(180_000);

  // The partner sets a hybrid price: dollars in the form, cents stored.
  const partner = await signedIn(browser, 'partner');
  await partner.goto(`${ROOT}/partner/apps/${app.id}`);
  await waitForHydration(partner);
  const editor = partner.getByRole('form', { name: 'Edit the version' });
  await editor.getByLabel('Pricing model').selectOption('hybrid');
  await editor.getByLabel('Monthly fee ($)').fill('20');
  await editor.getByLabel('Calls included a month').fill('10,000');
  await editor.getByLabel('Price per 1,000 calls ($)').fill('0.40');
  await editor.getByLabel('Support', { exact: true }).fill('https://meter-maid.example.com/help');
  await editor.getByLabel('Terms of service', { exact: true }).fill('https://meter-maid.example.com/terms');
  await editor.getByRole('button', { name: 'Save version' }).click();
  await expect(editor.getByText('Saved.')).toBeVisible();
  expect(await db.appVersion.findUniqueOrThrow({ where: { id: draftId }, select: { pricing: true, monthlyFeeCents: true, includedCalls: true, per1000CallsCents: true } })).toEqual({
    pricing: 'hybrid',
    monthlyFeeCents: 2000,
    includedCalls: 10_000,
    per1000CallsCents: 40,
  });
  // A bad amount is named under its field, nothing saved.
  await editor.getByLabel('Monthly fee ($)').fill('20.005');
  await editor.getByRole('button', { name: 'Save version' }).click();
  await expect(editor.getByText('Monthly fee: enter dollars and cents, e.g. 12.50.')).toBeVisible();

  // Reviewed and published (the review flow has its own spec): the priced version goes live.
  await db.appVersion.update({ where: { id: app.versionId }, data: { status: 'superseded' } });
  await db.appVersion.update({ where: { id: draftId }, data: { status: 'published', publishedAt: new Date() } });
  await db.marketplaceApp.update({ where: { id: app.id }, data: { liveVersionId: draftId } });

  // Acme's admin, on a phone: the price and why it cannot be installed yet.
  const admin = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(admin, 'acme', 'admin@acme.test');
  await admin.waitForURL(tenantUrl('acme'));
  await admin.goto(tenantUrl('acme', `/apps/${app.slug}`));
  await expect(admin.getByTestId('listing-price')).toHaveText('$20.00 / month, 10,000 calls included, then $0.40 per 1,000');
  await admin.goto(tenantUrl('acme', `/apps/${app.slug}/install`));
  await waitForHydration(admin);
  await expect(admin.getByTestId('install-price-label')).toHaveText('$20.00 / month, 10,000 calls included, then $0.40 per 1,000');
  await expect(admin.getByTestId('install-price-example')).toHaveText('For example, a month with 20,000 API calls costs $24.00.');
  await expect(admin.getByTestId('install-blocked')).toContainText('the platform operator must allow it');
  await expect(admin.getByTestId('install-confirm')).toHaveCount(0);
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The operator allows it for acme.
  const operator = await signedIn(browser, 'operator');
  await operator.goto(`${ROOT}/operator/apps/${app.id}`);
  await waitForHydration(operator);
  const allow = operator.getByRole('form', { name: 'Allow in a workspace' });
  await allow.getByLabel('Workspace address (slug)').fill('no-such-workspace-x');
  await allow.getByRole('button', { name: 'Allow in a workspace' }).click();
  await expect(allow.getByText('No workspace has the address “no-such-workspace-x”.')).toBeVisible();
  await allow.getByLabel('Workspace address (slug)').fill('acme');
  await allow.getByLabel('Note (optional)').fill('Invoiced with the plan');
  await allow.getByRole('button', { name: 'Allow in a workspace' }).click();
  await expect(operator.getByTestId('paid-app-allowances')).toContainText('acme');

  // Now the admin can install it, knowing the price.
  await admin.reload();
  await waitForHydration(admin);
  await expect(admin.getByTestId('install-price')).toContainText('Billed by your platform operator');
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.getByTestId('install-confirm').click();
  await expect(admin).toHaveURL((url) => url.pathname === '/setup' && url.searchParams.get('installation_id') !== null);
  const installation = await db.appInstallation.findFirstOrThrow({ where: { appId: app.id, uninstalledAt: null }, select: { billedVia: true, tenant: { select: { slug: true } } } });
  expect(installation).toEqual({ billedVia: 'operator', tenant: { slug: 'acme' } });

  // Installed apps shows the price and this period's calls.
  await admin.goto(tenantUrl('acme', '/settings/installed-apps'));
  const row = admin.getByTestId('installed-app').filter({ hasText: name });
  await expect(row.getByTestId('installed-app-price')).toContainText('$20.00 / month');
  await expect(row.getByTestId('installed-app-usage')).toContainText('0 API calls · estimated $20.00');
});
