import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../lib/i18n/choose-language.ts';
import { SUPPORTED_LOCALES } from '../../lib/format/locales.ts';
import { directionOf, LANGUAGES, languageFromAcceptLanguage, languageOf } from '../../lib/i18n/languages.ts';

describe('languageOf', () => {
  it('matches a locale exactly, then by its language alone, in any case', () => {
    expect(languageOf('pt-BR')).toBe('pt-BR');
    expect(languageOf('PT-br')).toBe('pt-BR');
    expect(languageOf('pt-PT')).toBe('pt-BR');
    expect(languageOf('de-AT')).toBe('de');
    expect(languageOf('de')).toBe('de');
    expect(languageOf('ar-EG')).toBe('ar');
    expect(languageOf('ja-JP')).toBe('ja');
    expect(languageOf('en-GB')).toBe('en');
  });

  it('is null for a language without a catalog, a malformed tag or nothing', () => {
    expect(languageOf('sv-SE')).toBeNull();
    expect(languageOf('not a tag!')).toBeNull();
    expect(languageOf('')).toBeNull();
    expect(languageOf(null)).toBeNull();
  });
});

describe('languageFromAcceptLanguage', () => {
  it('takes the highest-weighted range with a catalog, ties in the order sent', () => {
    expect(languageFromAcceptLanguage('sv-SE, fr-CH;q=0.9, en;q=0.8')).toBe('fr');
    expect(languageFromAcceptLanguage('en;q=0.5, ja;q=0.9')).toBe('ja');
    expect(languageFromAcceptLanguage('de, es')).toBe('de');
    expect(languageFromAcceptLanguage('es;q=0.7, de;q=0.7')).toBe('es');
  });

  it('ignores q=0, "*", malformed weights and ranges without a catalog', () => {
    expect(languageFromAcceptLanguage('de;q=0, fr;q=0.1')).toBe('fr');
    expect(languageFromAcceptLanguage('*, sv')).toBeNull();
    expect(languageFromAcceptLanguage('ja;q=2, ar;q=abc, es;q=0.2')).toBe('es');
    expect(languageFromAcceptLanguage('')).toBeNull();
    expect(languageFromAcceptLanguage(undefined)).toBeNull();
  });
});

describe('directionOf', () => {
  it('is rtl for Arabic only', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('ja')).toBe('ltr');
  });
});

describe('chooseLanguage', () => {
  it("takes the member's choice, then the workspace's, then (without a workspace) the browser's", () => {
    expect(chooseLanguage({ memberLocale: 'ja-JP', workspaceLocale: 'de-DE', acceptLanguage: 'fr' })).toBe('ja');
    expect(chooseLanguage({ memberLocale: null, workspaceLocale: 'de-DE', acceptLanguage: 'fr' })).toBe('de');
    expect(chooseLanguage({ workspaceLocale: null, acceptLanguage: 'ar-EG, en;q=0.5' })).toBe('ar');
  });

  it("keeps a workspace's language for its sign-in page whatever the browser asks", () => {
    expect(chooseLanguage({ workspaceLocale: 'fr-FR', acceptLanguage: 'ja' })).toBe('fr');
  });

  it('falls back past locales without a catalog, to English last', () => {
    expect(chooseLanguage({ memberLocale: 'sv-SE', workspaceLocale: 'es-ES' })).toBe('es');
    // A workspace in a language without a catalog speaks English, not the visitor's language.
    expect(chooseLanguage({ workspaceLocale: 'pl-PL', acceptLanguage: 'de' })).toBe('en');
    expect(chooseLanguage({})).toBe('en');
  });
});

describe('the locales one can pick', () => {
  it('include at least one for every language with a catalog', () => {
    const spoken = new Set(SUPPORTED_LOCALES.map((locale) => languageOf(locale.value)));
    expect(LANGUAGES.filter((language) => !spoken.has(language))).toEqual([]);
  });
});
