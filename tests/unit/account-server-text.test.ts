import { describe, expect, it } from 'vitest';
import { serverTextTranslator } from '../../lib/i18n/server-text.ts';

// The account, sign-in and sign-up screens' server sentences (messages/<language>/errors/account.json).
describe('account sentences in the page’s language', () => {
  it('translates fixed sentences and those with values', async () => {
    const german = await serverTextTranslator('de');
    expect(german('This is not your current password.')).toBe('Das ist nicht dein aktuelles Passwort.');
    expect(german('You are the last owner of Acme Coaching: make someone else an owner, or delete the workspace, first.')).toBe(
      'Du bist der letzte Inhaber von Acme Coaching: Mach zuerst jemand anderen zum Inhaber oder lösche den Workspace.',
    );
    expect(german('The picture must be at least 32×32 pixels (this one is 10×12).')).toBe('Das Bild muss mindestens 32×32 Pixel groß sein (dieses hat 10×12).');
    const japanese = await serverTextTranslator('ja');
    expect(japanese('Check your email: we sent a link to ada@example.test. Follow it to create your workspace.')).toBe('メールを確認してください。ada@example.testにリンクを送信しました。リンクを開いてワークスペースを作成してください。');
    expect((await serverTextTranslator('ar'))('Too many failed sign-in attempts. Try again in 15 minutes.')).toBe('محاولات تسجيل دخول فاشلة كثيرة جدًا. حاول مرة أخرى بعد 15 دقيقة.');
  });
});
