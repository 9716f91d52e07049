import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures';
import { createWorkspace, DEMO_PASSWORD, ROOT, signIn, tenantUrl, signInAsOperator } from './support';

// Reviews and ratings in a real browser, as each of their people: the admin of a workspace
// that has the app installed rates it on the listing page (stars are a radio group); the
// partner replies from its portal; an admin of another workspace reports the review; the
// operator hides it with a reason, and the listing's average and count drop it.
// The app is the demo partner's (Northstar Labs), made and installed here with Prisma, so the
// spec depends on neither the review workflow nor the install flow (their own specs cover them).

const id = randomBytes(4).toString('hex');
const appName = `Ratings Probe ${id}`;
let app: { id: string; slug: string; oauthAppId: string };

test.beforeAll(async () => {
  const { db } = await import('../../lib/db/client.ts');
  const partner = await db.partner.findUniqueOrThrow({ where: { slug: 'northstar-labs' }, select: { id: true, sandbox: { select: { id: true } } } });
  if (!partner.sandbox) throw new Error('the demo partner has no sandbox workspace');
  const oauthApp = await db.oAuthApp.create({
    data: { id: `oap_rt${id}`, tenantId: partner.sandbox.id, clientId: `ratings-${id}`, clientType: 'confidential', name: appName, redirectUris: ['https://probe.example.com/callback'], allowedScopes: ['read:goals'] },
  });
  const created = await db.marketplaceApp.create({ data: { id: `app_rt${id}`, partnerId: partner.id, slug: `ratings-probe-${id}`, status: 'published', oauthAppId: oauthApp.id, publishedAt: new Date() } });
  const version = await db.appVersion.create({
    data: {
      appId: created.id,
      number: 1,
      status: 'published',
      publishedAt: new Date(),
      name: appName,
      tagline: 'Checks that reviews work',
      description: 'An app made by the ratings spec.',
      category: 'productivity',
      redirectUris: ['https://probe.example.com/callback'],
      scopes: [{ scope: 'read:goals', justification: 'To show your goals.' }],
    },
  });
  await db.marketplaceApp.update({ where: { id: created.id }, data: { liveVersionId: version.id } });
  app = { id: created.id, slug: created.slug, oauthAppId: oauthApp.id };
});

test.afterAll(async () => {
  const { db } = await import('../../lib/db/client.ts');
  if (!app) return;
  await db.marketplaceApp.delete({ where: { id: app.id } }).catch(() => undefined);
  await db.oAuthApp.delete({ where: { id: app.oauthAppId } }).catch(() => undefined);
});

/** The app installed in the workspace by its owner, as the consent screen would leave it. */
async function installFor(slug: string, ownerEmail: string) {
  const { db } = await import('../../lib/db/client.ts');
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: ownerEmail }, select: { id: true } });
  const version = await db.marketplaceApp.findUniqueOrThrow({ where: { id: app.id }, select: { liveVersionId: true } });
  const grant = await db.oAuthGrant.create({ data: { id: `grt_rt${randomBytes(6).toString('hex')}`, tenantId: tenant.id, appId: app.oauthAppId, userId: owner.id, kind: 'installation', scopes: ['read:goals'] } });
  await db.appInstallation.create({ data: { id: `ins_rt${randomBytes(6).toString('hex')}`, tenantId: tenant.id, appId: app.id, versionId: version.liveVersionId!, scopes: ['read:goals'], grantId: grant.id, installedById: owner.id } });
}

