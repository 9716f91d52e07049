import { createTranslator } from 'next-intl';
import type { Catalog } from './catalog-types.ts';
import { chooseLanguage } from './choose-language.ts';
import type { Language } from './languages.ts';
import { messagesFor, type WorkspaceWords } from './messages.ts';
import { messageFallback, reportIntlError } from './report-missing.ts';

// Words outside a page render (emails, notifications, workers, route handlers): the same
// catalogs and the same workspace words as the pages, for a language chosen by the caller.

export type Translator = Awaited<ReturnType<typeof translatorFor>>;

/** t('namespace.key', values) in the language, with the workspace's words filled in. */
export async function translatorFor(language: Language, words: WorkspaceWords = null) {
  return createTranslator({ locale: language, messages: (await messagesFor(language, words)) as unknown as Catalog, onError: reportIntlError, getMessageFallback: messageFallback });
}

/** The language a workspace speaks to one of its people: their own choice, else the workspace's. */
export function languageForRecipient(workspace: { locale?: string | null }, recipient: { locale?: string | null } | null): Language {
  return chooseLanguage({ memberLocale: recipient?.locale, workspaceLocale: workspace.locale ?? 'en' });
}
