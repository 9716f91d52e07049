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

/**
 * A workspace's words in the other languages (issue 22): { de: { goals: 'Vorhaben' } }. A word
 * it leaves blank is the catalog's word in that language (messages/<language>/terms.json), not
 * a translation of its English override. Kept as typed: German capitalises its nouns, and the
 * English words stay lower-cased as before.
 */
export type LocalizedTerminology = Partial<Record<string, Partial<Terminology>>>;

const localizedWords = z.object({ goal: override, goals: override, habit: override, habits: override, team: override, teams: override, apps: override });
/** Only languages with a catalog other than English (which is `terminology`). */
const OTHER_LANGUAGES = ['de', 'fr', 'es', 'pt-BR', 'ja', 'ar'] as const;
export const localizedTerminologySchema = z.partialRecord(z.enum(OTHER_LANGUAGES), localizedWords).optional();

/** Stored per-language overrides, each word checked; anything invalid is dropped. */
export function resolveLocalizedTerminology(stored: unknown): LocalizedTerminology {
  const result: LocalizedTerminology = {};
  if (!stored || typeof stored !== 'object') return result;
  for (const [language, words] of Object.entries(stored as Record<string, unknown>)) {
    if (!(OTHER_LANGUAGES as readonly string[]).includes(language) || !words || typeof words !== 'object') continue;
    const kept: Partial<Terminology> = {};
    for (const key of TERM_KEYS) {
      const value = (words as Record<string, unknown>)[key];
      if (typeof value === 'string' && word.safeParse(value).success) kept[key] = value.trim();
    }
    if (Object.keys(kept).length) result[language] = kept;
  }
  return result;
}

/** term(t, 'goals') → "objectives"; term(t, 'goals', true) → "Objectives". */
export function term(terminology: Terminology, key: TermKey, capital = false): string {
  const value = terminology[key];
  return capital ? capitalize(value) : value;
}
