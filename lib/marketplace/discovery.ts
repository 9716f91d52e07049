import type { Member } from '../auth/session.ts';
import { db, Prisma } from '../db/client.ts';
import { notFound } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { renderAppDescription } from './app-description.ts';
import { describePricing, type AppPricing } from './pricing.ts';
import { PRICE_SELECT, pricingOf } from './version-pricing.ts';
import { assetUrl } from './app-views.ts';
import { APP_CATEGORIES, APP_CATEGORY_IDS, categoryLabel, type AppCategory } from './categories.ts';
import { firstPartyCards, withFirstPartyCounts } from './first-party-apps.ts';
import { activeInstallCounts, recentInstallCounts } from './install-stats.ts';
import type { RatingSummary } from './rating-schema.ts';
import { ratingSummaries } from './ratings.ts';
import { consentScopes, type ConsentScope } from './version-scopes.ts';
import { isSandboxApp, marketplaceSettings, visibleAppsWhere, type MarketplaceSettings } from './visibility.ts';

// What a workspace's marketplace shows: categories, ranked full-text search, featured apps
// (chosen by the operator), trending (most installs in the last 30 days), newest, and one
// app's listing. Every query is limited to the apps the workspace may see (visibility.ts):
// published ones (its allow-list, if it has one; none if it hid the marketplace) and, in a
// partner's sandbox, that partner's own apps in any state. Search ranks the live version's
// tsvector (MarketplaceApp.searchVector: name, then tagline and category, then description) with
// ts_rank against websearch_to_tsquery, plus (for plain words) a prefix match so "pul" finds "Pulse".
// Sandbox apps that were never published have no index, so their own sandbox lists them apart.

export interface AppCard {
  id: string;
  slug: string;
  name: string;
  tagline: string;
  category: string;
  categoryLabel: string;
  logoUrl: string | null;
  partnerName: string;
  installs: number;
  rating: RatingSummary;
  featured: boolean;
  /** Not published: the sandbox partner's own app. */
  unpublished: boolean;
  /** Installed in this workspace. */
  installed: boolean;
  /** describePricing() of the version shown: "Free", "$12.00 / month", … */
  priceLabel: string;
  /** The version's price, for pages that say it in the reader's words; none for a built-in integration. */
  price?: AppPricing;
  /** A first-party integration (lib/marketplace/first-party-apps.ts): its page, and whether this installation has its credentials. */
  builtIn?: { href: string; configured: boolean };
}

const CARD_LIMIT = 6;
const SEARCH_LIMIT = 50;

const cardSelect = {
  id: true,
  slug: true,
  status: true,
  partnerId: true,
  featuredAt: true,
  publishedAt: true,
  partner: { select: { name: true } },
  liveVersion: { select: { name: true, tagline: true, category: true, logoAssetId: true, ...PRICE_SELECT } },
  versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true, tagline: true, category: true, logoAssetId: true, ...PRICE_SELECT } },
} as const satisfies Prisma.MarketplaceAppSelect;

type CardRow = Prisma.MarketplaceAppGetPayload<{ select: typeof cardSelect }>;

/** Cards for rows, in their order, with install counts, ratings and this workspace's installs. */
async function toCards(settings: MarketplaceSettings, rows: CardRow[]): Promise<AppCard[]> {
  const ids = rows.map((row) => row.id);
  const [installs, ratings, mine] = await Promise.all([
    activeInstallCounts(ids),
    ratingSummaries(ids),
    ids.length ? db.appInstallation.findMany({ where: { tenantId: settings.tenantId, appId: { in: ids }, uninstalledAt: null }, select: { appId: true } }) : [],
  ]);
  const installedHere = new Set(mine.map((row) => row.appId));
  return rows.flatMap((row) => {
    const version = isSandboxApp(settings, row) ? (row.versions[0] ?? row.liveVersion) : row.liveVersion;
    if (!version) return [];
    return [
      {
        id: row.id,
        slug: row.slug,
        name: version.name,
        tagline: version.tagline,
        category: version.category,
        categoryLabel: categoryLabel(version.category),
        logoUrl: version.logoAssetId ? assetUrl(version.logoAssetId) : null,
        partnerName: row.partner.name,
        installs: installs.get(row.id) ?? 0,
        rating: ratings.get(row.id) ?? { average: null, count: 0, distribution: [0, 0, 0, 0, 0] },
        featured: row.featuredAt !== null,
        unpublished: row.status !== 'published',
        installed: installedHere.has(row.id),
        priceLabel: describePricing(pricingOf(version)),
        price: pricingOf(version),
      },
    ];
  });
}

