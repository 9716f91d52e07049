import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMINOLOGY, resolveLocalizedTerminology, resolveTerminology } from '../../lib/branding/terminology.ts';
import { translatorFor } from '../../lib/i18n/translator.ts';
import { fillTerms, termsFor, termValues } from '../../lib/i18n/terms.ts';

const words = (terminology: Record<string, string>, localized: Record<string, unknown> = {}) => ({ terminology: resolveTerminology(terminology), localizedTerminology: resolveLocalizedTerminology(localized) });

describe("a workspace's words in the catalogs", () => {
  it('fills {goals} and {Goals} with the words, leaving other arguments to the call', () => {
    const values = termValues(resolveTerminology({ goals: 'objectives' }));
    expect(fillTerms('{Goals} due for {name}', values)).toBe('Objectives due for {name}');
    const plural = fillTerms('{count, plural, one {# {goal}} other {# {goals}}}', termValues(DEFAULT_TERMINOLOGY));
    const t = createTranslator({ locale: 'en', messages: { plural } });
    expect([t('plural', { count: 1 }), t('plural', { count: 3 })]).toEqual(['1 goal', '3 goals']);
  });

  it("keeps a word's apostrophe a letter, not ICU quoting", () => {
    const message = fillTerms("Your {teams} and '{'braces'}'", termValues(resolveTerminology({ teams: "crew's" })));
    expect(createTranslator({ locale: 'en', messages: { m: message } })('m')).toBe("Your crew's and {braces}");
  });

  it('uses the catalog word in a language the workspace did not word, and its own where it did', () => {
    const catalog = { ...DEFAULT_TERMINOLOGY, goals: 'Ziele' };
    const own = words({ goals: 'objectives' }, { de: { goals: 'Vorhaben' }, xx: { goals: 'dropped' } });
    expect(termsFor('de', catalog, own).goals).toBe('Vorhaben');
    expect(termsFor('de', catalog, words({ goals: 'objectives' })).goals).toBe('Ziele');
    expect(termsFor('en', catalog, own).goals).toBe('objectives');
    expect(resolveLocalizedTerminology({ de: { goals: '<b>', habits: 'Rituale' }, fr: 'objectifs', xx: { goals: 'x' } })).toEqual({ de: { habits: 'Rituale' } });
  });

  it('serves terms in German with the German words, and the workspace’s own German word', async () => {
    const german = await translatorFor('de', words({}, { de: { goals: 'Vorhaben' } }));
    expect(german('terms.goals')).toBe('Vorhaben');
    const plain = await translatorFor('de', words({ goals: 'objectives' }));
    expect(plain('terms.goals')).toBe('Ziele');
  });
});
