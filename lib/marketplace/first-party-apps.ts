import { db } from '../db/client.ts';
import { INTEGRATIONS, isConfigured } from '../integrations/registry.ts';
import type { IntegrationModule } from '../integrations/types.ts';
import { categoryLabel } from './categories.ts';
import type { AppCard, CategoryCount } from './discovery.ts';

// The first-party integrations (lib/integrations) as marketplace cards: their own row on /apps,
// and mixed into categories and search. They are not MarketplaceApp rows (no partner, versions,
// reviews or installs to count), so they are matched here in memory: five manifests, words
// against name, tagline, category and description, each word as a prefix like the app search.

const NO_RATING: AppCard['rating'] = { average: null, count: 0, distribution: [0, 0, 0, 0, 0] };

function toCard(module: IntegrationModule, installed: boolean): AppCard {
  const { manifest } = module;
  return {
    id: manifest.id,
    slug: manifest.id,
    name: manifest.name,
    tagline: manifest.tagline,
    category: manifest.category,
    categoryLabel: categoryLabel(manifest.category),
    logoUrl: null,
    partnerName: '',
    installs: 0,
    rating: NO_RATING,
    featured: false,
    unpublished: false,
    installed,
    priceLabel: 'Included',
    builtIn: { href: `/integrations/${manifest.id}`, configured: isConfigured(module) },
  };
}

function words(module: IntegrationModule): string[] {
  const { manifest } = module;
  const text = [manifest.name, manifest.tagline, categoryLabel(manifest.category), ...manifest.description].join(' ');
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether every word of the query starts a word of the integration's listing. */
export function matchesQuery(module: IntegrationModule, q: string): boolean {
  const wanted = q.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  const have = words(module);
  return wanted.every((word) => have.some((candidate) => candidate.startsWith(word)));
}

/** The built-in integrations for the workspace's marketplace, optionally matching a query and a category. */
export async function firstPartyCards(tenantId: string, filter: { q?: string; category?: string } = {}): Promise<AppCard[]> {
  const installed = await db.integrationInstallation.findMany({ where: { tenantId, uninstalledAt: null }, select: { provider: true } });
  const here = new Set(installed.map((row) => row.provider));
  return INTEGRATIONS.filter((module) => (!filter.category || module.manifest.category === filter.category) && matchesQuery(module, filter.q ?? '')).map((module) => toCard(module, here.has(module.manifest.id)));
}

/** Category counts with the built-in integrations added. */
export function withFirstPartyCounts(categories: CategoryCount[]): CategoryCount[] {
  return categories.map((category) => ({ ...category, count: category.count + INTEGRATIONS.filter((module) => module.manifest.category === category.id).length }));
}
