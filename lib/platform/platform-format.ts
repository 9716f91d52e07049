import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { createFormatter, type FormatSettings, type Formatter } from '../format/formatter.ts';
import { DEFAULT_LANGUAGE, languageOf } from '../i18n/languages.ts';
import { serverTextTranslator } from '../i18n/server-text.ts';

// The platform's own pages (the operator console) have no workspace: dates and numbers follow
// the reader's language (lib/i18n/request.ts picks it from the browser) and days are UTC days.

/** Settings for the operator layout's FormatProvider, so client components format as the server does. */
export const getPlatformFormatSettings = cache(async (): Promise<FormatSettings> => ({ locale: await getLocale(), timeZone: 'UTC' }));

/** The formatter for server components of a platform page. */
export const getPlatformFormatter = cache(async (): Promise<Formatter> => createFormatter(await getPlatformFormatSettings()));

/** The server's English sentences (lib/i18n/server-text.ts) in the reader's language, for what a page shows that came from lib/ as data. */
export const getPlatformServerText = cache(async (): Promise<(english: string) => string> => serverTextTranslator(languageOf(await getLocale()) ?? DEFAULT_LANGUAGE));
