import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import type { Catalog } from '../i18n/catalog-types.ts';
import type { Language } from '../i18n/languages.ts';

// The email layout's own words (the link under the button, "Powered by"), read synchronously:
// renderEmail() is synchronous and many senders call it, so its few words are read from
// messages/<language>/emailLayout.json once per process, not loaded like the rest of the
// catalogs (lib/i18n/messages.ts). Read as files rather than imported: Node's own loader
// (Playwright, scripts) would want an import attribute on JSON.

type LayoutWords = { copyLink: string; poweredBy: string };

const LAYOUT = new Map<Language, LayoutWords>();

function layoutWords(language: Language): LayoutWords {
  let words = LAYOUT.get(language);
  if (!words) {
    const read = (tag: string) => JSON.parse(readFileSync(path.join(process.cwd(), 'messages', tag, 'emailLayout.json'), 'utf8')) as LayoutWords;
    try {
      words = read(language);
    } catch {
      words = read('en');
    }
    LAYOUT.set(language, words);
  }
  return words;
}

export interface EmailLayoutText {
  copyLink: string;
  poweredBy: string;
}

export function emailLayoutText(language: Language): EmailLayoutText {
  const t = createTranslator({ locale: language, messages: { emailLayout: layoutWords(language) } as unknown as Catalog, namespace: 'emailLayout' });
  return { copyLink: t('copyLink'), poweredBy: t('poweredBy', { product: 'Waypoint' }) };
}