/** Published apps only (featured, trending, newest, categories): the discovery rows. */
function publishedVisible(settings: MarketplaceSettings): Prisma.MarketplaceAppWhereInput {
  return { AND: [visibleAppsWhere(settings), { status: 'published', liveVersionId: { not: null } }] };
}

async function cardsWhere(settings: MarketplaceSettings, where: Prisma.MarketplaceAppWhereInput, orderBy: Prisma.MarketplaceAppOrderByWithRelationInput[], take: number): Promise<AppCard[]> {
  return toCards(settings, await db.marketplaceApp.findMany({ where, orderBy, take, select: cardSelect }));
}

export async function featuredApps(settings: MarketplaceSettings, take = CARD_LIMIT): Promise<AppCard[]> {
  return cardsWhere(settings, { AND: [publishedVisible(settings), { featuredAt: { not: null } }] }, [{ featuredAt: 'desc' }, { id: 'asc' }], take);
}

export async function newestApps(settings: MarketplaceSettings, take = CARD_LIMIT): Promise<AppCard[]> {
  return cardsWhere(settings, publishedVisible(settings), [{ publishedAt: 'desc' }, { id: 'asc' }], take);
}

/** Most installs in the last 30 days (sandbox installs do not count); apps without any are not trending. */
export async function trendingApps(settings: MarketplaceSettings, take = CARD_LIMIT, now = new Date()): Promise<AppCard[]> {
  const recent = await recentInstallCounts({ days: 30, now, limit: 100 });
  if (recent.length === 0) return [];
  const rows = await db.marketplaceApp.findMany({ where: { AND: [publishedVisible(settings), { id: { in: recent.map((r) => r.appId) } }] }, select: cardSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = recent.flatMap((r) => (byId.has(r.appId) ? [byId.get(r.appId)!] : [])).slice(0, take);
  return toCards(settings, ordered);
}

export async function appsInCategory(settings: MarketplaceSettings, category: AppCategory, take = SEARCH_LIMIT): Promise<AppCard[]> {
  return cardsWhere(settings, { AND: [publishedVisible(settings), { liveVersion: { category } }] }, [{ publishedAt: 'desc' }, { id: 'asc' }], take);
}

/** The sandbox partner's own apps, newest first (only in its sandbox). */
export async function sandboxApps(settings: MarketplaceSettings): Promise<AppCard[]> {
  if (!settings.sandboxOfPartnerId) return [];
  return cardsWhere(settings, { partnerId: settings.sandboxOfPartnerId, status: { not: 'removed' } }, [{ createdAt: 'desc' }], SEARCH_LIMIT);
}

export interface CategoryCount {
  id: AppCategory;
  label: string;
  count: number;
}

/** Every category with how many visible published apps it has. */
export async function categoryCounts(settings: MarketplaceSettings): Promise<CategoryCount[]> {
  const rows = await db.marketplaceApp.findMany({ where: publishedVisible(settings), select: { liveVersion: { select: { category: true } } } });
  const counts = new Map<string, number>();
  for (const row of rows) if (row.liveVersion) counts.set(row.liveVersion.category, (counts.get(row.liveVersion.category) ?? 0) + 1);
  return APP_CATEGORIES.map((category) => ({ id: category.id, label: category.label, count: counts.get(category.id) ?? 0 }));
}

/** The SQL form of visibleAppsWhere for published apps (searchVector exists only for them). */
function visibleSql(settings: MarketplaceSettings): Prisma.Sql {
  if (settings.mode === 'hidden') return Prisma.sql`FALSE`;
  const published = Prisma.sql`a.status = 'published' AND a."liveVersionId" IS NOT NULL`;
  if (settings.mode === 'allow_list') return Prisma.sql`${published} AND a.id = ANY(${settings.allowList}::text[])`;
  return published;
}

/** Words of a query as a prefix tsquery ("pul syn" → 'pul':* & 'syn':*), or null when it has none. */
export function prefixQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  return words.length ? words.map((word) => `'${word}':*`).join(' & ') : null;
}

/** Ranked full-text search over the workspace's visible published apps, optionally in one category. */
export async function searchApps(settings: MarketplaceSettings, q: string, options: { category?: AppCategory; take?: number } = {}): Promise<AppCard[]> {
  const text = q.trim().slice(0, 200);
  const prefix = prefixQuery(text);
  if (!prefix) return options.category ? appsInCategory(settings, options.category) : newestApps(settings, SEARCH_LIMIT);
  const category = options.category ? Prisma.sql`AND v.category = ${options.category}` : Prisma.empty;
  // With websearch operators (-word, "phrase", or), the query means exactly what it says; plain
  // words also match as prefixes.
  const plain = !/["-]|\bor\b/i.test(text);
  const ranked = await db.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT websearch_to_tsquery('simple', ${text}) AS web, to_tsquery('simple', ${plain ? prefix : ''}) AS pre)
    SELECT a.id
    FROM "MarketplaceApp" a JOIN "AppVersion" v ON v.id = a."liveVersionId", q
    WHERE ${visibleSql(settings)} ${category}
      AND a."searchVector" IS NOT NULL
      AND (a."searchVector" @@ q.web OR a."searchVector" @@ q.pre)
    ORDER BY ts_rank(a."searchVector", q.web) * 2 + ts_rank(a."searchVector", q.pre) DESC, a."publishedAt" DESC, a.id
    LIMIT ${Math.max(1, Math.min(SEARCH_LIMIT, options.take ?? SEARCH_LIMIT))}`;
  if (ranked.length === 0) return [];
  const rows = await db.marketplaceApp.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, select: cardSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return toCards(settings, ranked.flatMap((r) => (byId.has(r.id) ? [byId.get(r.id)!] : [])));
}

export const isCategory = (value: string): value is AppCategory => (APP_CATEGORY_IDS as readonly string[]).includes(value);

export interface MarketplaceHome {
  mode: MarketplaceSettings['mode'];
  categories: CategoryCount[];
  featured: AppCard[];
  trending: AppCard[];
  newest: AppCard[];
  sandbox: AppCard[];
  /** The first-party integrations (lib/integrations), a row of their own. */
  builtIn: AppCard[];
}

/** The /apps page without a query: every row at once. */
export async function marketplaceHome(tenant: TenantContext): Promise<MarketplaceHome> {
  const settings = await marketplaceSettings(tenant.id);
  const [categories, featured, trending, newest, sandbox, builtIn] = await Promise.all([categoryCounts(settings), featuredApps(settings), trendingApps(settings), newestApps(settings), sandboxApps(settings), firstPartyCards(tenant.id)]);
  const hidden = settings.mode === 'hidden';
  return { mode: settings.mode, categories: hidden ? categories : withFirstPartyCounts(categories), featured, trending, newest, sandbox, builtIn: hidden ? [] : builtIn };
}

/** The /apps page with a query and/or a category. */
export async function browseApps(tenant: TenantContext, query: { q?: string; category?: string }): Promise<{ apps: AppCard[]; category: CategoryCount | null; categories: CategoryCount[] }> {
  const settings = await marketplaceSettings(tenant.id);
  const category = query.category && isCategory(query.category) ? query.category : undefined;
  const [apps, counts, builtIn] = await Promise.all([
    query.q?.trim() ? searchApps(settings, query.q, { category }) : category ? appsInCategory(settings, category) : newestApps(settings, SEARCH_LIMIT),
    categoryCounts(settings),
    // A hidden marketplace hides them here too (they stay under /integrations).
    settings.mode === 'hidden' ? [] : firstPartyCards(tenant.id, { q: query.q, category }),
  ]);
  const categories = settings.mode === 'hidden' ? counts : withFirstPartyCounts(counts);
  return { apps: [...builtIn, ...apps], category: categories.find((c) => c.id === category) ?? null, categories };
}

export interface AppListing {
  card: AppCard;
  /** Sanitized HTML of the description (Markdown). */
  descriptionHtml: string;
  screenshots: string[];
  scopes: ConsentScope[];
  links: { website: string | null; docs: string | null; support: string | null; privacy: string | null; terms: string | null };
  /** The price of the version shown (amounts in cents) and its words. */
  price: AppPricing;
  pricing: string;
  version: { id: string; number: number; updatedAt: string };
  status: string;
  /** This workspace's active installation, if any. */
  installation: { id: string; installedAt: string; scopes: string[]; versionId: string } | null;
  /** The live version asks for scopes the installation has not consented to. */
  needsReconsent: boolean;
  /** A new install is possible (published, or the sandbox partner's own). */
  installable: boolean;
}

/**
 * One app's listing page, for a member of the workspace. Apps it cannot see are not found,
 * except a deprecated app that the workspace still has installed (so its admins can manage it).
 */
export async function appListing(tenant: TenantContext, _member: Member, slug: string): Promise<AppListing> {
  const settings = await marketplaceSettings(tenant.id);
  const installation = await db.appInstallation.findFirst({ where: { tenantId: tenant.id, app: { slug }, uninstalledAt: null }, select: { id: true, installedAt: true, scopes: true, versionId: true } });
  const visible = installation ? { OR: [visibleAppsWhere(settings), { status: { in: ['published', 'deprecated'] as ('published' | 'deprecated')[] } }] } : visibleAppsWhere(settings);
  const app = await db.marketplaceApp.findFirst({
    where: { AND: [{ slug }, visible] },
    select: {
      ...cardSelect,
      liveVersion: { select: { id: true, number: true, name: true, tagline: true, category: true, logoAssetId: true, description: true, screenshotAssetIds: true, websiteUrl: true, docsUrl: true, supportUrl: true, privacyUrl: true, termsUrl: true, scopes: true, ...PRICE_SELECT, publishedAt: true, updatedAt: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true, name: true, tagline: true, category: true, logoAssetId: true, description: true, screenshotAssetIds: true, websiteUrl: true, docsUrl: true, supportUrl: true, privacyUrl: true, termsUrl: true, scopes: true, ...PRICE_SELECT, publishedAt: true, updatedAt: true } },
    },
  });
  if (!app) throw notFound('No such app in this workspace’s marketplace.');
  const sandbox = isSandboxApp(settings, app);
  const version = sandbox ? (app.versions[0] ?? app.liveVersion) : app.liveVersion;
  if (!version) throw notFound('No such app in this workspace’s marketplace.');
  const [card] = await toCards(settings, [app]);
  const scopes = consentScopes(version.scopes, tenant.branding.terminology);
  return {
    card,
    descriptionHtml: renderAppDescription(version.description),
    screenshots: version.screenshotAssetIds.map(assetUrl),
    scopes,
    links: { website: version.websiteUrl, docs: version.docsUrl, support: version.supportUrl, privacy: version.privacyUrl, terms: version.termsUrl },
    price: pricingOf(version),
    pricing: describePricing(pricingOf(version)),
    version: { id: version.id, number: version.number, updatedAt: (version.publishedAt ?? version.updatedAt).toISOString() },
    status: app.status,
    installation: installation && { id: installation.id, installedAt: installation.installedAt.toISOString(), scopes: installation.scopes, versionId: installation.versionId },
    needsReconsent: installation !== null && scopes.some((entry) => !installation.scopes.includes(entry.scope)),
    installable: sandbox || (app.status === 'published' && (settings.mode !== 'allow_list' || settings.allowList.includes(app.id))),
  };
}
