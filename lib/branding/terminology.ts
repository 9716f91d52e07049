import { z } from 'zod';

// Tenants may rename the product's nouns ("objectives" for goals, "rituals" for habits).
// Every label in the UI and in emails goes through term().

export const TERM_KEYS = ['goal', 'goals', 'habit', 'habits', 'team', 'teams', 'apps'] as const;
export type TermKey = (typeof TERM_KEYS)[number];
export type Terminology = Record<TermKey, string>;

/** apps: the marketplace's name in the navigation and on its page (e.g. "integrations"). */
export const DEFAULT_TERMINOLOGY: Terminology = { goal: 'goal', goals: 'goals', habit: 'habit', habits: 'habits', team: 'team', teams: 'teams', apps: 'apps' };

const word = z.string().trim().min(1, 'Enter a word.').max(30, 'Use at most 30 characters.').regex(/^[\p{L}\p{N} '-]+$/u, 'Use letters, digits, spaces, hyphens and apostrophes.');

/** Blank means "use the default word". */
const override = word.or(z.literal('')).optional();
export const terminologySchema = z.object({ goal: override, goals: override, habit: override, habits: override, team: override, teams: override, apps: override });

/** Stored overrides merged over the defaults; anything invalid falls back to the default. */
export function resolveTerminology(stored: unknown): Terminology {
  const result = { ...DEFAULT_TERMINOLOGY };
  if (stored && typeof stored === 'object') {
    for (const key of TERM_KEYS) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === 'string' && word.safeParse(value).success) result[key] = value.trim().toLowerCase();
    }
  }
  return result;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** term(t, 'goals') → "objectives"; term(t, 'goals', true) → "Objectives". */
export function term(terminology: Terminology, key: TermKey, capital = false): string {
  const value = terminology[key];
  return capital ? capitalize(value) : value;
}
