import { languageForRecipient } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';

// The language an email is written in and the locale its dates are in. Mail to a workspace's
// people speaks the recipient's language (their own locale, else the workspace's); mail from
// the platform's pages (sign-up, the root domain's password links) the language of the page
// the person used.

export interface EmailLocale {
  /** The catalog the words come from. */
  language: Language;
  /** BCP 47, for dates and numbers (lib/email/format-date.ts). */
  locale: string;
}

/** For one of a workspace's people (null: someone who is not a member yet, e.g. an invitee). */
export function emailLocaleFor(workspace: { locale: string }, recipient: { locale?: string | null } | null): EmailLocale {
  return { language: languageForRecipient(workspace, recipient), locale: recipient?.locale || workspace.locale };
}

/** For mail asked for on one of the platform's pages, in that page's language. */
export function emailLocaleOfPage(language: Language): EmailLocale {
  return { language, locale: language };
}
