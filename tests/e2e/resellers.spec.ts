import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { expect, test } from './fixtures';
import { DEMO_PASSWORD, ROOT, browserFetch } from './support';

// The reseller dashboard on the root domain, with the demo network of the seed (Summit
// Partners, tier 1 at 20%, reseller@waypoint.test; Trailhead Consulting under it). A paid
// invoice is simulated the way Stripe sends it: an invoice.paid event signed with the
// webhook secret the e2e server runs with (STRIPE_WEBHOOK_SECRET in tests/run.ts).

const WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_e2e_waypoint';

async function signInAsReseller(page: import('@playwright/test').Page, email = 'reseller@waypoint.test') {
  await page.goto('/reseller/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/reseller');
}

test('a reseller creates a client workspace with a custom price and sees the commission of its paid invoice', async ({ page, request }) => {
  await signInAsReseller(page);
  await expect(page.getByTestId('reseller-name')).toHaveText('Summit Partners');

  // A custom Basic price (the seed sets Basic's floor at $25).
  const dollars = 40 + Math.floor(Math.random() * 20);
  await page.getByRole('link', { name: 'Prices' }).click();
  await page.waitForURL('**/reseller/prices');
  const priceForm = page.getByRole('form', { name: 'Set a custom price' });
  await priceForm.getByLabel('Plan').selectOption({ label: 'Basic' });
  await priceForm.getByLabel('Monthly price (USD)').fill(String(dollars));
  await priceForm.getByRole('button', { name: 'Save price' }).click();
  await expect(priceForm.getByRole('status')).toHaveText(`Saved: Basic at $${dollars}.00 a month.`);
  // Below the floor is refused with the reason.
  await priceForm.getByLabel('Monthly price (USD)').fill('10');
  await priceForm.getByRole('button', { name: 'Save price' }).click();
  await expect(priceForm.getByText('The Basic plan cannot be sold below $25.00 a month.')).toBeVisible();

  // A client workspace, its owner invited by email.
  const id = randomBytes(4).toString('hex');
  const name = `Client ${id}`;
  await page.getByRole('link', { name: 'Clients' }).click();
  await page.waitForURL('**/reseller/clients');
  const clientForm = page.getByRole('form', { name: 'Create a client workspace' });
  await clientForm.getByLabel('Client workspace name').fill(name);
  await expect(clientForm.getByLabel('Workspace address')).toHaveValue(`client-${id}`);
  await clientForm.getByLabel("Client owner's email").fill(`owner-${id}@client.test`);
  await clientForm.getByRole('button', { name: 'Create client workspace' }).click();
  await expect(clientForm.getByRole('status')).toContainText(`Created ${name}`);
  const row = page.getByTestId('clients-table').getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('owner invited');

  // The client subscribes to Basic (as the billing webhook would record it) and Stripe sends invoice.paid.
  const { db } = await import('../../lib/db/client.ts');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: `client-${id}` } });
  expect(tenant.resellerId).not.toBeNull();
  await db.tenant.update({ where: { id: tenant.id }, data: { plan: 'basic', status: 'active' } });
  await page.reload();
  const subscribed = page.getByTestId('clients-table').getByRole('row', { name: new RegExp(name) });
  await expect(subscribed).toContainText('basic');
  await expect(subscribed).toContainText(`$${dollars}.00`);
  await expect(subscribed).toContainText('your price');

  const invoiceId = `in_e2e_${id}`;
  const event = {
    id: `evt_e2e_${id}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    type: 'invoice.paid',
    livemode: false,
    pending_webhooks: 1,
    request: { id: null },
    data: {
      object: {
        id: invoiceId,
        object: 'invoice',
        customer: `cus_e2e_${id}`,
        amount_paid: dollars * 100,
        status: 'paid',
        status_transitions: { paid_at: Math.floor(Date.now() / 1000) },
        parent: { type: 'subscription_details', subscription_details: { subscription: `sub_e2e_${id}`, metadata: { tenantId: tenant.id } } },
        lines: { object: 'list', data: [] },
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
  // Stripe delivers again: credited once.
  expect((await send()).status()).toBe(200);

  // Summit sold it directly at 20%: floor(dollars × 100 × 0.2) cents.
  const commission = (dollars * 100 * 2000) / 10_000;
  const amount = `$${Math.floor(commission / 100)}.${String(commission % 100).padStart(2, '0')}`;
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.waitForURL(/\/reseller$/);
  const line = page.getByTestId('commission-table').getByRole('row', { name: new RegExp(name) });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(amount);
  await expect(line).toContainText('pending');
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  expect(await db.commission.count({ where: { invoiceId } })).toBe(1);

  // Stripe refunds the whole charge: the sale and its refund are two lines that net to zero.
  const refund = {
    ...event,
    id: `evt_e2e_refund_${id}`,
    type: 'charge.refunded',
    data: {
      object: {
        id: `ch_e2e_${id}`,
        object: 'charge',
        invoice: invoiceId,
        payment_intent: null,
        amount: dollars * 100,
        amount_refunded: dollars * 100,
        refunded: true,
        refunds: { object: 'list', data: [{ id: `re_e2e_${id}`, object: 'refund', amount: dollars * 100, status: 'succeeded', created: Math.floor(Date.now() / 1000) }] },
      },
    },
  };
  const refundPayload = JSON.stringify(refund);
  const refunded = await request.post(`${ROOT}/api/webhooks/stripe`, {
    data: Buffer.from(refundPayload),
    headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: refundPayload, secret: WEBHOOK_SECRET }) },
  });
  expect(await refunded.json()).toEqual({ received: true, outcome: 'commission_reversed' });
  await page.reload();
  const lines = page.getByTestId('commission-table').getByRole('row', { name: new RegExp(name) });
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: 'refund' })).toContainText(`-${amount}`);
  await expect(lines.filter({ hasNotText: 'refund' })).toContainText(amount);
  for (const row of await lines.all()) await expect(row).toContainText('reversed');
  // The base the 20% applied to: the whole sale (Summit sold it directly).
  await expect(lines.first()).toContainText(`$${dollars}.00`);
});

test("a sub-reseller sees its own dashboard, not its parent's clients, commissions or payout statements", async ({ page }) => {
  await signInAsReseller(page, 'subreseller@waypoint.test');
  await expect(page.getByTestId('reseller-name')).toHaveText('Trailhead Consulting');
  await page.getByRole('link', { name: 'Clients' }).click();
  await page.waitForURL('**/reseller/clients');
  await expect(page.getByTestId('clients-table')).toContainText('Bluebird Yoga');
  await expect(page.getByTestId('clients-table')).not.toContainText('Northwind Fitness');

  const { db } = await import('../../lib/db/client.ts');
  const summitPayout = await db.payout.findFirstOrThrow({ where: { reseller: { name: 'Summit Partners' } } });
  const denied = await browserFetch(page, `/api/reseller/payouts/${summitPayout.id}/statement`);
  expect(denied.status).toBe(404);
  expect(denied.contentType).toContain('application/problem+json');
});

test('the parent sees its sub-reseller in the network tree, with a summary only, and downloads its own statement', async ({ page }) => {
  await signInAsReseller(page);
  await page.getByRole('link', { name: 'Sub-resellers' }).click();
  await page.waitForURL('**/reseller/network');
  const tree = page.getByTestId('hierarchy-tree');
  await expect(tree).toContainText('Trailhead Consulting');
  await expect(tree).toContainText('tier 2');
  await expect(tree).not.toContainText('Bluebird Yoga');

  await page.getByRole('link', { name: 'Payouts' }).click();
  await page.waitForURL('**/reseller/payouts');
  const link = page.getByTestId('payouts-table').getByRole('link', { name: /CSV/ }).first();
  const href = await link.getAttribute('href');
  const statement = await browserFetch(page, href!);
  expect(statement.status).toBe(200);
  expect(statement.contentType).toContain('text/csv');
  expect(statement.body.split('\r\n')[0]).toBe('date,kind,level,client,via_sub_reseller,invoice,plan,currency,sale,base,rate_percent,commission,status');
  expect(statement.body).toContain('Northwind Fitness');
  expect(statement.body).not.toContain('Bluebird Yoga');
});
