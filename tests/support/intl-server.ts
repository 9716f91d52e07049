import { createTranslator } from 'next-intl';
import { messagesFor } from '../../lib/i18n/messages.ts';
import type { Language } from '../../lib/i18n/languages.ts';

// Server components call next-intl's getTranslations(), which reads the request (Next's
// headers) and so cannot run in a plain test. Tests that render one mock that module with
// this: the same catalogs, in the language asked (English by default).
//   vi.mock('next-intl/server', async () => (await import('../support/intl-server.ts')).intlServer());

export function intlServer(language: Language = 'en') {
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: language, messages: await messagesFor(language), ...(namespace ? { namespace } : {}) } as Parameters<typeof createTranslator>[0]),
    getLocale: async () => language,
  };
}
