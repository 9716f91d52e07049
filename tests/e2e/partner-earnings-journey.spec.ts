import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import Stripe from 'stripe';
import { db } from '../../lib/db/client.ts';
import { loadTenantById } from '../../lib/tenancy/load-tenant.ts';
import { createMarketplaceApp, type TestApp } from '../support/marketplace.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { expect, test, waitForHydration } from './fixtures.ts';
import { addMember, createWorkspace, DEMO_PASSWORD, ROOT, signIn, tenantUrl, signInAsOperator } from './support.ts';

// Issue 17's journey in a real browser, as the three people it takes:
// - the operator allows a paid app of the demo partner (Northstar Labs) for a fresh workspace
//   (the e2e server runs without Stripe keys, so paid apps install on the operator's say-so);
// - the workspace's admin reads the price on the consent screen and installs it;
// - Stripe sends a signed invoice.paid whose app line names the app's Stripe product: the
//   partner is credited 80% of the app's part (standard tier, 20% fee), and sees it on its
//   payouts page, its monthly statement and the app's analytics;
// - the admin opens a ticket about the app, the partner answers it in the portal, the admin
//   sees the answer.

const WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_e2e_waypoint';
const id = randomBytes(3).toString('hex');
const appName = `Cadence Pro ${id}`;
const subject = `Cadence sessions missing ${id}`;
/** The app's flat price, and the workspace's plan (enterprise, as createWorkspace sets it). */
const FEE_CENTS = 1900;
const PLAN_CENTS = 29_900;
/** Northstar is on the standard tier: it keeps 80% of the app's part. */
const SHARE_CENTS = Math.floor((FEE_CENTS * 8000) / 10_000);
const dollars = (cents: number) => `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

let app: TestApp;
let productId: string;
let setup: WebhookReceiver;

/** A page in its own browser context (its own cookies), waiting for hydration after each navigation like the fixture's. */
async function personPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<typeof goto>) => {
    const response = await goto(...args);
    if (response?.headers()['content-type']?.includes('text/html')) await waitForHydration(page);
    return response;
  };
  return page;
}

async function signInOnRoot(page: Page, path: string, email: string, landing: string): Promise<void> {
  await page.goto(`${ROOT}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(landing);
  await waitForHydration(page);
}

test.beforeAll(async () => {
  setup = await startWebhookReceiver();
  const northstar = await db.partner.findUniqueOrThrow({ where: { slug: 'northstar-labs' }, select: { id: true, name: true } });
  const sandbox = await db.tenant.findUniqueOrThrow({ where: { sandboxOfPartnerId: northstar.id }, select: { id: true } });
  app = await createMarketplaceApp({
    partner: { id: northstar.id, name: northstar.name, sandbox: (await loadTenantById(sandbox.id))! },
    name: appName,
    tagline: 'Coached training plans for teams',
    setupUrl: setup.url('/setup'),
  });
  // The partner priced its live version: a flat monthly fee (what the version form stores).
  await db.appVersion.update({ where: { id: app.versionId }, data: { pricing: 'flat', priceCurrency: 'usd', monthlyFeeCents: FEE_CENTS, supportUrl: 'https://cadence.example.com/support', termsUrl: 'https://cadence.example.com/terms' } });
  // With Stripe configured, installing the app makes its Stripe product (idempotency key
  // app-product:<appId>) and stores its id here. The e2e server has no Stripe keys, so the
  // test gives the app the product id its invoice lines will name, as paid-apps would have.
  productId = `prod_e2e_${id}`;
  await db.marketplaceApp.update({ where: { id: app.id }, data: { stripeProductId: productId } });
});

test.afterAll(async () => {
  await setup?.close();
});

