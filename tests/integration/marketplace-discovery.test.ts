import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { appListing, browseApps, marketplaceHome, prefixQuery, searchApps } from '../../lib/marketplace/discovery.ts';
import { marketplaceSettings } from '../../lib/marketplace/visibility.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { addVersion, createMarketplaceApp, createPartner, type TestApp } from '../support/marketplace.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

/** Google Calendar, Outlook and the calendar feed (lib/integrations). */
const BUILT_IN_CALENDARS = 3;

// The marketplace as a workspace sees it. Other test files publish apps in the same database,
// so each workspace here limits its marketplace to an allow-list of this file's apps (or checks
// only for its own apps' presence and order).

const DAY = 86_400_000;

async function installation(tenantId: string, appId: string, daysAgo: number): Promise<void> {
  const version = await db.marketplaceApp.findUniqueOrThrow({ where: { id: appId }, select: { liveVersionId: true } });
  await db.appInstallation.create({
    data: { id: `ins_${randomBytes(9).toString('base64url')}`, tenantId, appId, versionId: version.liveVersionId!, scopes: ['read:goals'], grantId: `grt_${randomBytes(12).toString('base64url')}`, installedAt: new Date(Date.now() - daysAgo * DAY) },
  });
}

async function limitedTo(apps: TestApp[]): Promise<TenantContext> {
  const tenant = await workspace();
  await db.tenant.update({ where: { id: tenant.id }, data: { marketplaceMode: 'allow_list', marketplaceAllowList: apps.map((app) => app.id) } });
  return tenant;
}

describe('search', () => {
  const word = `zq${randomBytes(4).toString('hex')}`;
  let inName: TestApp, inTagline: TestApp, inDescription: TestApp, elsewhere: TestApp;
  let tenant: TenantContext;

  beforeAll(async () => {
    inDescription = await createMarketplaceApp({ name: 'Ledger Lines', description: `Books your ${word} entries nightly.`, category: 'payments' });
    inTagline = await createMarketplaceApp({ name: 'Tempo Board', tagline: `Plans for ${word} teams`, category: 'productivity' });
    inName = await createMarketplaceApp({ name: `${word} Calendar`, category: 'calendar' });
    elsewhere = await createMarketplaceApp({ name: 'Quiet Notes' });
    tenant = await limitedTo([inName, inTagline, inDescription, elsewhere]);
  });

  it('ranks name over tagline over description (websearch_to_tsquery, ts_rank)', async () => {
    const settings = await marketplaceSettings(tenant.id);
    expect((await searchApps(settings, word)).map((app) => app.id)).toEqual([inName.id, inTagline.id, inDescription.id]);
    expect((await searchApps(settings, `${word} calendar`)).map((app) => app.id)).toEqual([inName.id]);
    expect((await searchApps(settings, `${word} -calendar`)).map((app) => app.id)).toEqual([inTagline.id, inDescription.id]);
  });

  it('matches word prefixes as typed, within a category, and treats odd input as words', async () => {
    const settings = await marketplaceSettings(tenant.id);
    expect((await searchApps(settings, word.slice(0, 5))).map((app) => app.id)).toContain(inName.id);
    expect((await searchApps(settings, word, { category: 'productivity' })).map((app) => app.id)).toEqual([inTagline.id]);
    expect(prefixQuery(`'); DROP TABLE x; -- ${word}:*`)).toBe(`'drop':* & 'table':* & 'x':* & '${word}':*`);
    expect(await searchApps(settings, `"unbalanced ' & | ! ${word}`)).toEqual(expect.any(Array));
    expect(await searchApps(settings, 'nothing-like-this-exists-anywhere')).toEqual([]);
  });

  it('the page: a query with a category, and category counts', async () => {
    const { apps, category, categories } = await browseApps(tenant, { q: word, category: 'calendar' });
    expect(apps.map((app) => app.id)).toEqual([inName.id]);
    // The built-in calendar integrations (Google, Outlook, the feed) count in their category too.
    expect(category).toMatchObject({ id: 'calendar', label: 'Calendar', count: 1 + BUILT_IN_CALENDARS });
    expect(categories.find((c) => c.id === 'fitness')?.count).toBe(1);
    expect(categories).toHaveLength(12);
    // An unknown category is ignored rather than an error.
    expect((await browseApps(tenant, { category: 'nope' })).category).toBeNull();
  });

  it('built-in integrations: in their categories and in search, with their own page', async () => {
    const calendars = await browseApps(tenant, { category: 'calendar' });
    const builtIn = calendars.apps.filter((app) => app.builtIn);
    expect(builtIn.map((app) => app.slug)).toEqual(['google-calendar', 'outlook-calendar', 'calendar-feed']);
    expect(builtIn[0]).toMatchObject({ name: 'Google Calendar', builtIn: { href: '/integrations/google-calendar' }, installed: false });
    expect((await browseApps(tenant, { q: 'slack' })).apps.map((app) => app.slug)).toEqual(['slack']);
    await db.integrationInstallation.create({ data: { id: `int_${randomBytes(9).toString('base64url')}`, tenantId: tenant.id, provider: 'slack' } });
    expect((await browseApps(tenant, { q: 'slack' })).apps[0]).toMatchObject({ slug: 'slack', installed: true });
    // Words are prefixes, all of them must match, and a category narrows.
    const outlook = (await browseApps(tenant, { q: 'outl cal' })).apps.map((app) => app.slug);
    expect(outlook).toContain('outlook-calendar');
    expect(outlook).not.toContain('slack');
    expect((await browseApps(tenant, { q: 'slack', category: 'calendar' })).apps).toEqual([]);
    expect((await marketplaceHome(tenant)).builtIn.map((app) => app.slug)).toEqual(['google-calendar', 'outlook-calendar', 'slack', 'microsoft-teams', 'calendar-feed']);
  });
});

