import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures';
import { createWorkspace, DEMO_PASSWORD, ROOT, signInAsOperator } from './support';

// The demo partner (Northstar Labs) gets an app installed in a new workspace whose calls mostly
// fail and whose webhook endpoint answers 500s; the health job flags it. The partner sees the
// flag and the charts on the overview and on the app's Analytics tab (also at 390 px), and the
// operator finds the app under "Flagged only".

let app: { id: string; name: string; oauthAppId: string; endpointId: string } | undefined;

/** The probe app and its traffic, flagged by the health job (made in the test that needs it, not once per worker). */
async function flakyApp(): Promise<void> {
  const { db } = await import('../../lib/db/client.ts');
  const id = randomBytes(5).toString('hex');
  const name = `Flaky Sync ${id}`;
  const partner = await db.partner.findUniqueOrThrow({ where: { slug: 'northstar-labs' }, select: { id: true, sandbox: { select: { id: true } } } });
  const oauthApp = await db.oAuthApp.create({
    data: { id: `oap_pa${id}`, tenantId: partner.sandbox!.id, clientId: `cid_pa${id}`, clientType: 'confidential', name, redirectUris: ['https://flaky.example.com/cb'], allowedScopes: ['read:goals'] },
  });
  const created = await db.marketplaceApp.create({ data: { id: `app_pa${id}`, partnerId: partner.id, slug: `flaky-sync-${id}`, status: 'published', oauthAppId: oauthApp.id, publishedAt: new Date() } });
  const version = await db.appVersion.create({
    data: { appId: created.id, number: 1, status: 'published', name, tagline: 'Syncs, sometimes', description: 'A probe for the partner analytics test.', category: 'productivity', redirectUris: ['https://flaky.example.com/cb'], scopes: [{ scope: 'read:goals', justification: 'Reads goals.' }] },
  });
  await db.marketplaceApp.update({ where: { id: created.id }, data: { liveVersionId: version.id } });

  // Installed in a fresh workspace a day ago, by its owner.
  const { slug, ownerEmail } = await createWorkspace('pa');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: ownerEmail }, select: { id: true } });
  const yesterday = new Date(Date.now() - 20 * 3_600_000);
  const grant = await db.oAuthGrant.create({ data: { id: `grt_pa${id}`, tenantId: tenant.id, appId: oauthApp.id, userId: owner.id, kind: 'installation', scopes: ['read:goals'] } });
  const installation = await db.appInstallation.create({ data: { id: `ins_pa${id}`, tenantId: tenant.id, appId: created.id, versionId: version.id, scopes: ['read:goals'], grantId: grant.id, installedById: owner.id, installedAt: yesterday } });

  // Its traffic over the last hours: 150 calls, 30 of them 5xx (20%); 25 deliveries, 10 failed.
  const hourAgo = new Date(Date.now() - 3_600_000);
  const call = (status: number, durationMs: number) => ({ tenantId: tenant.id, marketplaceAppId: created.id, method: 'GET', route: '/api/v1/goals', status, durationMs, bytes: 100, createdAt: hourAgo });
  await db.apiRequestLog.createMany({ data: [...Array.from({ length: 120 }, (_, i) => call(200, 20 + (i % 40))), ...Array.from({ length: 30 }, () => call(503, 900))] });
  const endpointId = `whk_pa${id}`;
  await db.webhookEndpoint.create({ data: { id: endpointId, tenantId: tenant.id, url: 'https://hooks.flaky.example.com/in?key=private', secretEncrypted: 'unused', appInstallationId: installation.id } });
  await db.webhookDelivery.createMany({
    data: Array.from({ length: 25 }, (_, i) => ({
      id: `dlv_pa${id}${i}`, tenantId: tenant.id, endpointId, eventId: `evt_pa${id}${i}`, eventType: 'goal.created', payload: {},
      status: i < 10 ? ('failed' as const) : ('succeeded' as const), attempts: 1, lastStatusCode: i < 10 ? 500 : 200, createdAt: hourAgo, updatedAt: hourAgo,
    })),
  });
  // The hourly job, run now.
  const { runAppHealth } = await import('../../lib/partners/app-health.ts');
  await runAppHealth(new Date());
  app = { id: created.id, name, oauthAppId: oauthApp.id, endpointId };
}

