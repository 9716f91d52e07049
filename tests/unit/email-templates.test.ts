import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMINOLOGY, resolveLocalizedTerminology, resolveTerminology } from '../../lib/branding/terminology.ts';
import type { Language } from '../../lib/i18n/languages.ts';
import { emailLocaleFor } from '../../lib/email/email-language.ts';
import { formatDateTime } from '../../lib/email/format-date.ts';
import type { EmailContent } from '../../lib/email/templates/email-content.ts';
import { invitationEmail } from '../../lib/email/templates/invitation-email.ts';
import { magicLinkEmail } from '../../lib/email/templates/magic-link-email.ts';
import { notificationEmail } from '../../lib/email/templates/notification-email.ts';
import { passwordResetEmail } from '../../lib/email/templates/password-reset-email.ts';
import { signupEmail } from '../../lib/email/templates/signup-email.ts';
import { supportTicketEmail } from '../../lib/email/templates/support-ticket-email.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { dunningEmail } from '../../lib/billing/dunning-email.ts';
import { trialReminderEmail } from '../../lib/billing/trials.ts';
import { translatorFor } from '../../lib/i18n/translator.ts';
import { composeNotificationEmail } from '../../lib/notifications/emails.ts';
import { habitReminderEmail } from '../../lib/notifications/reminders.ts';

// Every email in the recipient's language (issue 22): the templates' words from the catalogs
// (messages/<language>/email.json), the layout's own (emailLayout.json), the root's lang and
// dir, and the workspace's renamed words.

function workspace(overrides: Partial<TenantContext> = {}, words: { terminology?: Record<string, string>; localized?: Record<string, unknown> } = {}): TenantContext {
  return {
    id: 'tenant_1',
    slug: 'acme',
    name: 'Acme',
    status: 'active',
    timeZone: 'Europe/Berlin',
    locale: 'en-US',
    defaultRole: 'member',
    requireTwoFactor: false,
    plan: 'pro',
    trialEndsAt: null,
    overrides: [],
    branding: {
      primaryColor: '#4f46e5',
      secondaryColor: '#0f172a',
      accentColor: '#f59e0b',
      logoUrl: null,
      faviconUrl: null,
      customCss: '',
      hidePoweredBy: false,
      terminology: words.terminology ? resolveTerminology(words.terminology) : DEFAULT_TERMINOLOGY,
      localizedTerminology: resolveLocalizedTerminology(words.localized ?? {}),
      emailFromName: null,
      supportEmail: null,
      termsUrl: null,
      privacyUrl: null,
    },
    ...overrides,
  };
}

const acme = workspace();
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000 + 5_000);
const EXPIRES = new Date('2026-06-03T12:30:00Z');

function rootOf(html: string): string {
  return html.match(/<html[^>]*>/)![0];
}

function invitation(language: Language, tenant = acme, inviterName: string | null = 'Ada') {
  return invitationEmail({ tenant, inviterName, role: 'admin', acceptUrl: 'http://acme.localhost:3100/invite/tok', expiresAt: EXPIRES, language, locale: language });
}

