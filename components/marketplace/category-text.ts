import type { AppCategory } from '@/lib/marketplace/categories';

// A category's name in the reader's words (the marketplace catalog's categories.*): ids are
// stable and kebab-case (project-management), catalog keys camelCase (projectManagement).

const KEYS = {
  crm: 'crm',
  communication: 'communication',
  productivity: 'productivity',
  'project-management': 'projectManagement',
  analytics: 'analytics',
  payments: 'payments',
  marketing: 'marketing',
  hr: 'hr',
  support: 'support',
  calendar: 'calendar',
  fitness: 'fitness',
  custom: 'custom',
} as const satisfies Record<AppCategory, string>;

export type CategoryKey = (typeof KEYS)[AppCategory];

/** The category's name; an unknown id (none is stored, but) shows as itself. */
export function categoryText(words: (key: `categories.${CategoryKey}`) => string, id: string): string {
  return id in KEYS ? words(`categories.${KEYS[id as AppCategory]}`) : id;
}