test('a paid app installed by a workspace admin earns its partner revenue from a signed invoice.paid, and they talk in a ticket', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const workspace = await createWorkspace('earn');
  const adminEmail = await addMember(workspace.slug, 'admin');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: workspace.slug }, select: { id: true, name: true } });

  await test.step('without the operator’s say-so, the admin sees the price but cannot install', async () => {
    const admin = await personPage(browser);
    await signIn(admin, workspace.slug, adminEmail);
    await admin.waitForURL(tenantUrl(workspace.slug, '/'));
    await admin.goto(tenantUrl(workspace.slug, `/apps/${app.slug}/install`));
    await expect(admin.getByTestId('install-price-label')).toHaveText(`${dollars(FEE_CENTS)} / month`);
    await expect(admin.getByTestId('install-blocked')).toContainText('the platform operator must allow it for your workspace');
    await expect(admin.getByTestId('install-confirm')).toHaveCount(0);
    await admin.context().close();
  });

  await test.step('the operator allows the app for the workspace in the operator console', async () => {
    const operator = await personPage(browser);
    await signInAsOperator(operator);
    await operator.goto(`${ROOT}/operator/apps/${app.id}`);
    const form = operator.getByRole('form', { name: 'Allow in a workspace' });
    await form.getByLabel('Workspace address (slug)').fill(workspace.slug);
    await form.getByLabel('Note (optional)').fill('Invoiced by the platform team.');
    await form.getByRole('button', { name: 'Allow in a workspace' }).click();
    await expect(operator.getByTestId('paid-app-allowances')).toContainText(workspace.slug);
    await operator.context().close();
  });

  let installationId = '';
  await test.step('the admin reads the price on the consent screen and installs it', async () => {
    const admin = await personPage(browser);
    await signIn(admin, workspace.slug, adminEmail);
    await admin.waitForURL(tenantUrl(workspace.slug, '/'));
    await admin.goto(tenantUrl(workspace.slug, `/apps/${app.slug}`));
    await admin.getByTestId('install-app').click();
    await admin.waitForURL(tenantUrl(workspace.slug, `/apps/${app.slug}/install`));
    await waitForHydration(admin);
    const consent = admin.getByTestId('install-consent');
    await expect(consent.getByRole('heading', { level: 1 })).toHaveText(`Install ${appName} in ${tenant.name}`);
    await expect(consent.getByTestId('install-price-label')).toHaveText(`${dollars(FEE_CENTS)} / month`);
    await expect(consent.getByTestId('install-price')).toContainText('Billed by your platform operator');
    await consent.getByTestId('install-confirm').click();
    // The browser lands on the app's setup URL with the code and the installation.
    await admin.waitForURL((url) => url.pathname === '/setup' && url.searchParams.has('code'));
    installationId = new URL(admin.url()).searchParams.get('installation_id') ?? '';
    expect(installationId).toMatch(/^ins_/);
    const installation = await db.appInstallation.findUniqueOrThrow({ where: { id: installationId }, select: { tenantId: true, appId: true, billedVia: true, uninstalledAt: true } });
    expect(installation).toEqual({ tenantId: tenant.id, appId: app.id, billedVia: 'operator', uninstalledAt: null });
    await admin.context().close();
  });

  const invoiceId = `in_e2e_journey_${id}`;
  await test.step('a signed invoice.paid with the app’s line credits the partner, once', async () => {
    const now = Math.floor(Date.now() / 1000);
    const line = (lineId: string, amount: number, product: string, price: string) => ({
      id: lineId,
      object: 'line_item',
      amount,
      currency: 'usd',
      discount_amounts: [],
      description: null,
      metadata: {},
      pricing: { type: 'price_details', price_details: { price, product }, unit_amount_decimal: String(amount) },
      quantity: 1,
    });
    const event = {
      id: `evt_e2e_journey_${id}`,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: now,
      type: 'invoice.paid',
      livemode: false,
      pending_webhooks: 1,
      request: { id: null },
      data: {
        object: {
          id: invoiceId,
          object: 'invoice',
          customer: `cus_e2e_journey_${id}`,
          currency: 'usd',
          amount_paid: PLAN_CENTS + FEE_CENTS,
          status: 'paid',
          status_transitions: { paid_at: now },
          parent: { type: 'subscription_details', subscription_details: { subscription: `sub_e2e_journey_${id}`, metadata: { tenantId: tenant.id } } },
          lines: {
            object: 'list',
            has_more: false,
            data: [line(`il_plan_${id}`, PLAN_CENTS, 'prod_waypoint_enterprise', 'price_enterprise_monthly'), line(`il_app_${id}`, FEE_CENTS, productId, `price_e2e_fee_${id}`)],
          },
        },
      },
    };
    const payload = JSON.stringify(event);
    const send = () =>
      request.post(`${ROOT}/api/webhooks/stripe`, {
        data: Buffer.from(payload),
        headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) },
      });
    expect((await send()).status()).toBe(200);
    // Stripe delivers it again: credited once.
    expect((await send()).status()).toBe(200);
    const rows = await db.commission.findMany({ where: { invoiceId }, select: { partnerId: true, appId: true, tenantId: true, kind: true, baseCents: true, rateBps: true, amountCents: true, status: true } });
    expect(rows).toEqual([{ partnerId: app.partner.id, appId: app.id, tenantId: tenant.id, kind: 'sale', baseCents: FEE_CENTS, rateBps: 8000, amountCents: SHARE_CENTS, status: 'pending' }]);
  });

  const partner = await personPage(browser);
  await test.step('the partner sees the revenue: payouts, this month’s statement, the app’s analytics', async () => {
    await signInOnRoot(partner, '/partner/signin', 'partner@waypoint.test', '**/partner');
    await partner.goto(`${ROOT}/partner/payouts`);
    await expect(partner.getByTestId('balance-pending')).toBeVisible();
    const month = new Date().toISOString().slice(0, 7);
    await expect(partner.getByTestId('partner-statements')).toBeVisible();
    await partner.goto(`${ROOT}/partner/payouts/${month}`);
    const sale = partner.getByRole('row', { name: new RegExp(appName) });
    await expect(sale).toHaveCount(1);
    await expect(sale).toContainText(tenant.name);
    await expect(sale).toContainText(dollars(FEE_CENTS));
    await expect(sale).toContainText(dollars(SHARE_CENTS));
    // The app's Analytics tab: its revenue is this one sale's share; the overview charts every app's.
    await partner.goto(`${ROOT}/partner/apps/${app.id}/analytics`);
    await expect(partner.getByTestId('figure-revenue')).toHaveText(dollars(SHARE_CENTS));
    await expect(partner.getByTestId('revenue-chart')).toBeVisible();
    await partner.goto(`${ROOT}/partner`);
    await expect(partner.getByTestId('revenue-chart')).toBeVisible();
  });

  await test.step('the admin opens a ticket about the app; the partner answers; the admin sees the answer', async () => {
    const admin = await personPage(browser);
    await signIn(admin, workspace.slug, adminEmail);
    await admin.waitForURL(tenantUrl(workspace.slug, '/'));
    await admin.goto(tenantUrl(workspace.slug, '/settings/installed-apps'));
    await admin.getByRole('link', { name: `Support for ${appName}` }).click();
    await admin.waitForURL(tenantUrl(workspace.slug, `/settings/installed-apps/${installationId}/support`));
    await waitForHydration(admin);
    const form = admin.getByTestId('new-ticket-form');
    await form.getByLabel('Subject').fill(subject);
    await form.getByLabel('Description').fill('Our coaches’ planned sessions stopped appearing as habits since yesterday.');
    await form.getByLabel('Priority').selectOption('urgent');
    await form.getByRole('button', { name: 'Open ticket' }).click();
    await admin.waitForURL(/\/settings\/support\/tkt_[A-Za-z0-9_-]+$/);
    await waitForHydration(admin);
    const ticketId = admin.url().split('/').pop()!;
    await expect(admin.getByRole('heading', { name: new RegExp(subject) })).toBeVisible();

    // The partner finds it among its open tickets and answers.
    await partner.goto(`${ROOT}/partner/support?status=open`);
    await partner.getByRole('link', { name: new RegExp(subject) }).click();
    await partner.waitForURL(`**/partner/support/${ticketId}`);
    await waitForHydration(partner);
    await expect(partner.getByTestId('ticket-comments')).toContainText('stopped appearing as habits');
    await partner.getByLabel('Your reply').fill('A calendar change on our side skipped them; they are back now. Can you confirm?');
    await partner.getByRole('button', { name: 'Send reply' }).click();
    await expect(partner.getByTestId('ticket-comments').getByTestId('ticket-comment')).toHaveCount(2);

    // The admin sees the answer, and that the ticket now waits on them.
    await admin.reload();
    await waitForHydration(admin);
    await expect(admin.getByTestId('ticket-comments')).toContainText('they are back now');
    await expect(admin.getByTestId('ticket-comments').getByTestId('ticket-comment')).toHaveCount(2);
    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id: ticketId }, select: { status: true, tenantId: true, appId: true, partnerId: true, firstRespondedAt: true } });
    expect(ticket).toMatchObject({ status: 'pending', tenantId: tenant.id, appId: app.id, partnerId: app.partner.id });
    expect(ticket.firstRespondedAt).not.toBeNull();
    await admin.context().close();
  });
  await partner.context().close();
});