test.afterAll(async () => {
  const { db } = await import('../../lib/db/client.ts');
  if (!app) return;
  await db.webhookEndpoint.delete({ where: { id: app.endpointId } }).catch(() => undefined);
  await db.apiRequestLog.deleteMany({ where: { marketplaceAppId: app.id } });
  await db.marketplaceApp.delete({ where: { id: app.id } }).catch(() => undefined);
  await db.oAuthApp.delete({ where: { id: app.oauthAppId } }).catch(() => undefined);
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

/** Each chart drew its SVG (Recharts measured its box) and has its table for screen readers. */
async function expectCharts(page: Page, ids: string[]) {
  for (const id of ids) {
    const chart = page.getByTestId(id);
    await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
    await expect(chart.locator('xpath=ancestor::figure[1]').locator('table caption')).toHaveCount(1);
  }
}

const CHARTS = ['installs-chart', 'usage-chart', 'latency-chart', 'webhook-chart', 'revenue-chart'];

test('the partner sees its analytics and the health flag; the operator sees the flagged app', async ({ browser }) => {
  test.setTimeout(120_000);
  await flakyApp();
  const partner = await signedIn(browser, 'partner');

  // The overview: every app, with the flag naming the app.
  await waitForHydration(partner);
  const banner = partner.getByTestId('health-flags');
  await expect(banner).toContainText(app!.name);
  await expect(banner).toContainText('High API error rate');
  await expect(banner).toContainText('Webhook deliveries failing');
  await expectCharts(partner, CHARTS);

  // The app's Analytics tab: its own figures, over 7 days.
  await banner.getByRole('link', { name: app!.name }).first().click();
  await partner.waitForURL(`**/partner/apps/${app!.id}/analytics`);
  await waitForHydration(partner);
  await partner.getByRole('link', { name: 'Last 7 days' }).click();
  await partner.waitForURL('**/analytics?days=7');
  await waitForHydration(partner);
  await expect(partner.getByTestId('figure-calls')).toHaveText('150');
  await expect(partner.getByTestId('figure-5xx')).toHaveText('20%');
  await expect(partner.getByTestId('figure-webhooks')).toHaveText('60%');
  await expect(partner.getByTestId('figure-active')).toHaveText('1');
  await expect(partner.getByTestId('failing-endpoints')).toContainText('hooks.flaky.example.com');
  await expect(partner.getByTestId('failing-endpoints')).not.toContainText('key=private');
  await expect(partner.getByTestId('health-flag')).toHaveCount(2);
  await expectCharts(partner, CHARTS);

  // At 390 px: the same page, nothing wider than the screen.
  await partner.setViewportSize({ width: 390, height: 844 });
  await partner.reload();
  await waitForHydration(partner);
  await expect(partner.getByTestId('health-flags')).toBeVisible();
  await expectCharts(partner, CHARTS);
  expect(await partner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.E2E_SCREENSHOTS) await partner.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/app-analytics-390.png`, fullPage: true });
  await partner.goto(`${ROOT}/partner`);
  await waitForHydration(partner);
  await expectCharts(partner, CHARTS);
  expect(await partner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The operator: the app under "Flagged only", and its flags on its page.
  const operator = await signedIn(browser, 'operator');
  await operator.goto(`${ROOT}/operator/apps`);
  await waitForHydration(operator);
  await operator.getByRole('link', { name: 'Flagged only' }).click();
  await operator.waitForURL('**/operator/apps?flagged=true');
  const row = operator.getByTestId('operator-apps').getByRole('listitem').filter({ hasText: app!.name });
  await expect(row.getByTestId('flagged-badge')).toHaveText('Flagged');
  await row.getByRole('link', { name: app!.name }).click();
  await operator.waitForURL(`**/operator/apps/${app!.id}`);
  await expect(operator.getByTestId('health-flag-list').getByRole('listitem')).toHaveCount(2);
});

test("another partner's app is not found in the partner portal", async ({ browser }) => {
  const partner = await signedIn(browser, 'partner');
  const { createApp, createPartner } = await import('../support/marketplace-fixtures.ts');
  const foreign = await createApp(await createPartner());
  await partner.goto(`${ROOT}/partner/apps/${foreign.id}/analytics`);
  await expect(partner.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(partner.getByTestId('partner-analytics')).toHaveCount(0);
});
