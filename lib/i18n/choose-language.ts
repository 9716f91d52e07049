import { DEFAULT_LANGUAGE, languageFromAcceptLanguage, languageOf, type Language } from './languages.ts';

export interface LanguageInputs {
  /** The signed-in member's own locale (account settings), if they chose one. */
  memberLocale?: string | null;
  /** The workspace's locale, on a workspace's host; absent on the root domain. */
  workspaceLocale?: string | null;
  /** The request's Accept-Language header. */
  acceptLanguage?: string | null;
}

/**
 * The language a page speaks: the member's choice, else their workspace's (so a workspace's
 * sign-in page speaks its language to everyone), else, where there is no workspace (the root
 * domain: sign-up, the operator console), the browser's; English when none has a catalog.
 */
export function chooseLanguage({ memberLocale, workspaceLocale, acceptLanguage }: LanguageInputs): Language {
  return languageOf(memberLocale) ?? languageOf(workspaceLocale) ?? (workspaceLocale ? null : languageFromAcceptLanguage(acceptLanguage)) ?? DEFAULT_LANGUAGE;
}