async function signInOnRoot(browser: Browser, path: string, email: string, landing: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${ROOT}${path}`);
  await waitForHydration(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(landing);
  await waitForHydration(page);
  return page;
}

test('an installing workspace rates the app, the partner replies, someone reports it, the operator hides it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const reviewer = await createWorkspace('rate');
  await installFor(reviewer.slug, reviewer.ownerEmail);

  // The admin of the installing workspace rates it on the listing page.
  await signIn(page, reviewer.slug, reviewer.ownerEmail);
  await page.waitForURL(tenantUrl(reviewer.slug, '/'));
  await page.goto(tenantUrl(reviewer.slug, `/apps/${app.slug}`));
  const ratings = page.getByTestId('app-ratings');
  await expect(ratings.getByTestId('rating-summary')).toHaveText('No reviews yet.');
  const form = ratings.getByRole('form', { name: "Your workspace's review" });
  // Publishing without stars is refused with the field's message.
  await form.getByRole('button', { name: 'Publish review' }).click();
  await expect(form.getByText('Choose from 1 to 5 stars.')).toBeVisible();
  // The stars are a radio group: pick 2 with the mouse, then move to 4 with the keyboard.
  const stars = form.getByRole('radiogroup', { name: 'Your rating' });
  await stars.getByRole('radio', { name: '2 stars' }).check();
  await stars.getByRole('radio', { name: '2 stars' }).press('ArrowRight');
  await stars.getByRole('radio', { name: '3 stars' }).press('ArrowRight');
  await expect(stars.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await form.getByLabel('Your review (optional)').fill(`Keeps our goals in sync. ${id}`);
  await form.getByRole('button', { name: 'Publish review' }).click();
  await expect(form.getByRole('status')).toHaveText('Thanks: your workspace’s review is published.');
  await expect(ratings.getByTestId('rating-average')).toHaveText('4.0');
  await expect(ratings.getByTestId('rating-count')).toHaveText('1 review');
  await expect(ratings.getByTestId('review-list').getByTestId('review')).toContainText(`Keeps our goals in sync. ${id}`);

  // The partner replies from its portal.
  const partner = await signInOnRoot(browser, '/partner/signin', 'partner@waypoint.test', '**/partner');
  await partner.goto(`${ROOT}/partner/apps/${app.id}/reviews`);
  await waitForHydration(partner);
  const review = partner.getByTestId('partner-reviews').getByTestId('review').filter({ hasText: id });
  await review.getByLabel('Your public reply').fill('Thanks! Version 2 syncs habits too.');
  await review.getByRole('button', { name: 'Publish reply' }).click();
  await expect(review.getByTestId('review-reply')).toContainText('Thanks! Version 2 syncs habits too.');
  await expect(review.getByRole('button', { name: 'Publish reply' })).toHaveCount(0);
  // Its analytics count the installation.
  await partner.goto(`${ROOT}/partner/apps/${app.id}/analytics`);
  await expect(partner.getByTestId('figure-active')).toHaveText('1');
  await expect(partner.getByTestId('figure-rating')).toContainText('4.0');
  await partner.context().close();

  // An admin of another workspace (without the app) sees the review and the reply, and reports it.
  const other = await createWorkspace('report');
  const reporter = await browser.newContext();
  const reporterPage = await reporter.newPage();
  await signIn(reporterPage, other.slug, other.ownerEmail);
  await reporterPage.waitForURL(tenantUrl(other.slug, '/'));
  await reporterPage.goto(tenantUrl(other.slug, `/apps/${app.slug}`));
  await waitForHydration(reporterPage);
  const seen = reporterPage.getByTestId('app-ratings');
  await expect(seen.getByText(`Workspaces that have ${appName} installed can rate and review it.`)).toBeVisible();
  const theirReview = seen.getByTestId('review').filter({ hasText: id });
  await expect(theirReview.getByTestId('review-reply')).toContainText('Thanks! Version 2 syncs habits too.');
  await theirReview.getByRole('button', { name: 'Report this 4-star review' }).click();
  const dialog = reporterPage.getByRole('dialog', { name: 'Report this review' });
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(dialog.getByText('Enter what is wrong with this review.')).toBeVisible();
  await dialog.getByLabel('What is wrong with it?').fill('Advertises another product');
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(dialog).toBeHidden();
  await expect(reporterPage.getByText('Thanks: the Waypoint team will look at this review.')).toBeVisible();

  // The operator hides it with a reason.
  const operator = await (await browser.newContext()).newPage();
  await signInAsOperator(operator);
  await operator.goto(`${ROOT}/operator/reviews`);
  await waitForHydration(operator);
  const reported = operator.getByTestId('operator-review').filter({ hasText: id });
  await expect(reported).toContainText('1 open report');
  await expect(reported).toContainText(appName);
  await reported.getByText('Reports (1)').click();
  await expect(reported).toContainText('Advertises another product');
  await reported.getByRole('button', { name: 'Hide' }).click();
  const hide = operator.getByRole('dialog', { name: 'Hide this review' });
  await hide.getByLabel('Reason (shown to the workspace and the partner)').fill('Advertising in a review');
  await hide.getByRole('button', { name: 'Hide review' }).click();
  await expect(hide).toBeHidden();
  await expect(operator.getByTestId('operator-review').filter({ hasText: id })).toHaveCount(0);
  await operator.goto(`${ROOT}/operator/reviews?filter=hidden`);
  await expect(operator.getByTestId('operator-review').filter({ hasText: id })).toContainText('Advertising in a review');
  await operator.context().close();

  // The listing drops it from the average and the count; its own workspace sees it marked hidden.
  await reporterPage.reload();
  await waitForHydration(reporterPage);
  await expect(reporterPage.getByTestId('app-ratings').getByTestId('rating-summary')).toHaveText('No reviews yet.');
  await expect(reporterPage.getByTestId('app-ratings').getByTestId('review')).toHaveCount(0);
  await reporter.close();
  await page.reload();
  await expect(page.getByTestId('app-ratings').getByText('The Waypoint team hid this review: Advertising in a review.')).toBeVisible();
});