/** Each template in a language, with what its subject and body say there. */
const expected: Record<'en' | 'de' | 'ja' | 'ar', { invitation: [string, string]; magic: [string, string]; reset: [string, string]; signup: [string, string]; ticket: [string, string]; layout: string }> = {
  en: {
    invitation: ['Ada invited you to join Acme', 'Ada invited you to join Acme as an admin.'],
    magic: ['Sign in to Acme', 'The link works once and expires in 15 minutes.'],
    reset: ['Choose a new password for Acme', 'Choosing a new password signs you out everywhere else.'],
    signup: ['Confirm your email to create Ada Co', 'The link works once and expires in 24 hours.'],
    ticket: ['New reply: #42 Export fails', 'Dana at Acme wrote on support ticket #42 Export fails:'],
    layout: 'If the button does not work, copy this link into your browser:',
  },
  de: {
    invitation: ['Ada hat dich zu Acme eingeladen', 'Ada hat dich eingeladen, Acme als Admin beizutreten.'],
    magic: ['Bei Acme anmelden', 'Der Link funktioniert einmal und läuft in 15 Minuten ab.'],
    reset: ['Neues Passwort für Acme festlegen', 'Mit einem neuen Passwort wirst du überall sonst abgemeldet.'],
    signup: ['Bestätige deine E-Mail-Adresse, um Ada Co zu erstellen', 'Der Link funktioniert einmal und läuft in 24 Stunden ab.'],
    ticket: ['Neue Antwort: #42 Export fails', 'Dana von Acme hat im Support-Ticket #42 Export fails geschrieben:'],
    layout: 'Falls der Button nicht funktioniert, kopiere diesen Link in deinen Browser:',
  },
  ja: {
    invitation: ['AdaからAcmeへの招待が届いています', 'Adaがあなたを管理者としてAcmeに招待しました。'],
    magic: ['Acmeにサインイン', 'リンクは1回だけ使用でき、15分後に期限切れになります。'],
    reset: ['Acmeの新しいパスワードを設定してください', '新しいパスワードを設定すると、他のすべての場所からサインアウトされます。'],
    signup: ['Ada Coを作成するにはメールアドレスを確認してください', 'リンクは1回だけ使用でき、24時間後に期限切れになります。'],
    ticket: ['新しい返信: #42 Export fails', 'AcmeのDanaがサポートチケット #42 Export fails に書き込みました:'],
    layout: 'ボタンが機能しない場合は、次のリンクをブラウザにコピーしてください:',
  },
  ar: {
    invitation: ['دعاك Ada للانضمام إلى Acme', 'دعاك Ada للانضمام إلى Acme بصفة مسؤول.'],
    magic: ['تسجيل الدخول إلى Acme', 'يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 15 دقيقة.'],
    reset: ['اختر كلمة مرور جديدة لـ Acme', 'يؤدي اختيار كلمة مرور جديدة إلى تسجيل خروجك من كل مكان آخر.'],
    signup: ['أكّد بريدك الإلكتروني لإنشاء Ada Co', 'يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 24 ساعة.'],
    ticket: ['رد جديد: #42 Export fails', 'كتب Dana في Acme في تذكرة الدعم #42 Export fails:'],
    layout: 'إذا لم يعمل الزر، فانسخ هذا الرابط في متصفحك:',
  },
};