describe('featured, trending, newest', () => {
  it('featured by the operator; trending by installs in the last 30 days; newest first', async () => {
    const now = Date.now();
    const old = await createMarketplaceApp({ name: 'Old Timer', publishedAt: new Date(now - 90 * DAY) });
    const star = await createMarketplaceApp({ name: 'Star Pick', featured: true, publishedAt: new Date(now - 60 * DAY) });
    const hot = await createMarketplaceApp({ name: 'Hot Stuff', publishedAt: new Date(now - 30 * DAY) });
    const fresh = await createMarketplaceApp({ name: 'Fresh Out', publishedAt: new Date(now - DAY) });
    const others = await Promise.all([workspace(), workspace(), workspace()]);
    for (const other of others) await installation(other.id, hot.id, 2);
    await installation(others[0].id, star.id, 5);
    // Installs before the window do not make an app trend.
    for (const other of others) await installation(other.id, old.id, 45);
    // Nor do the partner's own sandbox installs.
    await installation(star.partner.sandbox.id, star.id, 1);
    await installation(star.partner.sandbox.id, old.id, 1);

    const tenant = await limitedTo([old, star, hot, fresh]);
    const home = await marketplaceHome(tenant);
    expect(home.featured.map((app) => app.id)).toEqual([star.id]);
    expect(home.trending.map((app) => app.id)).toEqual([hot.id, star.id]);
    expect(home.newest.map((app) => app.id)).toEqual([fresh.id, hot.id, star.id, old.id]);
    expect(home.newest.find((app) => app.id === hot.id)).toMatchObject({ installs: 3, name: 'Hot Stuff', categoryLabel: 'Fitness', partnerName: hot.partner.name, installed: false, unpublished: false });
    expect(home.sandbox).toEqual([]);
  });
});

describe('what a workspace sees', () => {
  it('published apps everywhere; a partner sees its unpublished apps in its own sandbox only', async () => {
    const partner = await createPartner();
    const draft = await createMarketplaceApp({ partner, status: 'draft', name: 'Work In Progress' });
    const live = await createMarketplaceApp({ partner, name: 'Live One' });
    const sandboxHome = await marketplaceHome(partner.sandbox);
    expect(sandboxHome.sandbox.map((app) => app.id)).toEqual([live.id, draft.id]);
    expect(sandboxHome.sandbox.find((app) => app.id === draft.id)).toMatchObject({ unpublished: true, name: 'Work In Progress' });
    const member = await memberIn(partner.sandbox, 'member');
    expect((await appListing(partner.sandbox, member, draft.slug)).installable).toBe(true);

    const other = await workspace();
    const otherMember = await memberIn(other, 'member');
    expect((await marketplaceHome(other)).sandbox).toEqual([]);
    expect((await failure(appListing(other, otherMember, draft.slug))).status).toBe(404);
    expect((await appListing(other, otherMember, live.slug)).card.id).toBe(live.id);
    // Deprecated: gone from discovery, still listed where it is installed.
    await db.marketplaceApp.update({ where: { id: live.id }, data: { status: 'deprecated' } });
    expect((await failure(appListing(other, otherMember, live.slug))).status).toBe(404);
    await installation(other.id, live.id, 1);
    expect(await appListing(other, otherMember, live.slug)).toMatchObject({ installable: false, status: 'deprecated' });
  });

  it('an allow-list shows only its apps; a hidden marketplace shows nothing', async () => {
    const [a, b] = await Promise.all([createMarketplaceApp(), createMarketplaceApp()]);
    const tenant = await limitedTo([a]);
    const member = await memberIn(tenant, 'member');
    expect((await marketplaceHome(tenant)).newest.map((app) => app.id)).toEqual([a.id]);
    expect((await failure(appListing(tenant, member, b.slug))).status).toBe(404);
    await db.tenant.update({ where: { id: tenant.id }, data: { marketplaceMode: 'hidden' } });
    const hidden = await marketplaceHome(tenant);
    expect([hidden.featured, hidden.trending, hidden.newest].flat()).toEqual([]);
    expect(hidden.categories.every((c) => c.count === 0)).toBe(true);
    expect(await searchApps(await marketplaceSettings(tenant.id), 'pulse')).toEqual([]);
  });
});

describe('a listing', () => {
  it('sanitized description, scopes in plain words with reasons, installed state and re-consent', async () => {
    const app = await createMarketplaceApp({ description: 'Hello **there** <script>alert(1)</script> [x](javascript:alert(1))' });
    const tenant = await limitedTo([app]);
    const member = await memberIn(tenant, 'member');
    const listing = await appListing(tenant, member, app.slug);
    expect(listing.descriptionHtml).toContain('<strong>there</strong>');
    expect(listing.descriptionHtml).not.toContain('<script>');
    expect(listing.descriptionHtml).not.toContain('javascript:');
    expect(listing.scopes[0]).toEqual({ scope: 'read:goals', description: 'See goals', justification: 'To show your goals in Pulse.' });
    expect(listing).toMatchObject({ installation: null, needsReconsent: false, installable: true, version: { number: 1 } });

    await installation(tenant.id, app.id, 0);
    await addVersion(app.id, { publish: true, scopes: [{ scope: 'read:goals', justification: 'Goals.' }, { scope: 'read:habits', justification: 'Habits.' }] });
    expect(await appListing(tenant, member, app.slug)).toMatchObject({ installation: { scopes: ['read:goals'] }, needsReconsent: true, version: { number: 2 }, card: { installed: true } });
  });
});
