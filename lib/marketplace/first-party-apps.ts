import { integrationFor, integrations } from '../integrations/registry.ts';
import { integrationCards, type IntegrationCard } from '../integrations/views.ts';
import type { AppCard, CategoryCount } from './discovery.ts';

// The first-party integrations (lib/integrations) as marketplace cards: their own row on /apps,
// and mixed into categories and search. They are not MarketplaceApp rows (no partner, versions,
// reviews or installs to count), so they are matched here in memory: five manifests, words
// against name, tagline, category and description, each word as a prefix like the app search.

const NO_RATING: AppCard['rating'] = { average: null, count: 0, distribution: [0, 0, 0, 0, 0] };

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function toCard(card: IntegrationCard): AppCard {
  return {
    id: card.id,
    slug: card.id,
    name: card.name,
    tagline: card.tagline,
    category: card.category,
    categoryLabel: card.categoryLabel,
    logoUrl: null,
    partnerName: '',
    installs: 0,
    rating: NO_RATING,
    featured: false,
    unpublished: false,
    installed: card.installed,
    priceLabel: 'Included',
    builtIn: { href: `/integrations/${card.id}`, configured: card.configured },
  };
}

/** Whether every word of the query (at most 8) starts a word of the integration's listing. */
export function matchesQuery(card: IntegrationCard, q: string): boolean {
  const wanted = wordsOf(q).slice(0, 8);
  if (wanted.length === 0) return true;
  const have = wordsOf([card.name, card.tagline, card.categoryLabel, ...integrationFor(card.id).manifest.description].join(' '));
  return wanted.every((word) => have.some((candidate) => candidate.startsWith(word)));
}

/** The built-in integrations for the workspace's marketplace, optionally matching a query and a category. */
export async function firstPartyCards(tenantId: string, filter: { q?: string; category?: string } = {}): Promise<AppCard[]> {
  const cards = await integrationCards({ id: tenantId });
  return cards.filter((card) => (!filter.category || card.category === filter.category) && matchesQuery(card, filter.q ?? '')).map(toCard);
}

/** Category counts with the built-in integrations added. */
export function withFirstPartyCounts(categories: CategoryCount[]): CategoryCount[] {
  return categories.map((category) => ({ ...category, count: category.count + integrations().filter(({ manifest }) => manifest.category === category.id).length }));
}
