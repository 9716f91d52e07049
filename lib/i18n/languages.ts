// The languages Waypoint's screens and emails are written in (messages/<language>.json). A
// workspace or member picks a locale (lib/format/locales.ts: a language and region, which also
// sets how dates and numbers look); the language of the words is the catalog that locale
// speaks, English when there is none.

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Languages written right to left. */
const RIGHT_TO_LEFT = new Set<Language>(['ar']);

/**
 * The catalog for a BCP 47 locale: an exact match first (pt-BR), then the language alone;
 * null when none speaks it. Case-insensitive, as BCP 47 tags are.
 */
export function languageOf(locale: string | null | undefined): Language | null {
  if (!locale) return null;
  let tag: string;
  try {
    // Canonical casing and structure ("PT-br" → "pt-BR"); a malformed tag matches nothing.
    tag = Intl.getCanonicalLocales(locale.trim())[0] ?? '';
  } catch {
    return null;
  }
  const exact = LANGUAGES.find((language) => language === tag);
  if (exact) return exact;
  // Then by language alone: de-AT → de, ar-EG → ar, pt-PT → pt-BR (closer than English).
  const base = tag.split('-')[0];
  return LANGUAGES.find((language) => language.split('-')[0] === base) ?? null;
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
}

/**
 * The best catalog for an Accept-Language header (RFC 9110 §12.5.4): ranges by weight, highest
 * first (ties in the order sent), q=0 and malformed weights excluded, "*" ignored; null when
 * none is spoken here.
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.find((param) => /^\s*q\s*=/i.test(param));
      // A weight that is not one (q=2, q=abc) drops its range rather than guess.
      const weight = q === undefined ? 1 : /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i.test(q) ? Number(q.split('=')[1]) : 0;
      return { range: range.trim(), weight, index };
    })
    .filter(({ range, weight }) => range && range !== '*' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { range } of ranges) {
    const language = languageOf(range);
    if (language) return language;
  }
  return null;
}
