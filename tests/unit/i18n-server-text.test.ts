import { describe, expect, it } from 'vitest';
import { resolveLocalizedTerminology, resolveTerminology } from '../../lib/branding/terminology.ts';
import { serverTextTranslator } from '../../lib/i18n/server-text.ts';
import { notFound, problemResponse, validationFailed } from '../../lib/http/problem.ts';

describe("the server's sentences in the page's language", () => {
  it('translates a listed sentence, and one with values by its pattern', async () => {
    const german = await serverTextTranslator('de');
    expect(german('Not found.')).toBe('Nicht gefunden.');
    expect(german('Use at most 80 characters.')).toBe('Verwende höchstens 80 Zeichen.');
    // Not listed: stays English rather than guess.
    expect(german('A sentence nobody listed.')).toBe('A sentence nobody listed.');
    expect((await serverTextTranslator('en'))('Not found.')).toBe('Not found.');
  });

  it('translates detail and field messages of a problem, keeping code and title English', async () => {
    const response = problemResponse(validationFailed({ name: 'Use at least 2 characters.' }), { translate: await serverTextTranslator('ja') });
    const body = await response.json();
    expect(body).toMatchObject({ title: 'Unprocessable Content', code: 'validation_failed', detail: '入力内容を確認してください。', errors: { name: '2文字以上で入力してください。' } });
    const english = await problemResponse(notFound()).json();
    expect(english.detail).toBe('Not found.');
  });
});

describe("the server's sentences in a workspace's words", () => {
  const words = (terminology: Record<string, string>, localized: Record<string, unknown> = {}) => ({ terminology: resolveTerminology(terminology), localizedTerminology: resolveLocalizedTerminology(localized) });

  it('matches the sentence with its English words renamed, and answers with its words in the language', async () => {
    const german = await serverTextTranslator('de', words({ goal: 'objective', goals: 'objectives' }));
    const plain = await serverTextTranslator('de');
    expect(plain('No such goal.')).not.toBe('No such goal.');
    // Renamed in English only: the catalog's German word.
    expect(german('No such objective.')).toBe(plain('No such goal.'));
    // Renamed in German too: its German word.
    const own = await serverTextTranslator('de', words({ goal: 'objective' }, { de: { goal: 'Vorhaben' } }));
    expect(own('No such objective.')).toBe(plain('No such goal.').replace('Ziel', 'Vorhaben'));
    expect(own('No such objective.')).toContain('Vorhaben');
  });
});