function expectWritten(content: EmailContent, language: Language, subject: string, sentence: string) {
  expect(content.subject).toBe(subject);
  expect(content.text).toContain(sentence);
  expect(content.html).toContain(sentence.replace(/&/g, '&amp;'));
  expect(rootOf(content.html)).toBe(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
}

describe('emails in the recipient’s language', () => {
  for (const language of ['en', 'de', 'ja', 'ar'] as const) {
    const words = expected[language];

    it(`renders every template in ${language}`, async () => {
      const invited = await invitation(language);
      expectWritten(invited, language, ...words.invitation);
      expect(invited.html).toContain(words.layout);

      const magic = await magicLinkEmail({ tenant: acme, signInUrl: 'http://acme.localhost:3100/api/auth/callback/email?token=a', expiresAt: inMinutes(15), language });
      expectWritten(magic, language, ...words.magic);

      const reset = await passwordResetEmail({ tenant: acme, resetUrl: 'http://acme.localhost:3100/reset-password/tok', expiresAt: inMinutes(30), language });
      expectWritten(reset, language, ...words.reset);

      const signup = await signupEmail({ workspaceName: 'Ada Co', confirmUrl: 'http://localhost:3100/signup/confirm/tok', expiresAt: inMinutes(24 * 60), existingAccount: false, language });
      expectWritten(signup, language, ...words.signup);

      const actor = { en: 'Dana at Acme', de: 'Dana von Acme', ja: 'AcmeのDana', ar: 'Dana في Acme' }[language];
      const ticket = await supportTicketEmail({ tenant: acme, event: 'comment', ticket: { number: 42, subject: 'Export fails', priority: 'high' }, actor, body: 'It is broken.', url: 'http://acme.localhost:3100/settings/support/t1', language });
      expectWritten(ticket, language, ...words.ticket);
      expect(ticket.text).toContain('It is broken.');

      // The caller writes a notification's text; the template adds the layout's words and direction.
      const note = notificationEmail({ tenant: acme, subject: words.magic[0], heading: words.magic[0], paragraphs: [words.reset[1]], action: { label: 'OK', url: 'http://acme.localhost:3100/' }, language });
      expectWritten(note, language, words.magic[0], words.reset[1]);
      expect(note.html).toContain(words.layout);
    });
  }

  it('writes Arabic right to left, on the root and on the message’s table', async () => {
    const { html } = await invitation('ar');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toMatch(/<table role="presentation" dir="rtl"[^>]*text-align:right;/);
    expect(html).toContain('مدعوم من Waypoint');
    // The link stays readable left to right.
    expect(html).toContain('dir="ltr"');
  });

  it('dates an invitation in the recipient’s locale and the workspace’s zone', async () => {
    const german = await invitation('de');
    expect(german.text).toContain(formatDateTime(EXPIRES, 'Europe/Berlin', 'de'));
    expect(formatDateTime(EXPIRES, 'Europe/Berlin', 'de')).toBe('3. Juni 2026 um 14:30 (Europe/Berlin)');
    expect((await invitation('en')).text).toContain('June 3, 2026 at 2:30 PM (Europe/Berlin)');
  });

  it('names things with the workspace’s words, in each language', async () => {
    const renamed = workspace({}, { terminology: { goals: 'objectives', habits: 'rituals', teams: 'squads' }, localized: { de: { goals: 'Vorhaben', habits: 'Rituale' } } });
    const english = await invitation('en', renamed);
    for (const part of [english.html, english.text]) expect(part).toContain('There you set objectives, keep up rituals and work on them with your squads.');
    const german = await invitation('de', renamed);
    // Its own German words where it set them, the catalog's (Teams) where it did not.
    expect(german.text).toContain('Dort setzt du dir Vorhaben, pflegst Rituale und arbeitest gemeinsam mit deinen Teams daran.');
    const japanese = await invitation('ja');
    expect(japanese.text).toContain('そこでは目標を設定し、習慣を続け、チームと一緒に取り組めます。');
  });

  it('speaks the workspace’s language to someone who chose none, and their own to someone who did', async () => {
    const german = workspace({ locale: 'de-DE' });
    expect(emailLocaleFor(german, null)).toEqual({ language: 'de', locale: 'de-DE' });
    expect(emailLocaleFor(german, { locale: 'ja-JP' })).toEqual({ language: 'ja', locale: 'ja-JP' });
    expect(emailLocaleFor(acme, { locale: 'ar-EG' })).toEqual({ language: 'ar', locale: 'ar-EG' });
    // Without a language, an invitation speaks the workspace's.
    const invited = await invitationEmail({ tenant: german, inviterName: null, role: 'member', acceptUrl: 'http://acme.localhost:3100/invite/tok', expiresAt: EXPIRES });
    expect(invited.subject).toBe('Ein Admin hat dich zu Acme eingeladen');
    expect(invited.text).toContain('3. Juni 2026');
  });

  it('keeps English and "Powered by Waypoint" by default', async () => {
    const note = notificationEmail({ tenant: acme, subject: 's', heading: 'h', paragraphs: ['p'] });
    expect(rootOf(note.html)).toBe('<html lang="en" dir="ltr">');
    expect(note.text).toContain('Powered by Waypoint');
    const platform = await passwordResetEmail({ tenant: null, resetUrl: 'http://localhost:3100/reset-password/tok', expiresAt: inMinutes(30) });
    expect(platform.subject).toBe('Choose a new password for Waypoint');
  });
});

describe('notification, reminder and billing emails in the recipient’s language', () => {
  const items = [
    { text: 'Ada mentioned you', href: '/goals/g1' },
    { text: 'Bo commented', href: '/goals/g2' },
  ];
  const words: Record<'en' | 'de' | 'ar', { digest: string; single: string; reminder: string; dunning: string; trial: string }> = {
    en: { digest: 'Your daily digest: 2 notifications in Acme', single: 'Open it in Acme:', reminder: 'Reminder: Run', dunning: 'Payment failed for Acme', trial: 'Acme: your Pro trial ends in 3 days' },
    de: { digest: 'Deine tägliche Zusammenfassung: 2 Benachrichtigungen in Acme', single: 'In Acme öffnen:', reminder: 'Erinnerung: Run', dunning: 'Zahlung für Acme fehlgeschlagen', trial: 'Acme: Deine Testphase von Pro endet in 3 Tagen' },
    ar: { digest: 'ملخصك اليومي: إشعاران في Acme', single: 'افتحه في Acme:', reminder: 'تذكير: Run', dunning: 'فشل الدفع لـ Acme', trial: 'Acme: تنتهي فترتك التجريبية لـ Pro خلال 3 أيام' },
  };

  for (const language of ['en', 'de', 'ar'] as const) {
    it(`renders the notification email, digest, habit reminder, dunning email and trial reminder in ${language}`, async () => {
      const t = await translatorFor(language, acme.branding);
      const dir = language === 'ar' ? 'rtl' : 'ltr';
      const digest = composeNotificationEmail(acme, 'user_1', items, 'daily', { t, language });
      expect(digest.subject).toBe(words[language].digest);
      expect(rootOf(digest.html)).toBe(`<html lang="${language}" dir="${dir}">`);
      expect(digest.text).toContain('• Ada mentioned you (http://acme.localhost:3100/goals/g1)');

      const single = composeNotificationEmail(acme, 'user_1', items.slice(0, 1), 'immediately', { t, language });
      expect(single.subject).toBe('Ada mentioned you');
      expect(single.text).toContain(`${words[language].single} http://acme.localhost:3100/goals/g1`);
      expect(rootOf(single.html)).toBe(`<html lang="${language}" dir="${dir}">`);

      const reminder = await habitReminderEmail({ ...acme, locale: language === 'en' ? 'en-US' : language }, { userId: 'user_1', habitId: 'h1', habitName: 'Run', locale: null });
      expect(reminder.subject).toBe(words[language].reminder);
      expect(rootOf(reminder.html)).toBe(`<html lang="${language}" dir="${dir}">`);

      const dunning = await dunningEmail({ tenant: acme, step: 'day0', suspendAt: EXPIRES, ...emailLocaleFor(acme, { locale: language }) });
      expect(dunning.subject).toBe(words[language].dunning);
      expect(dunning.text).toContain(formatDateTime(EXPIRES, 'Europe/Berlin', language));
      expect(rootOf(dunning.html)).toBe(`<html lang="${language}" dir="${dir}">`);

      const trial = await trialReminderEmail(acme, { planName: 'Pro', endsAt: EXPIRES, daysLeft: 3 }, emailLocaleFor(acme, { locale: language }));
      expect(trial.subject).toBe(words[language].trial);
      expect(rootOf(trial.html)).toBe(`<html lang="${language}" dir="${dir}">`);
    });
  }

  it('keeps the English frame as it was', async () => {
    const t = await translatorFor('en', acme.branding);
    const weekly = composeNotificationEmail(acme, 'user_1', items, 'weekly', { t, language: 'en' });
    expect(weekly.subject).toBe('Your weekly digest: 2 notifications in Acme');
    expect(weekly.text).toContain('You get these emails because of your notification settings in Acme. Change them at http://acme.localhost:3100/account/notifications, or unsubscribe: ');
    const now = composeNotificationEmail(acme, 'user_1', items, 'immediately', { t, language: 'en' });
    expect(now.subject).toBe('2 new notifications: 2 notifications in Acme');
    const reminder = await habitReminderEmail(acme, { userId: 'user_1', habitId: 'h1', habitName: 'Run', locale: null });
    expect(reminder.text).toContain('This is your reminder for your habit “Run”. Log it when it is done; you can snooze the reminder on the habit\'s page.');
    const suspended = await dunningEmail({ tenant: acme, step: 'suspended', suspendAt: EXPIRES });
    expect(suspended.subject).toBe('Acme has been suspended for non-payment');
    const last = await trialReminderEmail(acme, { planName: 'Pro', endsAt: EXPIRES, daysLeft: 1 });
    expect(last.subject).toBe('Acme: your Pro trial ends in 1 day');
    expect(last.text).toContain('The Pro trial of Acme ends on June 3, 2026 at 2:30 PM (Europe/Berlin).');
  });
});
